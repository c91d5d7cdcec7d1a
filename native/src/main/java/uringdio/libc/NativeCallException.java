package uringdio.libc;

/**
 * A native call that failed, named with its errno: {@code io_uring_queue_init: EPERM
 * (kernel.io_uring_disabled=2)}. Every negative return of a wrapped call becomes one of these.
 */
public final class NativeCallException extends RuntimeException {

    private final String call;
    private final int errno;

    public NativeCallException(String call, int errno, String detail) {
        super(call + ": " + Errno.name(errno) + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
        this.call = call;
        this.errno = Math.abs(errno);
    }

    public NativeCallException(String call, int errno) {
        this(call, errno, LibC.describe(errno));
    }

    /** Returns {@code ret} when it is not negative; otherwise throws, treating it as {@code -errno} (liburing's convention). */
    public static int checkNegErrno(String call, int ret) {
        if (ret < 0) {
            throw new NativeCallException(call, -ret);
        }
        return ret;
    }

    /** The call that failed, as C names it. */
    public String call() {
        return call;
    }

    /** The positive errno value. */
    public int errno() {
        return errno;
    }
}
