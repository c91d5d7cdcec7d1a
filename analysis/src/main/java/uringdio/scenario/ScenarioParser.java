package uringdio.scenario;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import uringdio.cli.BadInputException;

/**
 * The one parser of scenario parameters: a name to value map (the run command's plan, JMH's
 * {@code BenchmarkParams} in a fork, fidelity's read) over {@link Workload#defaults()}, into a
 * {@link Scenario}. A value that is wrong in itself is bad input, one line naming it and what is
 * allowed; whether the values can run together is {@link Scenario#conflict}'s to say.
 */
public final class ScenarioParser {

    private ScenarioParser() {
    }

    /** The scenario {@code params} ask for (the rest defaulted); checks each value, not the combination. */
    public static Scenario parse(Workload workload, Map<String, String> params, FileSizes sizes) {
        Map<String, String> p = withDefaults(workload, params);
        Filesystem fs = Filesystem.parse(p.get("fs"), "");
        FaultPattern pattern = enumValue(FaultPattern.class, "pattern", p.get("pattern"));
        double touchFraction = fraction(p.get("touchFraction"));
        SubmitMode mode = enumValue(SubmitMode.class, "mode", p.get("mode"));
        int queueDepth = positiveInt("queueDepth", p.get("queueDepth"));
        if (queueDepth > Scenario.MAX_QUEUE_DEPTH) {
            throw new BadInputException("queue depth " + queueDepth + " is more than the ring takes here (at most "
                    + Scenario.MAX_QUEUE_DEPTH + ")");
        }
        return switch (workload) {
            case EXTENT_READ -> new Scenario(workload, fs, readSize(p.get("readSize")),
                    positiveInt("extents", p.get("extents")), enumValue(FileVariant.class, "variant", p.get("variant")),
                    pattern, touchFraction, mode, bool("retryEagain", p.get("retryEagain")), queueDepth,
                    positiveInt("submitBatch", p.get("submitBatch")), sizes.ranges());
            case MARIADB_LIKE -> new Scenario(workload, fs, Workload.INNODB_PAGE,
                    Workload.INNODB_PAGE / sizes.largeExtentSize(), FileVariant.PLAIN, pattern, touchFraction, mode, false,
                    queueDepth, 1, sizes.largeFileSize() / Workload.INNODB_PAGE);
        };
    }

    /** {@link #parse}, then the combination checked: for a scenario that must run as asked. */
    public static Scenario parseRunnable(Workload workload, Map<String, String> params, FileSizes sizes) {
        return parse(workload, params, sizes).requireRunnable(512);
    }

    /** {@code params} over the workload's defaults, in the defaults' order; an unknown name is bad input. */
    public static Map<String, String> withDefaults(Workload workload, Map<String, String> params) {
        Map<String, String> p = new LinkedHashMap<>(workload.defaults());
        params.forEach((name, value) -> {
            if (!p.containsKey(name)) {
                throw new BadInputException("unknown parameter " + name + ": use one of "
                        + String.join(", ", new TreeSet<>(workload.defaults().keySet())));
            }
            p.put(name, value);
        });
        return p;
    }

    private static int readSize(String value) {
        int v = positiveInt("readSize", value);
        if (v % 512 != 0) {
            throw new BadInputException("read size " + v + " is not a multiple of the 512-byte logical sector size: "
                    + "O_DIRECT needs whole sectors");
        }
        if (v % ExtentFileSpec.BLOCK != 0) {
            throw new BadInputException("read size " + v + " is not a multiple of " + ExtentFileSpec.BLOCK
                    + ": the buffer is whole pages");
        }
        return v;
    }

    private static int positiveInt(String name, String value) {
        try {
            int v = Integer.parseInt(value.strip());
            if (v < 1) {
                throw new BadInputException(name + " must be at least 1, not " + value);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInputException(name + " must be a whole number, not " + value);
        }
    }

    private static double fraction(String value) {
        try {
            double v = Double.parseDouble(value.strip());
            if (v < 0 || v > 1) {
                throw new BadInputException("touchFraction must be 0 to 1, not " + value);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInputException("touchFraction must be a number from 0 to 1, not " + value);
        }
    }

    private static boolean bool(String name, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new BadInputException(name + " must be true or false, not " + value);
        };
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("unknown " + name + " " + value + ": use one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }
}
