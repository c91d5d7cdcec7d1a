package uringdio.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uringdio.fixture.ExtentFile;
import uringdio.fixture.PatternedBuffer;
import uringdio.libc.Errno;
import uringdio.libc.FileHandle;
import uringdio.scenario.ExtentFileSpec;
import uringdio.scenario.FaultPattern;
import uringdio.scenario.FileVariant;
import uringdio.testing.ScratchFilesystems;
import uringdio.uring.IoUring;
import uringdio.uring.SetupFlag;

/**
 * IOPOLL rings: the binding asks for them and reaps by polling; a device that cannot poll (a
 * loop device) answers each read with -EOPNOTSUPP in its CQE, which the suite reports as the
 * error it is rather than a hang.
 */
class PolledRingTest {

    @RegisterExtension
    static final ScratchFilesystems SCRATCH = new ScratchFilesystems();

    @Test
    void aPolledReadOnALoopDeviceIsRefusedByName() {
        ExtentFile file = ExtentFile.obtain(SCRATCH.get("xfs").directory(), new ExtentFileSpec(1, 4096, 4, FileVariant.PLAIN));
        try (IoUring ring = IoUring.builder().entries(2).require(SetupFlag.IOPOLL).build();
             FileHandle fd = FileHandle.openDirectRead(file.path());
             PatternedBuffer buf = PatternedBuffer.create(FaultPattern.ALL, 4096, 0, 1, null)) {
            assertTrue(ring.setupFlags().contains(SetupFlag.IOPOLL));
            buf.arm();
            ring.nextSqe().prepRead(fd.fd(), buf.address(), 4096, 0).userData(9);
            ring.submit();
            // With IOPOLL nothing interrupts: the wait itself polls, until the completion is posted.
            while (ring.ready() == 0) {
                ring.waitCompletions(1);
            }
            assertEquals(9, ring.peekUserData());
            assertEquals(-Errno.EOPNOTSUPP, ring.peek(), "loop devices do not poll: " + Errno.name(-ring.peek()));
            ring.advance(1);
        }
    }
}
