package uringdio.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uringdio.bench.PlannedScenario;
import uringdio.cli.BadInputException;
import uringdio.scenario.FileSizes;
import uringdio.scenario.Filesystem;
import uringdio.scenario.Workload;

/**
 * A named set of scenarios with their JMH iteration settings.
 *
 * <p>{@code default} puts a number on the forced wait on btrfs beside its controls in about five
 * minutes on 2 cores: the seed's read (16 KiB over 4 extents, only byte 0 of the buffer touched)
 * and its neighbours in read size, extent count, fault-in pattern, submit mode, queue depth and
 * btrfs variant, on btrfs with ext4 (and for the core reads xfs) as controls, plus the
 * MariaDB-like workload. {@code quick} is its skeleton for CI and smoke runs, about a minute.
 *
 * <p>Every profile measures its matrix in {@code rounds} rounds, one JMH fork per scenario and
 * round, each round in a rotated order; a fork warms up for {@code warmupIterations} of
 * {@code warmupMillis} and measures {@code measurementIterations} of {@code iterationMillis}. A
 * fork costs about 0.8 s of its own (a JVM, the ring, the fixture found again) on 2 cores, so
 * short forks in more rounds buy more than long forks in few: the interval between two runs
 * narrows with the square root of the rounds, while one fork's p50 is already stable after a few
 * thousand reads. Default: 4 rounds of 0.3 s warm-up and 0.5 s measured (about 6 minutes for 38
 * scenarios: a fork costs about 1.4 s of its own here, so 5 rounds took 7); quick and a custom matrix: 3 rounds of 0.3 s and 0.7 s (quick: about a minute for 10).
 */
public record Profile(String name, int rounds, int warmupIterations, int measurementIterations, int warmupMillis,
                      int iterationMillis, FileSizes sizes, List<PlannedScenario> scenarios) {

    public static final List<String> NAMES = List.of("default", "quick");

    /** The profile {@code name}; {@code largeFileSize} null keeps its own (1 GiB default, 64 MiB quick). */
    public static Profile named(String name, Long largeFileSize, int largeExtentSize) {
        return switch (name) {
            case "default" -> standard(sizes(largeFileSize, FileSizes.DEFAULT_LARGE_FILE, largeExtentSize));
            case "quick" -> quick(sizes(largeFileSize, 64L << 20, largeExtentSize));
            default -> throw new BadInputException("unknown profile " + name + ": use " + String.join(" or ", NAMES));
        };
    }

    private static FileSizes sizes(Long largeFileSize, long dflt, int largeExtentSize) {
        return new FileSizes(FileSizes.DEFAULT_RANGES, largeFileSize == null ? dflt : largeFileSize, largeExtentSize);
    }

    /** A scenario of the extent read; a profile's scenarios all run. */
    private static PlannedScenario extentRead(FileSizes sizes, String... overrides) {
        PlannedScenario p = PlannedScenario.of(Workload.EXTENT_READ, sizes, overrides);
        p.scenario().requireRunnable(512);
        return p;
    }

    private static PlannedScenario mariaDbLike(FileSizes sizes, String... overrides) {
        PlannedScenario p = PlannedScenario.of(Workload.MARIADB_LIKE, sizes, overrides);
        p.scenario().requireRunnable(512);
        return p;
    }

    private static Profile standard(FileSizes sizes) {
        List<PlannedScenario> s = new ArrayList<>();
        // The seed's read, where the forced wait lives, on each filesystem and fault-in pattern.
        for (Filesystem fs : Filesystem.values()) {
            for (String pattern : List.of("FIRST", "ALL", "NONE")) {
                s.add(extentRead(sizes, "fs=" + fs, "pattern=" + pattern));
            }
        }
        // One page: btrfs still issues it inline into a resident page.
        s.add(extentRead(sizes, "readSize=0004096", "extents=01", "pattern=ALL"));
        s.add(extentRead(sizes, "readSize=0004096", "extents=01", "pattern=NONE"));
        s.add(extentRead(sizes, "fs=ext4", "readSize=0004096", "extents=01", "pattern=ALL"));
        // Larger reads over more extents: more to wait for.
        for (String fs : List.of("btrfs", "ext4")) {
            for (String pattern : List.of("FIRST", "ALL")) {
                s.add(extentRead(sizes, "fs=" + fs, "readSize=0065536", "extents=16", "pattern=" + pattern));
                s.add(extentRead(sizes, "fs=" + fs, "readSize=1048576", "extents=64", "pattern=" + pattern));
            }
        }
        // The extent count alone: one extent against four.
        s.add(extentRead(sizes, "extents=01", "pattern=FIRST"));
        s.add(extentRead(sizes, "extents=01", "pattern=ALL"));
        // Submit modes on a resident buffer: refused and retried, always punted, pinned, synchronous.
        for (String fs : List.of("btrfs", "ext4")) {
            s.add(extentRead(sizes, "fs=" + fs, "pattern=ALL", "mode=RWF_NOWAIT", "retryEagain=true"));
            s.add(extentRead(sizes, "fs=" + fs, "pattern=ALL", "mode=IOSQE_ASYNC"));
            s.add(extentRead(sizes, "fs=" + fs, "pattern=REGISTERED", "mode=REGISTERED"));
            s.add(extentRead(sizes, "fs=" + fs, "pattern=ALL", "mode=PREAD"));
        }
        s.add(extentRead(sizes, "pattern=ALL", "mode=RWF_NOWAIT"));
        // Queue depth 16: io-wq workers in parallel.
        for (String fs : List.of("btrfs", "ext4")) {
            s.add(extentRead(sizes, "fs=" + fs, "pattern=ALL", "queueDepth=16", "submitBatch=04"));
        }
        s.add(extentRead(sizes, "pattern=FIRST", "queueDepth=16", "submitBatch=04"));
        // btrfs variants that take other paths.
        s.add(extentRead(sizes, "variant=NODATACOW", "pattern=ALL"));
        s.add(extentRead(sizes, "variant=COMPRESSED", "extents=02", "pattern=ALL"));
        // MariaDB's shape.
        for (String fs : List.of("btrfs", "ext4")) {
            s.add(mariaDbLike(sizes, "fs=" + fs));
        }
        return new Profile("default", 4, 1, 1, 300, 500, sizes, s);
    }

    private static Profile quick(FileSizes sizes) {
        List<PlannedScenario> s = new ArrayList<>();
        s.add(extentRead(sizes, "pattern=FIRST"));
        s.add(extentRead(sizes, "pattern=ALL"));
        s.add(extentRead(sizes, "pattern=NONE"));
        s.add(extentRead(sizes, "fs=ext4", "pattern=FIRST"));
        s.add(extentRead(sizes, "fs=ext4", "pattern=ALL"));
        s.add(extentRead(sizes, "fs=xfs", "pattern=ALL"));
        s.add(extentRead(sizes, "pattern=ALL", "mode=RWF_NOWAIT"));
        s.add(extentRead(sizes, "pattern=REGISTERED", "mode=REGISTERED"));
        s.add(extentRead(sizes, "pattern=ALL", "mode=PREAD"));
        s.add(mariaDbLike(sizes, "queueDepth=4"));
        return new Profile("quick", 3, 1, 1, 300, 700, sizes, s);
    }

    /**
     * A matrix of one benchmark from JMH-style parameters ({@code "pattern" -> "FIRST,ALL"}): the
     * cross product over {@code axisDefaults} (values for axes not given, {@code "fs" -> "ext4"}
     * from --fs or --dir) and then the workload's defaults. A value that is wrong in itself throws
     * {@link BadInputException}; a combination that cannot run (REGISTERED mode with a FIRST
     * buffer, say) is left out and named in {@code skipped}.
     */
    public static Profile custom(Workload workload, Map<String, String> params, Map<String, String> axisDefaults,
                                 FileSizes sizes, List<String> skipped) {
        Map<String, String> axes = new LinkedHashMap<>(axisDefaults);
        axes.putAll(params);
        List<List<String>> combos = new ArrayList<>();
        combos.add(List.of());
        for (Map.Entry<String, String> axis : axes.entrySet()) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> c : combos) {
                for (String v : axis.getValue().split(",")) {
                    List<String> n = new ArrayList<>(c);
                    n.add(axis.getKey() + "=" + v.strip());
                    next.add(n);
                }
            }
            combos = next;
        }
        List<PlannedScenario> s = new ArrayList<>();
        String firstConflict = null;
        for (List<String> c : combos) {
            PlannedScenario p = PlannedScenario.of(workload, sizes, c.toArray(String[]::new));
            Optional<String> conflict = p.scenario().conflict(512);
            if (conflict.isPresent()) {
                skipped.add(String.join(" ", c) + ": " + conflict.get());
                firstConflict = firstConflict == null ? conflict.get() : firstConflict;
            } else {
                s.add(p);
            }
        }
        if (s.isEmpty() && firstConflict != null) {
            throw new BadInputException("no combination of the parameters can run: " + firstConflict);
        }
        return new Profile("custom", 3, 1, 1, 300, 700, sizes, s);
    }

    /** The filesystems the scenarios need, in first-use order. */
    public List<Filesystem> filesystems() {
        return scenarios.stream().map(p -> p.scenario().fs()).distinct().toList();
    }

    /** This profile with only {@code keep} of its scenarios. */
    public Profile with(List<PlannedScenario> keep) {
        return new Profile(name, rounds, warmupIterations, measurementIterations, warmupMillis, iterationMillis, sizes, keep);
    }
}
