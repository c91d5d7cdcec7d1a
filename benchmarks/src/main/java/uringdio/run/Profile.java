package uringdio.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uringdio.read.Scenario;

/**
 * A named set of scenarios with their JMH iteration settings.
 *
 * <p>{@code default} puts a number on the forced wait on btrfs beside its controls in about five
 * minutes on 2 cores: the seed's read (16 KiB over 4 extents, only byte 0 of the buffer touched)
 * and its neighbours in read size, extent count, fault-in pattern, submit mode, queue depth and
 * btrfs variant, on btrfs with ext4 (and for the core reads xfs) as controls, plus the
 * MariaDB-like workload. {@code quick} is its skeleton for CI and smoke runs, under two minutes.
 */
public record Profile(String name, int warmupIterations, int measurementIterations, int iterationSeconds,
                      long ranges, long largeFileSize, int largeExtentSize, List<PlannedScenario> scenarios) {

    public static final List<String> NAMES = List.of("default", "quick");

    /** The profile {@code name}; {@code largeFileSize} null keeps its own (1 GiB default, 64 MiB quick). */
    public static Profile named(String name, Long largeFileSize, int largeExtentSize) {
        return switch (name) {
            case "default" -> standard(largeFileSize == null ? 1L << 30 : largeFileSize, largeExtentSize);
            case "quick" -> quick(largeFileSize == null ? 64L << 20 : largeFileSize, largeExtentSize);
            default -> throw new IllegalArgumentException("unknown profile " + name + ": use " + String.join(" or ", NAMES));
        };
    }

    private static Profile standard(long largeFileSize, int largeExtentSize) {
        long ranges = 16;
        List<PlannedScenario> s = new ArrayList<>();
        // The seed's read, where the forced wait lives, on each filesystem and fault-in pattern.
        for (String fs : List.of("btrfs", "ext4", "xfs")) {
            for (String pattern : List.of("FIRST", "ALL", "NONE")) {
                s.add(PlannedScenario.extentRead(ranges, "fs=" + fs, "pattern=" + pattern));
            }
        }
        // One page: btrfs still issues it inline into a resident page.
        s.add(PlannedScenario.extentRead(ranges, "readSize=0004096", "extents=01", "pattern=ALL"));
        s.add(PlannedScenario.extentRead(ranges, "readSize=0004096", "extents=01", "pattern=NONE"));
        s.add(PlannedScenario.extentRead(ranges, "fs=ext4", "readSize=0004096", "extents=01", "pattern=ALL"));
        // Larger reads over more extents: more to wait for.
        for (String fs : List.of("btrfs", "ext4")) {
            for (String pattern : List.of("FIRST", "ALL")) {
                s.add(PlannedScenario.extentRead(ranges, "fs=" + fs, "readSize=0065536", "extents=16", "pattern=" + pattern));
                s.add(PlannedScenario.extentRead(ranges, "fs=" + fs, "readSize=1048576", "extents=64", "pattern=" + pattern));
            }
        }
        // The extent count alone: one extent against four.
        s.add(PlannedScenario.extentRead(ranges, "extents=01", "pattern=FIRST"));
        s.add(PlannedScenario.extentRead(ranges, "extents=01", "pattern=ALL"));
        // Submit modes on a resident buffer: refused and retried, always punted, pinned, synchronous.
        for (String fs : List.of("btrfs", "ext4")) {
            s.add(PlannedScenario.extentRead(ranges, "fs=" + fs, "pattern=ALL", "mode=RWF_NOWAIT", "retryEagain=true"));
            s.add(PlannedScenario.extentRead(ranges, "fs=" + fs, "pattern=ALL", "mode=IOSQE_ASYNC"));
            s.add(PlannedScenario.extentRead(ranges, "fs=" + fs, "pattern=REGISTERED", "mode=REGISTERED"));
            s.add(PlannedScenario.extentRead(ranges, "fs=" + fs, "pattern=ALL", "mode=PREAD"));
        }
        s.add(PlannedScenario.extentRead(ranges, "pattern=ALL", "mode=RWF_NOWAIT"));
        // Queue depth 16: io-wq workers in parallel.
        for (String fs : List.of("btrfs", "ext4")) {
            s.add(PlannedScenario.extentRead(ranges, "fs=" + fs, "pattern=ALL", "queueDepth=16", "submitBatch=04"));
        }
        s.add(PlannedScenario.extentRead(ranges, "pattern=FIRST", "queueDepth=16", "submitBatch=04"));
        // btrfs variants that take other paths.
        s.add(PlannedScenario.extentRead(ranges, "variant=NODATACOW", "pattern=ALL"));
        s.add(PlannedScenario.extentRead(ranges, "variant=COMPRESSED", "extents=02", "pattern=ALL"));
        // MariaDB's shape.
        for (String fs : List.of("btrfs", "ext4")) {
            s.add(PlannedScenario.mariaDbLike(largeFileSize, largeExtentSize, "fs=" + fs));
        }
        return new Profile("default", 2, 4, 1, ranges, largeFileSize, largeExtentSize, s);
    }

    private static Profile quick(long largeFileSize, int largeExtentSize) {
        long ranges = 16;
        List<PlannedScenario> s = new ArrayList<>();
        s.add(PlannedScenario.extentRead(ranges, "pattern=FIRST"));
        s.add(PlannedScenario.extentRead(ranges, "pattern=ALL"));
        s.add(PlannedScenario.extentRead(ranges, "pattern=NONE"));
        s.add(PlannedScenario.extentRead(ranges, "fs=ext4", "pattern=FIRST"));
        s.add(PlannedScenario.extentRead(ranges, "fs=ext4", "pattern=ALL"));
        s.add(PlannedScenario.extentRead(ranges, "fs=xfs", "pattern=ALL"));
        s.add(PlannedScenario.extentRead(ranges, "pattern=ALL", "mode=RWF_NOWAIT"));
        s.add(PlannedScenario.extentRead(ranges, "pattern=REGISTERED", "mode=REGISTERED"));
        s.add(PlannedScenario.extentRead(ranges, "pattern=ALL", "mode=PREAD"));
        s.add(PlannedScenario.mariaDbLike(largeFileSize, largeExtentSize, "queueDepth=4"));
        return new Profile("quick", 1, 2, 1, ranges, largeFileSize, largeExtentSize, s);
    }

    /**
     * A matrix of one benchmark from JMH-style parameters ({@code "pattern" -> "FIRST,ALL"}): the
     * cross product over the defaults. A value that is wrong in itself throws; a combination that
     * cannot run (REGISTERED mode with a FIRST buffer, say) is left out and named in {@code skipped}.
     */
    public static Profile custom(String benchmark, Map<String, String> params, int warmup, int iterations, int seconds,
                                 Long largeFileSize, int largeExtentSize, List<String> skipped) {
        if (!benchmark.equals(Scenario.EXTENT_READ) && !benchmark.equals(Scenario.MARIADB_LIKE)) {
            throw new Scenario.BadValue("unknown benchmark " + benchmark + ": use extent-read or mariadb-like");
        }
        long ranges = 16;
        long large = largeFileSize == null ? 1L << 30 : largeFileSize;
        List<List<String>> axes = new ArrayList<>();
        params.forEach((k, v) -> {
            List<String> values = new ArrayList<>();
            for (String one : v.split(",")) {
                values.add(k + "=" + one.trim());
            }
            axes.add(values);
        });
        List<List<String>> combos = new ArrayList<>();
        combos.add(List.of());
        for (List<String> axis : axes) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> c : combos) {
                for (String v : axis) {
                    List<String> n = new ArrayList<>(c);
                    n.add(v);
                    next.add(n);
                }
            }
            combos = next;
        }
        List<PlannedScenario> s = new ArrayList<>();
        IllegalArgumentException firstValueError = null;
        for (List<String> c : combos) {
            String[] overrides = c.toArray(String[]::new);
            try {
                s.add(benchmark.equals(Scenario.EXTENT_READ) ? PlannedScenario.extentRead(ranges, overrides)
                        : PlannedScenario.mariaDbLike(large, largeExtentSize, overrides));
            } catch (Scenario.BadValue e) {
                throw e;
            } catch (IllegalArgumentException e) {
                skipped.add(String.join(" ", c) + ": " + e.getMessage());
                firstValueError = firstValueError == null ? e : firstValueError;
            }
        }
        if (s.isEmpty() && firstValueError != null) {
            throw new IllegalArgumentException("no combination of the parameters can run: " + firstValueError.getMessage());
        }
        return new Profile("custom", warmup, iterations, seconds, ranges, large, largeExtentSize, s);
    }

    /** The filesystems the scenarios need, in first-use order. */
    public List<String> filesystems() {
        List<String> fs = new ArrayList<>();
        for (PlannedScenario p : scenarios) {
            if (!fs.contains(p.scenario().fs())) {
                fs.add(p.scenario().fs());
            }
        }
        return fs;
    }
}
