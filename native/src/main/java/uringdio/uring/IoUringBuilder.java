package uringdio.uring;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import uringdio.libc.Errno;
import uringdio.libc.NativeCallException;

/**
 * How a ring is asked for ({@link IoUring#builder()}): entries, flags it must have, and flags it
 * should have where the kernel takes them. See {@link #build()} for what happens when the kernel
 * declines.
 */
public final class IoUringBuilder {

    // Newest first: DEFER_TASKRUN (6.1), SINGLE_ISSUER (6.0), COOP_TASKRUN (5.19).
    private static final SetupFlag[] DROP_ORDER = {SetupFlag.DEFER_TASKRUN, SetupFlag.SINGLE_ISSUER, SetupFlag.COOP_TASKRUN};

    private int entries = 64;
    private final EnumSet<SetupFlag> required = EnumSet.noneOf(SetupFlag.class);
    private final EnumSet<SetupFlag> preferred = EnumSet.noneOf(SetupFlag.class);
    private int sqThreadIdleMillis = 1000;

    IoUringBuilder() {
    }

    /** SQ entries; the kernel rounds up to a power of two, and sizes the CQ at twice that. */
    public IoUringBuilder entries(int entries) {
        if (entries < 1 || entries > 32768) {
            throw new IllegalArgumentException("ring entries must be 1 to 32768, not " + entries);
        }
        this.entries = entries;
        return this;
    }

    /** Flags the ring must have (SQPOLL, IOPOLL): if the kernel refuses them, so does build(). */
    public IoUringBuilder require(SetupFlag... flags) {
        required.addAll(List.of(flags));
        return this;
    }

    /**
     * Flags to use where the kernel takes them (COOP_TASKRUN, SINGLE_ISSUER, DEFER_TASKRUN):
     * build() drops them one at a time, the newest first, until the kernel accepts the ring.
     */
    public IoUringBuilder prefer(SetupFlag... flags) {
        preferred.addAll(List.of(flags));
        if (preferred.contains(SetupFlag.DEFER_TASKRUN)) {
            preferred.add(SetupFlag.SINGLE_ISSUER); // the kernel refuses DEFER_TASKRUN without it
        }
        return this;
    }

    public IoUringBuilder sqThreadIdleMillis(int millis) {
        this.sqThreadIdleMillis = millis;
        return this;
    }

    /** Makes the ring, or throws saying why rings cannot be made here or why this one was refused. */
    public IoUring build() {
        String cause = IoUringSupport.unavailabilityCause();
        if (cause != null) {
            throw new UnsupportedOperationException(cause);
        }
        return buildUnchecked();
    }

    /** Makes the ring without asking {@link IoUringSupport} first: the support probe itself uses it. */
    IoUring buildUnchecked() {
        EnumSet<SetupFlag> tryFlags = EnumSet.copyOf(required);
        tryFlags.addAll(preferred);
        EnumSet<SetupFlag> declined = EnumSet.noneOf(SetupFlag.class);
        int drop = 0;
        while (true) {
            Memory ringStruct = new Memory(LiburingRing.SIZE);
            ringStruct.clear();
            int ret = init(ringStruct, tryFlags);
            if (ret == 0) {
                return new IoUring(ringStruct, tryFlags, declined);
            }
            ringStruct.close();
            if (-ret == Errno.EINVAL) {
                while (drop < DROP_ORDER.length && !(preferred.contains(DROP_ORDER[drop]) && tryFlags.contains(DROP_ORDER[drop]))) {
                    drop++;
                }
                if (drop < DROP_ORDER.length) {
                    tryFlags.remove(DROP_ORDER[drop]);
                    declined.add(DROP_ORDER[drop]);
                    drop++;
                    continue;
                }
            }
            throw setupFailure(-ret, tryFlags);
        }
    }

    /** io_uring_queue_init_params into {@code ringStruct}; returns 0 or -errno as liburing does. */
    private int init(Memory ringStruct, Set<SetupFlag> flagSet) {
        try (Memory params = new Memory(IoUringParams.SIZE)) {
            params.clear();
            params.setInt(IoUringParams.FLAGS, SetupFlag.bits(flagSet));
            params.setInt(IoUringParams.SQ_THREAD_IDLE, sqThreadIdleMillis);
            return Liburing.io_uring_queue_init_params(entries, Pointer.nativeValue(ringStruct), Pointer.nativeValue(params));
        }
    }

    private static NativeCallException setupFailure(int errno, Set<SetupFlag> flagSet) {
        String detail = switch (errno) {
            case Errno.EPERM -> "io_uring is disabled: kernel.io_uring_disabled=" + IoUringSupport.ioUringDisabledSysctl()
                    + "; run `sysctl -w kernel.io_uring_disabled=0` as root";
            case Errno.ENOSYS -> "this kernel has no io_uring (CONFIG_IO_URING is off)";
            case Errno.ENOMEM -> "cannot lock the ring's memory: raise `ulimit -l` (RLIMIT_MEMLOCK)";
            case Errno.EINVAL -> "the kernel refused setup flags " + flagSet;
            default -> null;
        };
        return detail == null ? new NativeCallException("io_uring_queue_init", errno)
                : new NativeCallException("io_uring_queue_init", errno, detail);
    }
}
