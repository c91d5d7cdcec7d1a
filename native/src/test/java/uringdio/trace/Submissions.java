package uringdio.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import uringdio.libc.FileHandle;
import uringdio.libc.MappedMemory;
import uringdio.uring.IoUring;

/**
 * Requests the tests submit and count. Each batch gets user_data values no other process on the
 * machine uses, so a filter on them counts this test's requests and nobody else's: the machine
 * is shared, and io_uring events of other rings fire on the same CPUs.
 */
final class Submissions {

    private static final AtomicLong NEXT = new AtomicLong(0x5EED_0000_0000_0000L | (ProcessHandle.current().pid() << 24));

    final long firstUserData;
    final int count;

    private Submissions(int count) {
        this.firstUserData = NEXT.getAndAdd(1 << 16);
        this.count = count;
    }

    static Submissions of(int count) {
        return new Submissions(count);
    }

    /** A filter on io_uring events matching exactly this batch's user_data values. */
    String userDataFilter() {
        return "user_data >= " + firstUserData + " && user_data < " + (firstUserData + count);
    }

    /** Submits the batch as NOPs, one at a time, each reaped with result 0. */
    void nops(IoUring ring) {
        for (int i = 0; i < count; i++) {
            ring.nextSqe().prepNop().userData(firstUserData + i);
            ring.submitAndWait(1);
            assertEquals(0, ring.peek());
            ring.advance(1);
        }
    }

    /** Submits the batch as O_DIRECT reads of {@code length} bytes at offsets 0, length, ... (wrapping at fileSize). */
    void reads(IoUring ring, FileHandle file, MappedMemory buffer, int length, long fileSize) {
        for (int i = 0; i < count; i++) {
            long offset = ((long) i * length) % fileSize;
            ring.nextSqe().prepRead(file.fd(), buffer.address(), length, offset).userData(firstUserData + i);
            ring.submitAndWait(1);
            assertEquals(length, ring.peek(), "read " + i + " result");
            ring.advance(1);
        }
    }
}
