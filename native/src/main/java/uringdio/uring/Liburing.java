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
            + "run `sudo apt-get install -y liburing2` (Debian/Ubuntu), or `sudo ./uring-dio-bench setup`";

    private static final NativeLibrary LIBRARY;

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
        LIBRARY = lib;
        Native.register(Liburing.class, lib);
    }

    // The hot-path calls, through libffi directly (see HotCall): prepared once.
    static final HotCall.Function SUBMIT = new HotCall.Function(LIBRARY, "io_uring_submit", HotCall.Arg.POINTER);
    static final HotCall.Function SUBMIT_AND_WAIT = new HotCall.Function(LIBRARY, "io_uring_submit_and_wait",
            HotCall.Arg.POINTER, HotCall.Arg.UINT32);
    /** io_uring_wait_cqes(ring, &cqe, wait_nr, ts, sigmask). */
    static final HotCall.Function WAIT_CQES = new HotCall.Function(LIBRARY, "io_uring_wait_cqes",
            HotCall.Arg.POINTER, HotCall.Arg.POINTER, HotCall.Arg.UINT32, HotCall.Arg.POINTER, HotCall.Arg.POINTER);

    /** x86-64's {@code __NR_io_uring_enter} (asm/unistd_64.h). */
    static final long NR_IO_URING_ENTER = 426;
    /** {@code IORING_ENTER_GETEVENTS} (linux/io_uring.h). */
    static final long IORING_ENTER_GETEVENTS = 1;
    /**
     * glibc's {@code syscall(number, fd, to_submit, min_complete, flags, sig, sigsz)}, for
     * {@code io_uring_enter} with GETEVENTS and nothing to wait for: liburing 2.5's
     * {@code io_uring_get_events}, which 2.3 lacks. Every argument is a 64-bit integer register.
     */
    static final HotCall.Function SYSCALL_7 = new HotCall.Function(NativeLibrary.getInstance("c"), "syscall",
            HotCall.Arg.POINTER, HotCall.Arg.POINTER, HotCall.Arg.POINTER, HotCall.Arg.POINTER, HotCall.Arg.POINTER,
            HotCall.Arg.POINTER, HotCall.Arg.POINTER);

    private Liburing() {
    }

    static native int io_uring_queue_init_params(int entries, long ring, long params);

    static native void io_uring_queue_exit(long ring);

    static native long io_uring_get_probe_ring(long ring);

    static native void io_uring_free_probe(long probe);

    static native int io_uring_register_buffers(long ring, long iovecs, int nrIovecs);

    static native int io_uring_unregister_buffers(long ring);

    static native int io_uring_register_files(long ring, long files, int nrFiles);

    static native int io_uring_unregister_files(long ring);

    /** Loads the library (and throws {@link UnsatisfiedLinkError} with {@link #MISSING} if it is absent). */
    static void load() {
        // class initialisation did the work
    }
}
