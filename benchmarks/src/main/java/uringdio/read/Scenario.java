package uringdio.read;

import java.util.Arrays;
import java.util.Locale;
import uringdio.fixture.ExtentFileSpec;
import uringdio.fixture.FaultPattern;
import uringdio.fixture.FileVariant;

/**
 * One point of the matrix: which read, into which buffer, through which path, on which
 * filesystem. Parsed from JMH's string parameters with {@link #parse}, which refuses a bad value
 * in one line naming it and what is allowed.
 *
 * @param benchmark     extent-read or mariadb-like
 * @param fs            btrfs, ext4 or xfs (the target's name)
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
public record Scenario(String benchmark, String fs, int readSize, int extents, FileVariant variant, FaultPattern pattern,
                       double touchFraction, SubmitMode mode, boolean retryEagain, int queueDepth, int submitBatch,
                       long ranges) {

    /** A parameter value that is wrong in itself, whatever the others are. */
    public static final class BadValue extends IllegalArgumentException {
        public BadValue(String message) {
            super(message);
        }
    }

    public static final String EXTENT_READ = "extent-read";
    public static final String MARIADB_LIKE = "mariadb-like";
    public static final int MAX_QUEUE_DEPTH = 4096;

    /** Parses and checks JMH's string parameters; each bad value is one line naming it. */
    public static Scenario parse(String benchmark, String fs, String readSize, String extents, String variant,
                                 String pattern, String touchFraction, String mode, String retryEagain,
                                 String queueDepth, String submitBatch, long ranges) {
        Scenario s = new Scenario(benchmark, parseFs(fs), positiveInt("readSize", readSize), positiveInt("extents", extents),
                enumValue(FileVariant.class, "variant", variant), enumValue(FaultPattern.class, "pattern", pattern),
                fraction(touchFraction), enumValue(SubmitMode.class, "mode", mode), bool("retryEagain", retryEagain),
                positiveInt("queueDepth", queueDepth), positiveInt("submitBatch", submitBatch), ranges);
        s.validate(512);
        return s;
    }

    private static String parseFs(String fs) {
        String f = fs.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("btrfs") && !f.equals("ext4") && !f.equals("xfs")) {
            throw new BadValue("unknown fs " + fs + ": use btrfs, ext4 or xfs");
        }
        return f;
    }

    private static int positiveInt(String name, String value) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v < 1) {
                throw new BadValue(name + " must be at least 1, not " + value);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadValue(name + " must be a whole number, not " + value);
        }
    }

    private static double fraction(String value) {
        try {
            double v = Double.parseDouble(value.trim());
            if (v < 0 || v > 1) {
                throw new BadValue("touchFraction must be 0 to 1, not " + value);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadValue("touchFraction must be a number from 0 to 1, not " + value);
        }
    }

    private static boolean bool(String name, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new BadValue(name + " must be true or false, not " + value);
        };
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadValue("unknown " + name + " " + value + ": use one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    /**
     * Refuses a combination that cannot run or means nothing, in one line. {@code sectorSize} is
     * the device's logical sector size, which every O_DIRECT read size must be a multiple of.
     */
    public void validate(int sectorSize) {
        if (readSize % sectorSize != 0) {
            throw new BadValue("read size " + readSize + " is not a multiple of the " + sectorSize
                    + "-byte logical sector size: O_DIRECT needs whole sectors");
        }
        if (readSize % ExtentFileSpec.BLOCK != 0) {
            throw new BadValue("read size " + readSize + " is not a multiple of 4096: the buffer is whole pages");
        }
        ExtentFileSpec.forReads(readSize, extents, 1, variant); // throws if the extents do not divide the read
        if (variant.btrfsOnly() && !fs.equals("btrfs")) {
            throw new IllegalArgumentException("the " + variant.name().toLowerCase(Locale.ROOT)
                    + " variant exists only on btrfs, not " + fs);
        }
        if (variant == FileVariant.COMPRESSED && readSize / extents < 8192) {
            throw new IllegalArgumentException("compressed extents must be at least 8 KiB (btrfs compresses nothing "
                    + "smaller than two blocks): use fewer extents or larger reads");
        }
        if ((mode == SubmitMode.REGISTERED) != (pattern == FaultPattern.REGISTERED)) {
            throw new IllegalArgumentException("mode REGISTERED and pattern REGISTERED go together (a registered buffer "
                    + "is read with READ_FIXED): got mode " + mode + " with pattern " + pattern);
        }
        if (queueDepth > MAX_QUEUE_DEPTH) {
            throw new BadValue("queue depth " + queueDepth + " is more than the ring takes here (at most "
                    + MAX_QUEUE_DEPTH + ")");
        }
        if (submitBatch > queueDepth) {
            throw new IllegalArgumentException("submit batch " + submitBatch + " is larger than the queue depth " + queueDepth);
        }
        if (mode == SubmitMode.PREAD && (queueDepth != 1 || submitBatch != 1)) {
            throw new IllegalArgumentException("PREAD is synchronous: queue depth and batch must be 1, not "
                    + queueDepth + " and " + submitBatch);
        }
        if (retryEagain && mode != SubmitMode.RWF_NOWAIT) {
            throw new IllegalArgumentException("retryEagain applies only to mode RWF_NOWAIT");
        }
        if (ranges < 1) {
            throw new IllegalArgumentException("the file needs at least one read range");
        }
        if ((long) readSize * queueDepth > (8L << 30)) {
            throw new IllegalArgumentException("queue depth " + queueDepth + " of " + readSize
                    + "-byte reads needs more than 8 GiB of buffers");
        }
    }

    /** The fixture file this scenario reads. */
    public ExtentFileSpec fileSpec() {
        return ExtentFileSpec.forReads(readSize, extents, ranges, variant);
    }

    /** A stable id that sorts and names the scenario's files: {@code extent-read_btrfs_r0016384_x04_plain_FIRST_INLINE_qd01_b01}. */
    public String id() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s_%s_r%07d_x%02d_%s_%s", benchmark, fs,
                readSize, extents, variant.name().toLowerCase(Locale.ROOT), pattern));
        if (pattern == FaultPattern.RANDOM) {
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
        if (benchmark.equals(MARIADB_LIKE)) {
            b.append("mariadb-like ");
        }
        b.append(fs).append(' ').append(size(readSize)).append(" x").append(extents);
        if (variant != FileVariant.PLAIN) {
            b.append(' ').append(variant.name().toLowerCase(Locale.ROOT));
        }
        b.append(' ').append(pattern);
        if (pattern == FaultPattern.RANDOM) {
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
