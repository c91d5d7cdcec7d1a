package uringdio.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uringdio.fixture.ExtentFile;
import uringdio.fixture.PatternedBuffer;
import uringdio.libc.FileHandle;
import uringdio.scenario.ExtentFileSpec;
import uringdio.scenario.FaultPattern;
import uringdio.scenario.FileVariant;
import uringdio.testing.ScratchFilesystems;
import uringdio.uring.IoUring;

/**
 * The correctness check on real reads: a read across end of file is the legitimate short read it
 * is, while a completion whose length or bytes disagree with the fixture is a finding that names
 * the read.
 */
class ReadCheckTest {

    @RegisterExtension
    static final ScratchFilesystems SCRATCH = new ScratchFilesystems();

    private static final int READ = 16384;

    /** One real O_DIRECT io_uring read of {@code READ} bytes at {@code offset}; returns the CQE result. */
    private static int readOnce(ExtentFile file, PatternedBuffer buf, long offset) {
        try (IoUring ring = IoUring.builder().entries(2).build(); FileHandle fd = FileHandle.openDirectRead(file.path())) {
            buf.arm();
            ring.nextSqe().prepRead(fd.fd(), buf.address(), READ, offset);
            ring.submitAndWait(1);
            int res = ring.peek();
            ring.advance(1);
            return res;
        }
    }

    private static ExtentFile fixture() {
        return ExtentFile.obtain(SCRATCH.get("btrfs").directory(), new ExtentFileSpec(4, 4096, 2, FileVariant.PLAIN));
    }

    @Test
    void aReadAcrossEndOfFileIsRightlyShortAndNotAFinding() {
        ExtentFile file = fixture();
        Findings findings = new Findings("test");
        ReadCheck check = new ReadCheck("btrfs", file.fileId(), file.size(), false, findings);
        try (PatternedBuffer buf = PatternedBuffer.create(FaultPattern.ALL, READ, 0, 1, null)) {
            long offset = file.size() - 8192;
            int res = readOnce(file, buf, offset);
            assertEquals(8192, res, "the kernel returns what the file holds");
            assertEquals(ReadCheck.Outcome.OK, check.check(res, offset, READ, buf.bytes()));
            assertEquals(0, findings.count());
        }
    }

    @Test
    void bytesChangedAfterARealReadAreAFindingThatSaysWhereAndWhat() {
        ExtentFile file = fixture();
        Findings findings = new Findings("4 extents, pattern ALL, INLINE, kernel test");
        ReadCheck check = new ReadCheck("btrfs", file.fileId(), file.size(), false, findings);
        try (PatternedBuffer buf = PatternedBuffer.create(FaultPattern.ALL, READ, 0, 1, null)) {
            int res = readOnce(file, buf, READ);
            assertEquals(ReadCheck.Outcome.OK, check.check(res, READ, READ, buf.bytes()), "the read itself was right");
            // The third page now holds the sector that belongs 4 KiB earlier: a misplaced extent.
            for (int i = 0; i < 4096; i++) {
                buf.bytes().put(8192 + i, buf.bytes().get(4096 + i));
            }
            assertEquals(ReadCheck.Outcome.DATA, check.check(res, READ, READ, buf.bytes()));
            assertEquals(1, findings.count());
            assertEquals("wrong data on btrfs: asked 16384 at offset 16384, got 16384 bytes, at buffer offset 8192 "
                    + "(file offset 24576) found the sector of this file at offset 20480; "
                    + "4 extents, pattern ALL, INLINE, kernel test", findings.kept().get(0));
        }
    }

    @Test
    void aResultCutShortBeforeTheCheckIsTheShortReadOfTheBug() {
        ExtentFile file = fixture();
        Findings findings = new Findings("4 extents, pattern FIRST, INLINE, kernel 5.16.x");
        ReadCheck check = new ReadCheck("btrfs", file.fileId(), file.size(), false, findings);
        try (PatternedBuffer buf = PatternedBuffer.create(FaultPattern.FIRST, READ, 0, 1, null)) {
            int res = readOnce(file, buf, 0);
            assertEquals(READ, res);
            // What an unfixed 5.16 kernel reported for the seed's read: only the first extent.
            assertEquals(ReadCheck.Outcome.SHORT, check.check(4096, 0, READ, buf.bytes()));
            assertEquals("short read on btrfs: asked 16384 at offset 0, got 4096; 4 extents, pattern FIRST, INLINE, "
                    + "kernel 5.16.x", findings.kept().get(0));
        }
    }

    @Test
    void aPartlyWrittenBufferIsCaughtEvenWhenTheLengthIsRight() {
        ExtentFile file = fixture();
        Findings findings = new Findings("test");
        ReadCheck check = new ReadCheck("btrfs", file.fileId(), file.size(), false, findings);
        try (PatternedBuffer buf = PatternedBuffer.create(FaultPattern.FIRST, READ, 0, 1, null)) {
            int res = readOnce(file, buf, 0);
            buf.arm(); // the pages the read filled are dropped again: zeros where data was
            assertEquals(ReadCheck.Outcome.DATA, check.check(res, 0, READ, buf.bytes()));
            assertTrue(findings.kept().get(0).contains("found zeros (the read never wrote this sector)"), findings.kept().get(0));
        }
    }

    @Test
    void eagainIsExpectedOnlyUnderNowait() {
        Findings findings = new Findings("test");
        assertEquals(ReadCheck.Outcome.EAGAIN, new ReadCheck("btrfs", 1, 1 << 20, true, findings)
                .check(-11, 0, READ, null));
        assertEquals(0, findings.count());
        assertEquals(ReadCheck.Outcome.EAGAIN, new ReadCheck("btrfs", 1, 1 << 20, false, findings)
                .check(-11, 0, READ, null));
        assertTrue(findings.kept().get(0).startsWith("-EAGAIN reached user space on btrfs"));
    }
}
