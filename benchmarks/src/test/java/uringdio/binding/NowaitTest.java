package uringdio.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uringdio.fixture.ExtentFile;
import uringdio.fixture.PatternedBuffer;
import uringdio.fixture.SectorPattern;
import uringdio.libc.Errno;
import uringdio.libc.FileHandle;
import uringdio.scenario.ExtentFileSpec;
import uringdio.scenario.FaultPattern;
import uringdio.scenario.FileVariant;
import uringdio.testing.ScratchFilesystems;
import uringdio.uring.IoUring;
import uringdio.uring.Opcode;

/**
 * RWF_NOWAIT returns the kernel's -EAGAIN in the CQE instead of punting to io-wq, which shows
 * where btrfs refuses to read without blocking (btrfs 79d3d1d12e6f: any NOWAIT direct read
 * larger than a page, since 6.0-rc3).
 */
class NowaitTest {

    @RegisterExtension
    static final ScratchFilesystems SCRATCH = new ScratchFilesystems();

    private static int nowaitRead(String fs, int size, FaultPattern pattern) {
        ExtentFile file = ExtentFile.obtain(SCRATCH.get(fs).directory(), new ExtentFileSpec(4, 4096, 1, FileVariant.PLAIN));
        try (IoUring ring = IoUring.builder().entries(2).build();
             FileHandle fd = FileHandle.openDirectRead(file.path());
             PatternedBuffer buf = PatternedBuffer.create(pattern, size, 0, 1, null)) {
            buf.arm();
            ring.nextSqe().prepRead(fd.fd(), buf.address(), size, 0).rwFlags(Opcode.RWF_NOWAIT);
            ring.submitAndWait(1);
            int res = ring.peek();
            ring.advance(1);
            if (res > 0) {
                assertNull(SectorPattern.check(buf.bytes(), 0, file.fileId(), 0, res));
            }
            return res;
        }
    }

    @Test
    void btrfsRefusesANowaitReadLargerThanAPageEvenIntoAResidentBuffer() {
        assertEquals(-Errno.EAGAIN, nowaitRead("btrfs", 16384, FaultPattern.ALL), "16 KiB RWF_NOWAIT read on btrfs");
    }

    @Test
    void btrfsServesAOnePageNowaitReadIntoAResidentPage() {
        assertEquals(4096, nowaitRead("btrfs", 4096, FaultPattern.ALL), "4 KiB RWF_NOWAIT read on btrfs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ext4", "xfs"})
    void theControlsServeTheSameNowaitReadInline(String fs) {
        assertEquals(16384, nowaitRead(fs, 16384, FaultPattern.ALL), "16 KiB RWF_NOWAIT read on " + fs);
    }
}
