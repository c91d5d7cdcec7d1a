package uringdio.uring;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * liburing's exported functions, direct-mapped: one JNA crossing each, every pointer a
 * {@code long} address. Each returns {@code -errno} on failure, as liburing does; callers wrap
 * them with {@link uringdio.libc.NativeCallException#checkNegErrno}.
 *
 * <p>Only the functions liburing 2.3 exports are here; what its header makes static inline
 * (prep, cqe_seen, wait_cqe) is done in Java by {@link IoUring} and {@link IoUringSqe}.
 */
final class Liburing {

    /** Thrown at first use when liburing's shared library cannot be loaded. */
    static final String MISSING = "liburing is not installed (liburing.so.2 not found): "
            + "run `sudo apt-get install -y liburing2` (Debian/Ubuntu), or ./setup.sh as root";

    static {
        NativeLibrary lib;
        try {
            lib = NativeLibrary.getInstance("liburing.so.2");
        } catch (UnsatisfiedLinkError soname) {
            try {
                lib = NativeLibrary.getInstance("uring");
            } catch (UnsatisfiedLinkError plain) {
                throw new UnsatisfiedLinkError(MISSING);
            }
        }
        Native.register(Liburing.class, lib);
    }

    private Liburing() {
    }

    static native int io_uring_queue_init_params(int entries, long ring, long params);

    static native void io_uring_queue_exit(long ring);

    static native int io_uring_submit(long ring);

    static native int io_uring_submit_and_wait(long ring, int waitNr);

    static native int io_uring_wait_cqes(long ring, long cqePtr, int waitNr, long ts, long sigmask);

    static native long io_uring_get_probe_ring(long ring);

    static native void io_uring_free_probe(long probe);

    static native int io_uring_register_buffers(long ring, long iovecs, int nrIovecs);

    static native int io_uring_unregister_buffers(long ring);

    static native int io_uring_register_files(long ring, long files, int nrFiles);

    static native int io_uring_unregister_files(long ring);

    static native int io_uring_register_iowq_max_workers(long ring, long values);

    /** Loads the library (and throws {@link UnsatisfiedLinkError} with {@link #MISSING} if it is absent). */
    static void load() {
        // class initialisation did the work
    }
}
