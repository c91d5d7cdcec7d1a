package uringdio.read;

import java.nio.ByteBuffer;
import uringdio.fixture.SectorPattern;
import uringdio.libc.Errno;

/**
 * Checks one completed read against the fixture: its length against what the file holds at that
 * offset (a read across end of file is rightly short), then every byte against the sector
 * pattern. What is wrong becomes a {@link Findings finding} naming the read precisely.
 */
public final class ReadCheck {

    /** What a completion turned out to be. */
    public enum Outcome {
        /** Full length (or up to end of file), every byte right. */
        OK,
        /** Fewer bytes than the file holds there: the bug the suite exists for. */
        SHORT,
        /** The length was right and some bytes were not. */
        DATA,
        /** -EAGAIN: expected under RWF_NOWAIT, a finding anywhere else. */
        EAGAIN,
        /** Any other error. */
        ERROR
    }

    private static final int PAGE = 4096;

    private final String fs;
    private final long fileId;
    private final long fileSize;
    private final boolean eagainExpected;
    private final Findings findings;

    public ReadCheck(String fs, long fileId, long fileSize, boolean eagainExpected, Findings findings) {
        this.fs = fs;
        this.fileId = fileId;
        this.fileSize = fileSize;
        this.eagainExpected = eagainExpected;
        this.findings = findings;
    }

    /** The bytes a read of {@code length} at {@code offset} must return: up to end of file. */
    public long expectedLength(long offset, int length) {
        return Math.max(0, Math.min(length, fileSize - offset));
    }

    /**
     * Checks a completion: {@code res} is the CQE's result (or pread's), the read's bytes are in
     * {@code buf} from index 0.
     */
    public Outcome check(int res, long offset, int length, ByteBuffer buf) {
        return check(res, offset, length, buf, null);
    }

    /** As {@link #check(int, long, int, ByteBuffer)}, running {@code betweenPages} (may be null) after each 4 KiB checked. */
    public Outcome check(int res, long offset, int length, ByteBuffer buf, Runnable betweenPages) {
        if (res < 0) {
            if (res == -Errno.EAGAIN) {
                if (!eagainExpected) {
                    findings.add("-EAGAIN reached user space on " + fs + " for a read submitted without RWF_NOWAIT: asked "
                            + length + " at offset " + offset);
                }
                return Outcome.EAGAIN;
            }
            findings.add("error on " + fs + ": asked " + length + " at offset " + offset + ", got -" + Errno.name(-res));
            return Outcome.ERROR;
        }
        long expected = expectedLength(offset, length);
        if (res != expected) {
            findings.add((res < expected ? "short read" : "long read") + " on " + fs + ": asked " + length
                    + " at offset " + offset + ", got " + res + (expected != length ? " (end of file allows " + expected + ")" : ""));
            return Outcome.SHORT;
        }
        for (int page = 0; page < res; page += PAGE) {
            int n = Math.min(PAGE, res - page);
            SectorPattern.Mismatch wrong = SectorPattern.check(buf, page, fileId, offset + page, n);
            if (wrong != null) {
                findings.add("wrong data on " + fs + ": asked " + length + " at offset " + offset + ", got " + res
                        + " bytes, " + wrong.shiftedBy(page));
                return Outcome.DATA;
            }
            if (betweenPages != null) {
                betweenPages.run();
            }
        }
        return Outcome.OK;
    }
}
