package uringdio.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uringdio.fixture.ExtentFile;
import uringdio.fixture.PatternedBuffer;
import uringdio.fixture.SectorPattern;
import uringdio.libc.FileHandle;
import uringdio.scenario.ExtentFileSpec;
import uringdio.scenario.FaultPattern;
import uringdio.scenario.FileVariant;
import uringdio.testing.ScratchFilesystems;
import uringdio.uring.IoUring;
import uringdio.uring.Iovec;
import uringdio.uring.Opcode;

/**
 * Real O_DIRECT reads through the binding on loop-mounted btrfs, ext4 and xfs: each opcode
 * returns the full length and exactly the bytes the fixture holds.
 */
class DirectReadTest {

    @RegisterExtension
    static final ScratchFilesystems SCRATCH = new ScratchFilesystems();

    private static final int READ = 16384;

    /** Four 16 KiB ranges of four 4 KiB extents each. */
    private static ExtentFile fixture(String fs) {
        return ExtentFile.obtain(SCRATCH.get(fs).directory(), new ExtentFileSpec(4, 4096, 4, FileVariant.PLAIN));
    }

    private static void assertReadExactly(ExtentFile file, PatternedBuffer buf, long offset, int res, int expected) {
        assertEquals(expected, res, "CQE result of a " + expected + "-byte read at " + offset);
        assertNull(SectorPattern.check(buf.bytes(), 0, file.fileId(), offset, expected), "bytes of the read at " + offset);
    }

    @ParameterizedTest
    @ValueSource(strings = {"btrfs", "ext4", "xfs"})
    void readReturnsTheFileBytes(String fs) {
        ExtentFile file = fixture(fs);
        try (IoUring ring = IoUring.builder().entries(4).build();
             FileHandle fd = FileHandle.openDirectRead(file.path());
             PatternedBuffer buf = PatternedBuffer.create(FaultPattern.ALL, READ, 0, 1, null)) {
            for (int range = 0; range < 4; range++) {
                buf.arm();
                long offset = (long) range * READ;
                ring.nextSqe().prepRead(fd.fd(), buf.address(), READ, offset).userData(range);
                ring.submitAndWait(1);
                assertEquals(range, ring.peekUserData());
                assertReadExactly(file, buf, offset, ring.peek(), READ);
                ring.advance(1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"btrfs", "ext4", "xfs"})
    void readvFillsEveryVector(String fs) {
        ExtentFile file = fixture(fs);
        try (IoUring ring = IoUring.builder().entries(4).build();
             FileHandle fd = FileHandle.openDirectRead(file.path());
             PatternedBuffer buf = PatternedBuffer.create(FaultPattern.ALL, READ, 0, 1, null);
             Iovec pages = Iovec.split(buf.address(), READ, 4)) {
            buf.arm();
            ring.nextSqe().prepReadv(fd.fd(), pages.address(), pages.count(), 2L * READ);
            ring.submitAndWait(1);
            assertReadExactly(file, buf, 2L * READ, ring.peek(), READ);
            ring.advance(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"btrfs", "ext4", "xfs"})
    void readFixedReadsIntoTheRegisteredBuffer(String fs) {
        ExtentFile file = fixture(fs);
        try (IoUring ring = IoUring.builder().entries(4).build();
             FileHandle fd = FileHandle.openDirectRead(file.path());
             PatternedBuffer buf = PatternedBuffer.create(FaultPattern.REGISTERED, READ, 0, 1, null)) {
            ring.registerBuffers(List.of(buf.memory()));
            buf.arm(); // poison: a byte the read does not write cannot pass for data
            ring.nextSqe().prepReadFixed(fd.fd(), buf.address(), READ, 3L * READ, 0);
            ring.submitAndWait(1);
            assertReadExactly(file, buf, 3L * READ, ring.peek(), READ);
            ring.advance(1);
            ring.unregisterBuffers();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"btrfs", "ext4", "xfs"})
    void asyncReadsOfRegisteredFilesComeBackWhole(String fs) {
        ExtentFile file = fixture(fs);
        try (IoUring ring = IoUring.builder().entries(4).build();
             FileHandle fd = FileHandle.openDirectRead(file.path());
             PatternedBuffer buf = PatternedBuffer.create(FaultPattern.FIRST, READ, 0, 1, null)) {
            ring.registerFiles(fd.fd());
            buf.arm();
            // IOSQE_ASYNC: straight to an io-wq worker, which may block and fault pages in.
            ring.nextSqe().prepRead(0, buf.address(), READ, READ).flags(Opcode.IOSQE_ASYNC | Opcode.IOSQE_FIXED_FILE);
            ring.submitAndWait(1);
            assertReadExactly(file, buf, READ, ring.peek(), READ);
            ring.advance(1);
            ring.unregisterFiles();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"btrfs", "ext4", "xfs"})
    void aReadAcrossEndOfFileIsShortByExactlyWhatIsMissing(String fs) {
        ExtentFile file = fixture(fs);
        try (IoUring ring = IoUring.builder().entries(4).build();
             FileHandle fd = FileHandle.openDirectRead(file.path());
             PatternedBuffer buf = PatternedBuffer.create(FaultPattern.ALL, READ, 0, 1, null)) {
            buf.arm();
            long offset = file.size() - 4096;
            ring.nextSqe().prepRead(fd.fd(), buf.address(), READ, offset);
            ring.submitAndWait(1);
            assertReadExactly(file, buf, offset, ring.peek(), 4096);
            ring.advance(1);
        }
    }
}
