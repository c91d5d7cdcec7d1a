package uringdio.scenario;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import uringdio.cli.BadInputException;

/**
 * Which benchmark reads the file: the extent read (every axis free) or the MariaDB-like random
 * reads of InnoDB pages. Each names its parameters and their defaults: the table the run command
 * plans with and the benchmarks' {@code @Param} defaults (both read {@link ScenarioDefaults}).
 */
public enum Workload {
    /** ExtentReadBenchmark: the seed's read by default, every axis a parameter. */
    EXTENT_READ("extent-read", ordered(
            "fs", ScenarioDefaults.FS,
            "readSize", ScenarioDefaults.READ_SIZE,
            "extents", ScenarioDefaults.EXTENTS,
            "variant", ScenarioDefaults.VARIANT,
            "pattern", ScenarioDefaults.PATTERN,
            "touchFraction", ScenarioDefaults.TOUCH_FRACTION,
            "mode", ScenarioDefaults.MODE,
            "retryEagain", ScenarioDefaults.RETRY_EAGAIN,
            "queueDepth", ScenarioDefaults.QUEUE_DEPTH,
            "submitBatch", ScenarioDefaults.SUBMIT_BATCH)),
    /**
     * MariaDbLikeBenchmark: 16 KiB InnoDB pages over the large file, one submit per read; read
     * size, extents, variant, retry and batch are fixed by the workload, the file by {@link FileSizes}.
     */
    MARIADB_LIKE("mariadb-like", ordered(
            "fs", ScenarioDefaults.FS,
            "pattern", ScenarioDefaults.MARIADB_PATTERN,
            "touchFraction", ScenarioDefaults.TOUCH_FRACTION,
            "mode", ScenarioDefaults.MODE,
            "queueDepth", ScenarioDefaults.MARIADB_QUEUE_DEPTH));

    /** InnoDB's page: the MariaDB-like workload's read size. */
    public static final int INNODB_PAGE = 16384;

    private final String label;
    private final Map<String, String> defaults;

    Workload(String label, Map<String, String> defaults) {
        this.label = label;
        this.defaults = defaults;
    }

    /** {@code extent-read}, as the CSV's benchmark column and {@code --benchmark} say it. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Parameter name to default value, in the order the parameters are listed. */
    public Map<String, String> defaults() {
        return defaults;
    }

    /** The workload called {@code name} ({@code extent-read}); any other name is bad input. */
    public static Workload parse(String name) {
        for (Workload w : values()) {
            if (w.label.equals(name.strip())) {
                return w;
            }
        }
        throw new BadInputException("unknown benchmark " + name + ": use "
                + String.join(" or ", Arrays.stream(values()).map(Workload::label).toList()));
    }

    private static Map<String, String> ordered(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
