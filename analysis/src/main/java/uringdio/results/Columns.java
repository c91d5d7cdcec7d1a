package uringdio.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
    public static final String IOWQ_WORKERS_SEEN = "iowq_workers_seen";
    public static final String PAGE_CACHE_PAGES = "page_cache_pages_after";
    public static final String HLOG = "hlog";

    /** The three per-read latencies, in the order their columns appear. */
    public static final List<String> LATENCIES = List.of("submit", "completion", "e2e");
    /** The statistics each latency has, as column suffixes. */
    public static final List<String> STATS = List.of("count", "mean", "p50", "p90", "p99", "p999", "max");

    /** {@code e2e_p50_ns} and the like. */
    public static String latency(String metric, String stat) {
        return metric + "_" + stat + ("count".equals(stat) ? "" : "_ns");
    }

    public static final List<String> ALL;

    static {
        List<String> all = new ArrayList<>(List.of(SCENARIO, LABEL, BENCHMARK, FS, READ_SIZE, EXTENTS_REQUESTED, EXTENT_SIZE,
                EXTENTS_MEASURED_MIN, EXTENTS_MEASURED_MAX, EXTENTS_ENCODED, VARIANT, PATTERN, TOUCH_FRACTION, MODE,
                RETRY_EAGAIN, QUEUE_DEPTH, SUBMIT_BATCH, FILE_SIZE, RING_FLAGS,
                TARGET_KIND, FILESYSTEM, MOUNT_OPTIONS, DEVICE, LOOP_BACKING_FILE, LOOP_DIRECT_IO,
                LOGICAL_SECTOR_SIZE, PAGE_SIZE,
                READS, COMPLETIONS, SHORT_READS, DATA_MISMATCHES, EAGAIN, ERRORS, PATTERN_CHECKS, PATTERN_MISMATCHES,
                FINDINGS, MEASURED_SECONDS, READS_PER_SECOND, MIB_PER_SECOND));
        for (String metric : LATENCIES) {
            for (String stat : STATS) {
                all.add(latency(metric, stat));
            }
        }
        all.addAll(List.of(REARM_MEAN_NS, CHECK_MEAN_NS, CPU_USER_US_PER_READ, CPU_SYS_US_PER_READ, IOWQ_WORKERS_SEEN,
                PAGE_CACHE_PAGES, HLOG));
        ALL = Collections.unmodifiableList(all);
    }

    private Columns() {
    }
}
