package uringdio.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uringdio.fixture.ExtentFile;
import uringdio.fixture.ExtentLayout;
import uringdio.fixture.PatternedBuffer;
import uringdio.fixture.SectorPattern;
import uringdio.libc.FileHandle;
import uringdio.libc.MappedMemory;
import uringdio.scenario.ExtentFileSpec;
import uringdio.scenario.FaultPattern;
import uringdio.scenario.FileVariant;
import uringdio.testing.ScratchFilesystems;
import uringdio.uring.IoUring;
import uringdio.uring.Iovec;

/**
 * The seed's reproducer, fstests generic/678 (src/uring_read_fault.c), through the binding: a
 * file of 4 page-sized extents, a buffer with only byte 0 touched, one READV of 4 pages at
 * offset 0. Since 5.16 with btrfs's page faults disabled, an unfixed kernel completes it with
 * the first extent's 4096 bytes only (MDEV-27900); a fixed one returns all 16384, correct.
 */
class SeedReproducerTest {

    @RegisterExtension
    static final ScratchFilesystems SCRATCH = new ScratchFilesystems();

    private static final int PAGE = 4096;
    private static final int READ = 4 * PAGE;

    /** generic/678's own file: each page written with an O_DIRECT pwrite, then fsync. */
    private static ExtentLayout writeAsGeneric678(Path path) {
        long fileId = SectorPattern.fileId(path.getFileName().toString());
        try (FileHandle f = FileHandle.createDirect(path); MappedMemory page = MappedMemory.anonymous(PAGE)) {
            ByteBuffer b = page.byteBuffer();
            for (int i = 0; i < 4; i++) {
                SectorPattern.fill(b, 0, fileId, (long) i * PAGE, PAGE);
                f.pwriteFully(page.address(), PAGE, (long) i * PAGE);
                f.fsync();
            }
            return ExtentLayout.measure(f.extents(0, READ), 4, PAGE, 1);
        }
    }

    private static void readLikeTheReproducer(Path path, String layout) {
        long fileId = SectorPattern.fileId(path.getFileName().toString());
        try (IoUring ring = IoUring.builder().entries(1).build();
             FileHandle fd = FileHandle.openDirectRead(path);
             PatternedBuffer buf = PatternedBuffer.create(FaultPattern.FIRST, READ, 0, 1, null);
             Iovec one = new Iovec(1).set(0, buf.address(), READ)) {
            buf.arm();
            assertTrue(buf.verify(), "only the first page of the buffer is resident before the read");
            ring.nextSqe().prepReadv(fd.fd(), one.address(), 1, 0);
            assertEquals(1, ring.submitAndWait(1));
            int res = ring.peek();
            ring.advance(1);
            assertEquals(READ, res, "READV of 4 pages over " + layout + " extents, buffer with byte 0 touched: "
                    + (res == PAGE ? "the short read of MDEV-27900" : "unexpected length"));
            assertNull(SectorPattern.check(buf.bytes(), 0, fileId, 0, READ));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"btrfs", "ext4", "xfs"})
    void generic678AsWritten(String fs) {
        Path path = SCRATCH.get(fs).directory().resolve("uring_read_fault.tmp");
        ExtentLayout layout = writeAsGeneric678(path);
        readLikeTheReproducer(path, layout.summary());
    }

    /** The same read over a file whose 4 extents FIEMAP confirms are separate on disk. */
    @ParameterizedTest
    @ValueSource(strings = {"btrfs", "ext4", "xfs"})
    void generic678OverFourVerifiedExtents(String fs) {
        ExtentFile file = ExtentFile.obtain(SCRATCH.get(fs).directory(), new ExtentFileSpec(4, PAGE, 1, FileVariant.PLAIN));
        if (fs.equals("btrfs")) {
            assertTrue(file.layout().asRequested(), "btrfs gives 4 separate extents: " + file.layout().summary());
        }
        readLikeTheReproducer(file.path(), file.layout().summary());
    }
}
