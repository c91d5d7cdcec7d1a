package uringdio.uring;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.List;
import uringdio.libc.Errno;
import uringdio.libc.MappedMemory;
import uringdio.libc.NativeCallException;

/**
 * The buffers and files registered with one ring, and the native memory that describes them,
 * which must live as long as the registration. {@link IoUring} delegates its register calls here.
 */
final class RingRegistrations {

    private final long ring;
    private Memory files;
    private Iovec buffers;

    RingRegistrations(long ring) {
        this.ring = ring;
    }

    /** Registers buffers for READ_FIXED; buffer {@code i} is index {@code i}. Pins their pages. */
    void registerBuffers(List<MappedMemory> list) {
        Iovec v = new Iovec(list.size());
        for (int i = 0; i < list.size(); i++) {
            v.set(i, list.get(i).address(), list.get(i).size());
        }
        int ret = Liburing.io_uring_register_buffers(ring, v.address(), v.count());
        if (ret < 0) {
            v.close();
            throw new NativeCallException("io_uring_register_buffers", -ret,
                    -ret == Errno.ENOMEM ? "cannot pin the buffers: raise `ulimit -l` (RLIMIT_MEMLOCK)" : null);
        }
        buffers = v;
    }

    void unregisterBuffers() {
        if (buffers != null) {
            NativeCallException.checkNegErrno("io_uring_unregister_buffers", Liburing.io_uring_unregister_buffers(ring));
            buffers.close();
            buffers = null;
        }
    }

    /** Registers files; SQEs flagged IOSQE_FIXED_FILE then name file {@code i} by index {@code i}. */
    void registerFiles(int... fds) {
        Memory m = new Memory(4L * fds.length);
        for (int i = 0; i < fds.length; i++) {
            m.setInt(4L * i, fds[i]);
        }
        int ret = Liburing.io_uring_register_files(ring, Pointer.nativeValue(m), fds.length);
        if (ret < 0) {
            m.close();
            throw new NativeCallException("io_uring_register_files", -ret);
        }
        files = m;
    }

    void unregisterFiles() {
        if (files != null) {
            NativeCallException.checkNegErrno("io_uring_unregister_files", Liburing.io_uring_unregister_files(ring));
            files.close();
            files = null;
        }
    }

    /** Frees the descriptions once the ring is gone (io_uring_queue_exit drops the registrations). */
    void freeAfterExit() {
        if (buffers != null) {
            buffers.close();
            buffers = null;
        }
        if (files != null) {
            files.close();
            files = null;
        }
    }
}
