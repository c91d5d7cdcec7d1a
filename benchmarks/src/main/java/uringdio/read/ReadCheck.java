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
     * {@code buf} from index 0. A right read costs one pass over its words
     * ({@link SectorPattern#matches}); only a wrong one is described.
     */
    public Outcome check(int res, long offset, int length, ByteBuffer buf) {
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
        if (SectorPattern.matches(buf, fileId, offset, res)) {
            return Outcome.OK;
        }
        // Only a wrong read pays for finding and naming its first wrong sector.
        SectorPattern.Mismatch wrong = SectorPattern.check(buf, 0, fileId, offset, res);
        if (wrong == null) {
            throw new IllegalStateException("the fast check and the describing one disagree on " + length + " at offset " + offset);
        }
        findings.add("wrong data on " + fs + ": asked " + length + " at offset " + offset + ", got " + res
                + " bytes, " + wrong);
        return Outcome.DATA;
    }
}
