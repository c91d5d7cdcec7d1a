package uringdio.run;

import java.util.LinkedHashMap;
import java.util.Map;
import uringdio.bench.BenchConfig;
import uringdio.bench.ExtentReadBenchmark;
import uringdio.bench.MariaDbLikeBenchmark;
import uringdio.read.Scenario;

/**
 * A scenario the run command will hand to JMH: the benchmark class and its {@code @Param} values,
 * checked now (so a bad value stops the run before it starts) by parsing them as the fork will.
 */
public record PlannedScenario(Class<?> benchmark, Map<String, String> params, Scenario scenario) {

    /** Defaults of ExtentReadBenchmark's parameters: the seed's scenario. */
    static final Map<String, String> EXTENT_READ_DEFAULTS = Map.of("fs", "btrfs", "readSize", "0016384",
            "extents", "04", "variant", "PLAIN", "pattern", "FIRST", "touchFraction", "0.50", "mode", "INLINE",
            "retryEagain", "false", "queueDepth", "01", "submitBatch", "01");
    static final Map<String, String> MARIADB_DEFAULTS = Map.of("fs", "btrfs", "pattern", "RESIDENT",
            "touchFraction", "0.50", "mode", "INLINE", "queueDepth", "16");

    /** An extent-read scenario: the defaults with {@code overrides} ("fs=ext4", "pattern=ALL", ...). */
    public static PlannedScenario extentRead(long ranges, String... overrides) {
        Map<String, String> p = merge(EXTENT_READ_DEFAULTS, overrides);
        Scenario s = Scenario.parse(Scenario.EXTENT_READ, p.get("fs"), p.get("readSize"), p.get("extents"),
                p.get("variant"), p.get("pattern"), p.get("touchFraction"), p.get("mode"), p.get("retryEagain"),
                p.get("queueDepth"), p.get("submitBatch"), ranges);
        return new PlannedScenario(ExtentReadBenchmark.class, p, s);
    }

    /** A MariaDB-like scenario over a large file of {@code largeFileSize} bytes in extents of {@code extentSize}. */
    public static PlannedScenario mariaDbLike(long largeFileSize, int extentSize, String... overrides) {
        Map<String, String> p = merge(MARIADB_DEFAULTS, overrides);
        int page = 16384;
        if (extentSize > page || page % extentSize != 0) {
            throw new Scenario.BadValue("the large file's extent size must divide 16 KiB (4k, 8k or 16k), not "
                    + extentSize);
        }
        Scenario s = Scenario.parse(Scenario.MARIADB_LIKE, p.get("fs"), Integer.toString(page),
                Integer.toString(page / extentSize), "PLAIN", p.get("pattern"), p.get("touchFraction"), p.get("mode"),
                "false", p.get("queueDepth"), "1", Math.max(1, largeFileSize / page));
        return new PlannedScenario(MariaDbLikeBenchmark.class, p, s);
    }

    private static Map<String, String> merge(Map<String, String> defaults, String... overrides) {
        Map<String, String> p = new LinkedHashMap<>(new java.util.TreeMap<>(defaults));
        for (String o : overrides) {
            int eq = o.indexOf('=');
            String key = o.substring(0, eq);
            if (!defaults.containsKey(key)) {
                throw new Scenario.BadValue("unknown parameter " + key + ": use one of "
                        + String.join(", ", new java.util.TreeSet<>(defaults.keySet())));
            }
            p.put(key, o.substring(eq + 1));
        }
        return p;
    }

    /** The JMH include pattern for this scenario's benchmark method. */
    String include() {
        return "^" + benchmark.getName().replace(".", "\\.") + "\\.read$";
    }

    /** The system properties a fork needs beyond the targets: the knobs its fixture depends on. */
    static Map<String, String> forkProperties(long ranges, long largeFileSize, int largeExtentSize, long seed) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(BenchConfig.PREFIX + "ranges", Long.toString(ranges));
        m.put(BenchConfig.PREFIX + "largeFileSize", Long.toString(largeFileSize));
        m.put(BenchConfig.PREFIX + "largeExtentSize", Integer.toString(largeExtentSize));
        m.put(BenchConfig.PREFIX + "seed", Long.toString(seed));
        return m;
    }
}
