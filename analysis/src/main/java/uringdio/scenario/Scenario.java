package uringdio.scenario;

import java.util.Locale;
import java.util.Optional;
import uringdio.cli.BadInputException;

/**
 * One point of the matrix: which read, into which buffer, through which path, on which
 * filesystem. Made only by {@link ScenarioParser} (from a parameter name to value map: the run
 * command's plan, JMH's {@code BenchmarkParams}, a row of scenarios.csv), every value its type.
 *
 * @param workload      the benchmark that reads
 * @param fs            the filesystem read
 * @param readSize      bytes per read
 * @param extents       extents each read spans
 * @param variant       how the file's data is stored
 * @param pattern       which buffer pages are resident at submission
 * @param touchFraction RANDOM's probability per page
 * @param mode          how the read is submitted
 * @param retryEagain   for RWF_NOWAIT: resubmit a refused read without the flag
 * @param queueDepth    reads in flight
 * @param submitBatch   reads per submit call
 * @param ranges        read-sized ranges in the file, chosen at random
 */
public record Scenario(Workload workload, Filesystem fs, int readSize, int extents, FileVariant variant,
                       FaultPattern pattern, double touchFraction, SubmitMode mode, boolean retryEagain, int queueDepth,
                       int submitBatch, long ranges) {

    /** The most entries a ring takes here, and so the deepest queue. */
    public static final int MAX_QUEUE_DEPTH = 4096;

    /**
     * Why this combination cannot run or means nothing, in one line; empty if it can.
     * {@code sectorSize} is the device's logical sector size, which every O_DIRECT read size must
     * be a multiple of (512 before the device is known). This is the one place such rules live.
     */
    public Optional<String> conflict(int sectorSize) {
        if (readSize % sectorSize != 0) {
            return Optional.of("read size " + readSize + " is not a multiple of the " + sectorSize
                    + "-byte logical sector size: O_DIRECT needs whole sectors");
        }
        if (readSize % extents != 0 || readSize / extents < ExtentFileSpec.BLOCK || (readSize / extents) % ExtentFileSpec.BLOCK != 0) {
            return Optional.of("a " + readSize + "-byte read cannot span " + extents + " extents of whole "
                    + ExtentFileSpec.BLOCK + "-byte blocks");
        }
        if (variant.btrfsOnly() && fs != Filesystem.BTRFS) {
            return Optional.of("the " + variant.name().toLowerCase(Locale.ROOT) + " variant exists only on btrfs, not " + fs);
        }
        if (variant == FileVariant.COMPRESSED && readSize / extents < 8192) {
            return Optional.of("compressed extents must be at least 8 KiB (btrfs compresses nothing "
                    + "smaller than two blocks): use fewer extents or larger reads");
        }
        if ((mode == SubmitMode.REGISTERED) != (pattern == FaultPattern.REGISTERED)) {
            return Optional.of("mode REGISTERED and pattern REGISTERED go together (a registered buffer "
                    + "is read with READ_FIXED): got mode " + mode + " with pattern " + pattern);
        }
        if (submitBatch > queueDepth) {
            return Optional.of("submit batch " + submitBatch + " is larger than the queue depth " + queueDepth);
        }
        if (mode == SubmitMode.PREAD && (queueDepth != 1 || submitBatch != 1)) {
            return Optional.of("PREAD is synchronous: queue depth and batch must be 1, not " + queueDepth + " and "
                    + submitBatch);
        }
        if (retryEagain && mode != SubmitMode.RWF_NOWAIT) {
            return Optional.of("retryEagain applies only to mode RWF_NOWAIT");
        }
        if ((long) readSize * queueDepth > (8L << 30)) {
            return Optional.of("queue depth " + queueDepth + " of " + readSize + "-byte reads needs more than 8 GiB of buffers");
        }
        return Optional.empty();
    }

    /** {@link #conflict} as bad input: for a scenario asked for alone, which must run. */
    public Scenario requireRunnable(int sectorSize) {
        conflict(sectorSize).ifPresent(why -> {
            throw new BadInputException(why);
        });
        return this;
    }

    /** The fixture file this scenario reads. */
    public ExtentFileSpec fileSpec() {
        return ExtentFileSpec.forReads(readSize, extents, ranges, variant);
    }

    /** A stable id that sorts and names the scenario's files: {@code extent-read_btrfs_r0016384_x04_plain_FIRST_INLINE_qd01_b01}. */
    public String id() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s_%s_r%07d_x%02d_%s_%s", workload.label(),
                fs.label(), readSize, extents, variant.name().toLowerCase(Locale.ROOT), pattern));
        if (pattern.random()) {
            b.append(String.format(Locale.ROOT, "%.2f", touchFraction));
        }
        b.append('_').append(mode);
        if (mode == SubmitMode.RWF_NOWAIT) {
            b.append(retryEagain ? "-retry" : "-noretry");
        }
        b.append(String.format(Locale.ROOT, "_qd%02d_b%02d", queueDepth, submitBatch));
        return b.toString();
    }

    /** A short name for a person: {@code btrfs 16K x4 FIRST INLINE qd1}. */
    public String label() {
        StringBuilder b = new StringBuilder();
        if (workload == Workload.MARIADB_LIKE) {
            b.append(workload.label()).append(' ');
        }
        b.append(fs.label()).append(' ').append(size(readSize)).append(" x").append(extents);
        if (variant != FileVariant.PLAIN) {
            b.append(' ').append(variant.name().toLowerCase(Locale.ROOT));
        }
        b.append(' ').append(pattern);
        if (pattern.random()) {
            b.append(String.format(Locale.ROOT, "%.2f", touchFraction));
        }
        b.append(' ').append(mode);
        if (mode == SubmitMode.RWF_NOWAIT) {
            b.append(retryEagain ? "+retry" : "");
        }
        b.append(" qd").append(queueDepth);
        if (submitBatch > 1) {
            b.append(" b").append(submitBatch);
        }
        return b.toString();
    }

    static String size(long bytes) {
        if (bytes % (1 << 20) == 0) {
            return (bytes >> 20) + "M";
        }
        return bytes % 1024 == 0 ? (bytes >> 10) + "K" : bytes + "B";
    }
}
