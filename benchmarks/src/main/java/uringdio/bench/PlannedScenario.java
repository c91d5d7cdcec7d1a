package uringdio.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import uringdio.cli.BadInputException;
import uringdio.scenario.FileSizes;
import uringdio.scenario.Scenario;
import uringdio.scenario.ScenarioParser;
import uringdio.scenario.Workload;

/**
 * A scenario as JMH is handed it: the benchmark class and its {@code @Param} values, with the
 * {@link Scenario} those values parse to, parsed now by the same parser the fork uses on its
 * {@code BenchmarkParams} (so a bad value stops the run before it starts).
 */
public record PlannedScenario(Class<?> benchmark, Map<String, String> params, Scenario scenario) {

    /** The scenario of {@code workload} with {@code overrides} ("fs=ext4", "pattern=ALL", ...) over its defaults. */
    public static PlannedScenario of(Workload workload, FileSizes sizes, String... overrides) {
        Map<String, String> asked = new LinkedHashMap<>();
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq < 1) {
                throw new BadInputException("a parameter is NAME=VALUE, not " + o);
            }
            asked.put(o.substring(0, eq), o.substring(eq + 1));
        }
        Map<String, String> params = ScenarioParser.withDefaults(workload, asked);
        return new PlannedScenario(benchmarkClass(workload), params, ScenarioParser.parse(workload, params, sizes));
    }

    /** The JMH benchmark class that reads {@code workload}. */
    public static Class<? extends ScenarioBenchmark> benchmarkClass(Workload workload) {
        return switch (workload) {
            case EXTENT_READ -> ExtentReadBenchmark.class;
            case MARIADB_LIKE -> MariaDbLikeBenchmark.class;
        };
    }

    /** The JMH include pattern for this scenario's benchmark method. */
    public String include() {
        return "^" + benchmark.getName().replace(".", "\\.") + "\\.read$";
    }

    /** The system properties a fork needs beyond the targets: the sizes its fixture depends on, and the seed. */
    public static Map<String, String> forkProperties(FileSizes sizes, long seed) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(BenchConfig.PREFIX + "ranges", Long.toString(sizes.ranges()));
        m.put(BenchConfig.PREFIX + "largeFileSize", Long.toString(sizes.largeFileSize()));
        m.put(BenchConfig.PREFIX + "largeExtentSize", Integer.toString(sizes.largeExtentSize()));
        m.put(BenchConfig.PREFIX + "seed", Long.toString(seed));
        return m;
    }
}
