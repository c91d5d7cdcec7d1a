package uringdio.bench;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import uringdio.cli.BadInputException;
import uringdio.fixture.ScratchSession;
import uringdio.scenario.FileSizes;
import uringdio.uring.SetupFlag;

/**
 * What a benchmark JVM is told by system properties, so that the run command (which passes
 * them to each JMH fork) and a user of benchmarks.jar ({@code -jvmArgsAppend -Duringdio...})
 * drive the same code. Each has a default that works as root on a machine like CI's.
 *
 * <ul>
 *   <li>{@code uringdio.results}: the run's results directory (default: one per JMH run under results/)</li>
 *   <li>{@code uringdio.target.<fs>}: a directory prepared for that filesystem by the run command</li>
 *   <li>{@code uringdio.dir}: a directory of the user's own to work in (never formatted)</li>
 *   <li>{@code uringdio.scratch}: where scratch images and mounts go (default /var/tmp/uring-dio-bench)</li>
 *   <li>{@code uringdio.imageSize}: scratch image size (default 3g)</li>
 *   <li>{@code uringdio.ranges}: read ranges in an extent file (default 16)</li>
 *   <li>{@code uringdio.largeFileSize}, {@code uringdio.largeExtentSize}: the random-read file (default 1g, 4k)</li>
 *   <li>{@code uringdio.seed}: the seed of every random choice (default 1)</li>
 *   <li>{@code uringdio.kernelPath}: {@code on} (default) counts each scenario's kernel events over
 *       its measured iterations and traces a pass after them; {@code off} does neither, to show
 *       what counting costs</li>
 *   <li>{@code uringdio.ringFlags}: setup flags of ExtentReadBenchmark's ring, e.g. fio's
 *       {@code COOP_TASKRUN,SINGLE_ISSUER,DEFER_TASKRUN} (default none; read by ReadLoop)</li>
 * </ul>
 */
public final class BenchConfig {

    public static final String PREFIX = "uringdio.";

    private BenchConfig() {
    }

    public static String get(String name, String dflt) {
        return System.getProperty(PREFIX + name, dflt);
    }

    public static Path targetFor(String fs) {
        String p = System.getProperty(PREFIX + "target." + fs);
        return p == null ? null : Path.of(p);
    }

    public static Path userDirectory() {
        String p = System.getProperty(PREFIX + "dir");
        return p == null ? null : Path.of(p);
    }

    public static Path scratchBase() {
        return Path.of(get("scratch", ScratchSession.DEFAULT_BASE.toString()));
    }

    public static long imageSize() {
        return bytes("imageSize", get("imageSize", "3g"));
    }

    /** {@code uringdio.ranges}, {@code uringdio.largeFileSize} and {@code uringdio.largeExtentSize}, each defaulted by {@link FileSizes}. */
    public static FileSizes fileSizes() {
        FileSizes d = FileSizes.defaults();
        return new FileSizes(bytes("ranges", get("ranges", Long.toString(d.ranges()))),
                bytes("largeFileSize", get("largeFileSize", Long.toString(d.largeFileSize()))),
                (int) bytes("largeExtentSize", get("largeExtentSize", Integer.toString(d.largeExtentSize()))));
    }

    /** Setup flags for the read loop's ring, each dropped where the kernel refuses it: {@code -Duringdio.ringFlags}. */
    public static Set<SetupFlag> ringFlags() {
        String names = get("ringFlags", "").strip();
        Set<SetupFlag> flags = EnumSet.noneOf(SetupFlag.class);
        if (!names.isEmpty()) {
            for (String name : names.split(",")) {
                try {
                    flags.add(SetupFlag.valueOf(name.strip()));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("unknown ring flag " + name + " in uringdio.ringFlags: use "
                            + java.util.Arrays.toString(SetupFlag.values()));
                }
            }
        }
        return flags;
    }

    /** How many rounds the run has (1 for a fork run alone): the last one traces the kernel path. */
    public static int rounds() {
        return Integer.parseInt(get("rounds", "1"));
    }

    /** Whether the kernel's path is counted and traced: {@code -Duringdio.kernelPath=off} turns both off. */
    public static boolean kernelPath() {
        String v = get("kernelPath", "on").strip();
        return switch (v) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new BadInputException("uringdio.kernelPath must be on or off, not " + v);
        };
    }

    public static long seed() {
        return Long.parseLong(get("seed", "1"));
    }

    /** Parses 4096, 4k, 16m, 1g (binary units). */
    public static long bytes(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
        switch (last) {
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            case 't' -> unit = 1L << 40;
            default -> unit = 1;
        }
        String digits = unit == 1 ? v : v.substring(0, v.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new BadInputException(name + " must be a size such as 4096, 64k, 1g; not " + value);
        }
    }
}
