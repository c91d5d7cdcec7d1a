package uringdio.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.HdrHistogram.Histogram;
import uringdio.attribution.PathCounts;
import uringdio.attribution.Phase;
import uringdio.cli.BadInputException;
import uringdio.scenario.FileSizes;
import uringdio.scenario.Scenario;
import uringdio.scenario.ScenarioParser;
import uringdio.scenario.Workload;

/**
 * The columns of {@code scenarios.csv}, one row per scenario: what was asked, what the target
 * was, what was measured. Latencies are in nanoseconds; each of the three per-read latencies
 * (submit, completion, end to end) has the same set of statistics.
 */
public final class Columns {

    public static final String SCENARIO = "scenario";
    /** The scenario in a few words a person reads: {@code btrfs 16K x4 FIRST INLINE qd1}. */
    public static final String LABEL = "label";
    public static final String BENCHMARK = "benchmark";
    public static final String FS = "fs";
    public static final String READ_SIZE = "read_size";
    public static final String EXTENTS_REQUESTED = "extents_requested";
    public static final String EXTENT_SIZE = "extent_size";
    public static final String EXTENTS_MEASURED_MIN = "extents_measured_min";
    public static final String EXTENTS_MEASURED_MAX = "extents_measured_max";
    public static final String EXTENTS_ENCODED = "extents_encoded";
    public static final String VARIANT = "variant";
    public static final String PATTERN = "pattern";
    public static final String TOUCH_FRACTION = "touch_fraction";
    public static final String MODE = "mode";
    public static final String RETRY_EAGAIN = "retry_eagain";
    public static final String QUEUE_DEPTH = "queue_depth";
    public static final String SUBMIT_BATCH = "submit_batch";
    public static final String FILE_SIZE = "file_size";
    public static final String RING_FLAGS = "ring_flags";

    public static final String TARGET_KIND = "target_kind";
    public static final String FILESYSTEM = "filesystem";
    public static final String MOUNT_OPTIONS = "mount_options";
    public static final String DEVICE = "device";
    public static final String LOOP_BACKING_FILE = "loop_backing_file";
    public static final String LOOP_DIRECT_IO = "loop_direct_io";
    public static final String LOGICAL_SECTOR_SIZE = "logical_sector_size";
    public static final String PAGE_SIZE = "page_size";

    public static final String READS = "reads";
    public static final String COMPLETIONS = "completions";
    public static final String SHORT_READS = "short_reads";
    public static final String DATA_MISMATCHES = "data_mismatches";
    public static final String EAGAIN = "eagain";
    public static final String ERRORS = "errors";
    public static final String PATTERN_CHECKS = "pattern_checks";
    public static final String PATTERN_MISMATCHES = "pattern_mismatches";
    public static final String FINDINGS = "findings";
    public static final String MEASURED_SECONDS = "measured_seconds";
    public static final String READS_PER_SECOND = "reads_per_s";
    public static final String MIB_PER_SECOND = "mib_per_s";
    public static final String REARM_MEAN_NS = "rearm_mean_ns";
    public static final String CHECK_MEAN_NS = "check_mean_ns";
    public static final String CPU_USER_US_PER_READ = "cpu_user_us_per_read";
    public static final String CPU_SYS_US_PER_READ = "cpu_sys_us_per_read";
    public static final String PROCESS_CPU_NS_PER_READ = "process_cpu_ns_per_read";
    public static final String MACHINE_CPU_NS_PER_READ = "machine_cpu_ns_per_read";
    public static final String IOWQ_CPU_NS_PER_READ = "iowq_cpu_ns_per_read";
    public static final String IOWQ_WORKERS_SEEN = "iowq_workers_seen";
    public static final String PAGE_CACHE_PAGES = "page_cache_pages_after";
    public static final String HLOG = "hlog";

    /** {@code exact}, or why the kernel's tracepoints could not be counted. */
    public static final String KERNEL_COUNTS = "kernel_counts";
    /** Reads io_uring was handed in the measured iterations (for PREAD: the suite's reads). */
    public static final String KERNEL_SUBMISSIONS = "kernel_submissions";
    public static final String PUNTS_PER_READ = "punts_per_read";
    public static final String DIO_ATTEMPTS_PER_READ = "dio_attempts_per_read";
    public static final String RESTARTS_PER_READ = "restarts_per_read";
    public static final String EAGAIN_PER_READ = "eagain_per_read";
    public static final String PARTIAL_PER_READ = "partial_per_read";
    public static final String ZERO_PROGRESS_PER_READ = "zero_progress_per_read";
    public static final String BUFFERED_PER_READ = "buffered_per_read";
    /** The path in words: {@code io-wq 100%, forced wait 100%}. */
    public static final String KERNEL_PATH = "kernel_path";
    /** How the path broke what the label promises, if it did. */
    public static final String PATH_MISMATCH = "path_mismatch";
    /** What the traced pass was (reads followed whole), or why there was none. */
    public static final String TRACED_PASS = "traced_pass";
    public static final String TRACED_READS = "traced_reads";
    public static final String TRACE_EVENTS_LOST = "trace_events_lost";
    /** From the kernel posting a completion to the suite stamping it: the instrument's own error. */
    public static final String STAMP_LAG_P50_NS = "stamp_lag_p50_ns";
    public static final String STAMP_LAG_P99_NS = "stamp_lag_p99_ns";
    /** Whether the phases' medians add up to the median end to end within 5%. */
    public static final String PHASES_ADD_UP = "phases_add_up";

    /** How many rounds (one fork each) the row merges. */
    public static final String ROUNDS = "rounds";
    /** The control's scenario id, and what it differs by (ALL, ext4, plain, INLINE); written at the end of a run. */
    public static final String CONTROL_SCENARIO = "control_scenario";
    public static final String VS_CONTROL = "vs_control";
    /** The metrics given as a ratio to the control with a 95% interval, paired by round. */
    public static final List<String> RATIO_METRICS = List.of("e2e_p50", "e2e_p99", "reads_per_s");

    /** {@code ratio_e2e_p50}, and with {@code bound} "lower" or "upper" its interval's ends. */
    public static String ratio(String metric, String bound) {
        return "ratio_" + metric + (bound.isEmpty() ? "" : "_" + bound);
    }

    /** The rounds.csv and scenarios.csv column a ratio metric is computed from: {@code e2e_p50_ns}, {@code reads_per_s}. */
    public static String ratioSource(String metric) {
        return metric.startsWith("e2e_") ? metric + "_ns" : metric;
    }

    /** The three per-read latencies, in the order their columns appear. */
    public static final List<String> LATENCIES = List.of("submit", "completion", "e2e");
    /** The statistics each latency has, as column suffixes. */
    public static final List<String> STATS = List.of("count", "mean", "p50", "p90", "p99", "p999", "max");

    /** {@code e2e_p50_ns} and the like. */
    public static String latency(String metric, String stat) {
        return metric + "_" + stat + ("count".equals(stat) ? "" : "_ns");
    }

    /** Every column in file order. */
    public static final List<String> ALL;

    /** The columns in file order, each with the code that fills it: the one place a column is added. */
    private static final List<Column> FILLED;

    private record Column(String name, BiFunction<Scenario, ScenarioMeasurements, String> value) {
    }

    static {
        List<Column> c = new ArrayList<>();
        BiConsumer<String, BiFunction<Scenario, ScenarioMeasurements, String>> add = (n, f) -> c.add(new Column(n, f));
        add.accept(SCENARIO, (s, m) -> s.id());
        add.accept(LABEL, (s, m) -> s.label());
        add.accept(BENCHMARK, (s, m) -> s.workload().label());
        add.accept(FS, (s, m) -> s.fs().label());
        add.accept(READ_SIZE, (s, m) -> Integer.toString(s.readSize()));
        add.accept(EXTENTS_REQUESTED, (s, m) -> Integer.toString(s.extents()));
        add.accept(EXTENT_SIZE, (s, m) -> Integer.toString(m.extentSize()));
        add.accept(EXTENTS_MEASURED_MIN, (s, m) -> Integer.toString(m.extentsMeasuredMin()));
        add.accept(EXTENTS_MEASURED_MAX, (s, m) -> Integer.toString(m.extentsMeasuredMax()));
        add.accept(EXTENTS_ENCODED, (s, m) -> Integer.toString(m.extentsEncoded()));
        add.accept(VARIANT, (s, m) -> s.variant().name());
        add.accept(PATTERN, (s, m) -> s.pattern().name());
        add.accept(TOUCH_FRACTION, (s, m) -> Double.toString(s.touchFraction()));
        add.accept(MODE, (s, m) -> s.mode().name());
        add.accept(RETRY_EAGAIN, (s, m) -> Boolean.toString(s.retryEagain()));
        add.accept(QUEUE_DEPTH, (s, m) -> Integer.toString(s.queueDepth()));
        add.accept(SUBMIT_BATCH, (s, m) -> Integer.toString(s.submitBatch()));
        add.accept(FILE_SIZE, (s, m) -> Long.toString(m.fileSize()));
        add.accept(RING_FLAGS, (s, m) -> m.ringFlags());
        add.accept(TARGET_KIND, (s, m) -> m.target().kind());
        add.accept(FILESYSTEM, (s, m) -> m.target().filesystem());
        add.accept(MOUNT_OPTIONS, (s, m) -> m.target().mountOptions());
        add.accept(DEVICE, (s, m) -> m.target().device());
        add.accept(LOOP_BACKING_FILE, (s, m) -> m.target().loopBackingFile());
        add.accept(LOOP_DIRECT_IO, (s, m) -> m.target().loopDirectIo());
        add.accept(LOGICAL_SECTOR_SIZE, (s, m) -> Integer.toString(m.target().logicalSectorSize()));
        add.accept(PAGE_SIZE, (s, m) -> Integer.toString(m.target().pageSize()));
        add.accept(READS, (s, m) -> Long.toString(m.counts().reads()));
        add.accept(COMPLETIONS, (s, m) -> Long.toString(m.counts().completions()));
        add.accept(SHORT_READS, (s, m) -> Long.toString(m.counts().shortReads()));
        add.accept(DATA_MISMATCHES, (s, m) -> Long.toString(m.counts().dataMismatches()));
        add.accept(EAGAIN, (s, m) -> Long.toString(m.counts().eagain()));
        add.accept(ERRORS, (s, m) -> Long.toString(m.counts().errors()));
        add.accept(PATTERN_CHECKS, (s, m) -> Long.toString(m.counts().patternChecks()));
        add.accept(PATTERN_MISMATCHES, (s, m) -> Long.toString(m.counts().patternMismatches()));
        add.accept(FINDINGS, (s, m) -> Long.toString(m.counts().findings()));
        add.accept(MEASURED_SECONDS, (s, m) -> fmt(m.measuredSeconds()));
        add.accept(READS_PER_SECOND, (s, m) -> fmt(m.readsPerSecond()));
        add.accept(MIB_PER_SECOND, (s, m) -> fmt(m.mibPerSecond()));
        for (String metric : LATENCIES) {
            for (String stat : STATS) {
                add.accept(latency(metric, stat), (s, m) -> statistic(m.latencies().get(metric), stat));
            }
        }
        add.accept(REARM_MEAN_NS, (s, m) -> fmt(m.rearmMeanNs()));
        add.accept(CHECK_MEAN_NS, (s, m) -> fmt(m.checkMeanNs()));
        add.accept(CPU_USER_US_PER_READ, (s, m) -> fmt(m.cpuUserUsPerRead()));
        add.accept(CPU_SYS_US_PER_READ, (s, m) -> fmt(m.cpuSysUsPerRead()));
        add.accept(PROCESS_CPU_NS_PER_READ, (s, m) -> fmt(m.cpu().processNs()));
        add.accept(MACHINE_CPU_NS_PER_READ, (s, m) -> fmt(m.cpu().machineNs()));
        add.accept(IOWQ_CPU_NS_PER_READ, (s, m) -> fmt(m.cpu().ioWqNs()));
        add.accept(IOWQ_WORKERS_SEEN, (s, m) -> Integer.toString(m.ioWqWorkersSeen()));
        add.accept(PAGE_CACHE_PAGES, (s, m) -> Long.toString(m.pageCachePages()));
        add.accept(HLOG, (s, m) -> m.hlog());
        add.accept(KERNEL_COUNTS, (s, m) -> m.attribution().countsNote());
        add.accept(KERNEL_SUBMISSIONS, (s, m) -> PathCells.count(m, PathCounts::submissions));
        add.accept(PUNTS_PER_READ, (s, m) -> PathCells.perRead(m, PathCounts::punts));
        add.accept(DIO_ATTEMPTS_PER_READ, (s, m) -> PathCells.perRead(m, PathCounts::dioAttempts));
        add.accept(RESTARTS_PER_READ, (s, m) -> PathCells.perRead(m, PathCounts::restarts));
        add.accept(EAGAIN_PER_READ, (s, m) -> PathCells.perRead(m, PathCounts::eagain));
        add.accept(PARTIAL_PER_READ, (s, m) -> PathCells.perRead(m, PathCounts::partial));
        add.accept(ZERO_PROGRESS_PER_READ, (s, m) -> PathCells.perRead(m, PathCounts::zeroProgress));
        add.accept(BUFFERED_PER_READ, (s, m) -> PathCells.perRead(m, PathCounts::buffered));
        add.accept(KERNEL_PATH, PathCells::path);
        add.accept(PATH_MISMATCH, PathCells::mismatch);
        add.accept(TRACED_PASS, (s, m) -> m.attribution().tracedNote());
        add.accept(TRACED_READS, (s, m) -> PathCells.traced(m, t -> Long.toString(t.phases().reads())));
        add.accept(TRACE_EVENTS_LOST, (s, m) -> PathCells.traced(m, t -> Long.toString(t.eventsLost())));
        add.accept(STAMP_LAG_P50_NS, (s, m) -> PathCells.traced(m, t -> Long.toString(t.phases().percentile(Phase.STAMP_LAG, 50))));
        add.accept(STAMP_LAG_P99_NS, (s, m) -> PathCells.traced(m, t -> Long.toString(t.phases().percentile(Phase.STAMP_LAG, 99))));
        add.accept(PHASES_ADD_UP, (s, m) -> PathCells.traced(m, t -> t.phases().addsUp() ? "yes" : "no"));
        // A fork measures one round; merging rounds adds them up. The ratios need every round: the run writes them at its end.
        add.accept(ROUNDS, (s, m) -> "1");
        add.accept(CONTROL_SCENARIO, (s, m) -> "");
        add.accept(VS_CONTROL, (s, m) -> "");
        for (String metric : RATIO_METRICS) {
            for (String bound : List.of("", "lower", "upper")) {
                add.accept(ratio(metric, bound), (s, m) -> "");
            }
        }
        FILLED = List.copyOf(c);
        ALL = FILLED.stream().map(Column::name).toList();
    }

    private Columns() {
    }

    /** The row of {@code scenarios.csv} for {@code scenario} as {@code measured}, column name to value in file order. */
    public static Map<String, String> row(Scenario scenario, ScenarioMeasurements measured) {
        Map<String, String> row = new LinkedHashMap<>();
        for (Column c : FILLED) {
            row.put(c.name(), c.value().apply(scenario, measured));
        }
        return row;
    }

    /**
     * The scenario a row was written for: {@link #row}'s inverse over the scenario's columns, the
     * parameters read back through the one parser. Empty when the row does not name a whole
     * scenario of this suite, or its columns say another than its {@link #SCENARIO} id.
     */
    public static Optional<Scenario> scenarioOf(Map<String, String> row) {
        List<String> needed = List.of(SCENARIO, BENCHMARK, FS, READ_SIZE, EXTENTS_REQUESTED, EXTENT_SIZE, VARIANT, PATTERN,
                TOUCH_FRACTION, MODE, RETRY_EAGAIN, QUEUE_DEPTH, SUBMIT_BATCH, FILE_SIZE);
        if (!needed.stream().allMatch(c -> row.get(c) != null && !row.get(c).isBlank())) {
            return Optional.empty();
        }
        try {
            Workload workload = Workload.parse(row.get(BENCHMARK));
            Map<String, String> params = new LinkedHashMap<>();
            params.put("fs", row.get(FS));
            params.put("pattern", row.get(PATTERN));
            params.put("touchFraction", row.get(TOUCH_FRACTION));
            params.put("mode", row.get(MODE));
            params.put("queueDepth", row.get(QUEUE_DEPTH));
            long fileSize = Long.parseLong(row.get(FILE_SIZE));
            FileSizes sizes = FileSizes.defaults();
            if (workload == Workload.EXTENT_READ) {
                params.put("readSize", row.get(READ_SIZE));
                params.put("extents", row.get(EXTENTS_REQUESTED));
                params.put("variant", row.get(VARIANT));
                params.put("retryEagain", row.get(RETRY_EAGAIN));
                params.put("submitBatch", row.get(SUBMIT_BATCH));
                sizes = new FileSizes(fileSize / Long.parseLong(row.get(READ_SIZE)), sizes.largeFileSize(),
                        sizes.largeExtentSize());
            } else {
                sizes = new FileSizes(sizes.ranges(), fileSize, Integer.parseInt(row.get(EXTENT_SIZE)));
            }
            Scenario s = ScenarioParser.parse(workload, params, sizes);
            return s.id().equals(row.get(SCENARIO)) ? Optional.of(s) : Optional.empty();
        } catch (BadInputException | NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** A statistic of a latency histogram; empty when nothing was recorded (a count of 0 is still 0). */
    private static String statistic(Histogram h, String stat) {
        boolean any = h.getTotalCount() > 0;
        return switch (stat) {
            case "count" -> Long.toString(h.getTotalCount());
            case "mean" -> any ? fmt(h.getMean()) : "";
            case "max" -> any ? Long.toString(h.getMaxValue()) : "";
            default -> any ? Long.toString(h.getValueAtPercentile(percentile(stat))) : "";
        };
    }

    private static double percentile(String stat) {
        return switch (stat) {
            case "p50" -> 50;
            case "p90" -> 90;
            case "p99" -> 99;
            case "p999" -> 99.9;
            default -> throw new IllegalArgumentException("no percentile named " + stat);
        };
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
