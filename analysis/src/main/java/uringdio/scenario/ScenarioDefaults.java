package uringdio.scenario;

/**
 * The default of every scenario parameter, once: {@link Workload#defaults()} is built from these,
 * and the benchmarks' {@code @Param} annotations name them ({@code @Param(ScenarioDefaults.FS)}),
 * so JMH run directly and the run command agree. Numbers are zero-padded so results sort.
 *
 * <p>The extent read's defaults are the seed's scenario (fstests generic/678, MDEV-27900): 16 KiB
 * over four page-sized extents on btrfs, only byte 0 of the buffer touched, io_uring's own issue.
 */
public final class ScenarioDefaults {

    public static final String FS = "btrfs";
    public static final String READ_SIZE = "0016384";
    public static final String EXTENTS = "04";
    public static final String VARIANT = "PLAIN";
    public static final String PATTERN = "FIRST";
    public static final String TOUCH_FRACTION = "0.50";
    public static final String MODE = "INLINE";
    public static final String RETRY_EAGAIN = "false";
    public static final String QUEUE_DEPTH = "01";
    public static final String SUBMIT_BATCH = "01";

    /** MariaDB's buffer pool: pages resident and reused. */
    public static final String MARIADB_PATTERN = "RESIDENT";
    /** MariaDB's tpool keeps many reads in flight. */
    public static final String MARIADB_QUEUE_DEPTH = "16";

    private ScenarioDefaults() {
    }
}
