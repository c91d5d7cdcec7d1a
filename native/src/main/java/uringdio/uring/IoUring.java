package uringdio.uring;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import uringdio.libc.Errno;
import uringdio.libc.MappedMemory;
import uringdio.libc.NativeCallException;

/**
 * One io_uring instance, set up and torn down by liburing, driven from Java.
 *
 * <p>Submission: {@link #nextSqe()} hands out the next SQE slot to fill; {@link #submit()} or
 * {@link #submitAndWait(int)} make the one native call (liburing publishes the SQ tail).
 * Completion: read in place from the shared CQ ring ({@link #peek}, {@link #reap}) and released
 * with a store-release of the CQ head. Not thread-safe: one submitting thread, and one reaping
 * thread (which may be the same).
 */
public final class IoUring implements AutoCloseable {

    /** Reads one completion; called by {@link #reap} for each. */
    @FunctionalInterface
    public interface CompletionHandler {
        void completed(long userData, int res, int flags);
    }

    private static final VarHandle U32 = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final Memory ringStruct;
    private final long ring;
    private final ByteBuffer ringView;
    private final ByteBuffer sqes;
    private final ByteBuffer sqKhead;
    private final ByteBuffer cqes;
    private final ByteBuffer cqKhead;
    private final ByteBuffer cqKtail;
    private final int sqMask;
    private final int sqEntries;
    private final int cqMask;
    private final int cqEntries;
    private final EnumSet<SetupFlag> flags;
    private final EnumSet<SetupFlag> declined;
    private final IoUringSqe sqe;
    private final Memory cqeOut = new Memory(8);
    // One prepared call each, so a submitting and a reaping thread never share argument memory.
    private final HotCall submitCall;
    private final HotCall submitAndWaitCall;
    private final HotCall waitCall;
    /** io_uring_enter(ring_fd, 0, 0, GETEVENTS): null unless the ring defers its completions. */
    private final HotCall flushCall;
    private int sqeTail;
    private int cqHead;
    private final RingRegistrations registrations;
    private boolean closed;

    IoUring(Memory ringStruct, EnumSet<SetupFlag> flags, EnumSet<SetupFlag> declined) {
        this.ringStruct = ringStruct;
        this.ring = Pointer.nativeValue(ringStruct);
        this.flags = flags;
        this.declined = declined;
        ByteBuffer r = ringStruct.getByteBuffer(0, LiburingRing.SIZE).order(ByteOrder.nativeOrder());
        this.ringView = r;
        this.sqMask = r.getInt(LiburingRing.SQ_RING_MASK);
        this.sqEntries = r.getInt(LiburingRing.SQ_RING_ENTRIES);
        this.cqMask = r.getInt(LiburingRing.CQ_RING_MASK);
        this.cqEntries = r.getInt(LiburingRing.CQ_RING_ENTRIES);
        this.sqes = view(r.getLong(LiburingRing.SQ_SQES), (long) IoUringSqe.SIZE * sqEntries);
        this.sqKhead = view(r.getLong(LiburingRing.SQ_KHEAD), 4);
        this.cqes = view(r.getLong(LiburingRing.CQ_CQES), (long) IoUringCqe.SIZE * cqEntries);
        this.cqKhead = view(r.getLong(LiburingRing.CQ_KHEAD), 4);
        this.cqKtail = view(r.getLong(LiburingRing.CQ_KTAIL), 4);
        this.sqeTail = r.getInt(LiburingRing.SQ_SQE_TAIL);
        this.cqHead = (int) U32.getAcquire(cqKhead, 0);
        this.sqe = new IoUringSqe(sqes);
        this.registrations = new RingRegistrations(ring);
        this.submitCall = new HotCall(Liburing.SUBMIT).pointer(0, ring);
        this.submitAndWaitCall = new HotCall(Liburing.SUBMIT_AND_WAIT).pointer(0, ring);
        // No timeout, no signal mask.
        this.waitCall = new HotCall(Liburing.WAIT_CQES).pointer(0, ring).pointer(1, Pointer.nativeValue(cqeOut))
                .pointer(3, 0L).pointer(4, 0L);
        this.flushCall = !flags.contains(SetupFlag.DEFER_TASKRUN) ? null : new HotCall(Liburing.SYSCALL_7)
                .pointer(0, Liburing.NR_IO_URING_ENTER).pointer(1, r.getInt(LiburingRing.RING_FD)).pointer(2, 0L)
                .pointer(3, 0L).pointer(4, Liburing.IORING_ENTER_GETEVENTS).pointer(5, 0L).pointer(6, 0L);
    }

    private static ByteBuffer view(long address, long length) {
        return new Pointer(address).getByteBuffer(0, length).order(ByteOrder.nativeOrder());
    }

    /** How a ring is asked for; see {@link IoUringBuilder#build()}. */
    public static IoUringBuilder builder() {
        return new IoUringBuilder();
    }

    /** The value of the kernel.io_uring_disabled sysctl (6.6+), or "absent"; see {@link IoUringSupport}. */
    public static String ioUringDisabledSysctl() {
        return IoUringSupport.ioUringDisabledSysctl();
    }

    /** The setup flags the kernel accepted. */
    public Set<SetupFlag> setupFlags() {
        return EnumSet.copyOf(flags.isEmpty() ? EnumSet.noneOf(SetupFlag.class) : flags);
    }

    /** Preferred flags the kernel declined, so the ring runs without them. */
    public Set<SetupFlag> declinedFlags() {
        return declined.isEmpty() ? EnumSet.noneOf(SetupFlag.class) : EnumSet.copyOf(declined);
    }

    /** SQEs filled but not yet submitted. */
    public int pendingSubmissions() {
        return sqeTail - ringView.getInt(LiburingRing.SQ_SQE_HEAD);
    }

    /**
     * The next free SQE slot, to fill with one of the {@code prep} methods. The returned view is
     * reused by the next call. Throws when the SQ is full: the caller's queue depth exceeds the ring.
     */
    public IoUringSqe nextSqe() {
        // With SQPOLL the kernel thread moves the SQ head concurrently: acquire pairs with its release.
        int head = (int) U32.getAcquire(sqKhead, 0);
        int tail = sqeTail;
        if (tail - head >= sqEntries) {
            throw new IllegalStateException("submission queue full: " + sqEntries + " entries in flight");
        }
        IoUringSqe s = sqe.at(tail & sqMask);
        sqeTail = tail + 1;
        // liburing's submit reads sq.sqe_tail from this struct and publishes it to the kernel's
        // SQ tail with its own release store (io_uring_smp_store_release for SQPOLL, WRITE_ONCE
        // otherwise, which suffices since the kernel reads the tail in the same thread's syscall).
        ringView.putInt(LiburingRing.SQ_SQE_TAIL, sqeTail);
        return s;
    }

    /** Submits every filled SQE; returns how many the kernel took. */
    public int submit() {
        return NativeCallException.checkNegErrno("io_uring_submit", submitCall.invoke());
    }

    /** Submits every filled SQE and waits until at least {@code waitNr} completions are ready. */
    public int submitAndWait(int waitNr) {
        return NativeCallException.checkNegErrno("io_uring_submit_and_wait",
                submitAndWaitCall.uint32(1, waitNr).invoke());
    }

    /** Waits until at least {@code waitNr} completions are ready (submitting any pending SQEs too). */
    public void waitCompletions(int waitNr) {
        if (ready() >= waitNr) {
            return;
        }
        NativeCallException.checkNegErrno("io_uring_wait_cqes", waitCall.uint32(2, waitNr).invoke());
    }

    /** Whether the kernel posts this ring's completions only when the task enters it (DEFER_TASKRUN). */
    public boolean defersCompletions() {
        return flushCall != null;
    }

    /**
     * Under DEFER_TASKRUN, posts the completions the kernel has finished but not yet written to
     * the CQ (they wait for the task to enter the kernel): one io_uring_enter with GETEVENTS and
     * nothing to wait for. Then {@link #ready()} sees them. Does nothing on any other ring.
     */
    public void flushCompletions() {
        if (flushCall != null && flushCall.invoke() < 0) {
            // libffi does not keep errno; the one call that can fail here is on a ring already closed.
            throw new IllegalStateException("io_uring_enter(GETEVENTS) failed on the ring's fd");
        }
    }

    /** Completions posted and not yet consumed. */
    public int ready() {
        // Acquire pairs with the kernel's release of the CQ tail: the CQEs before it are fully written.
        return (int) U32.getAcquire(cqKtail, 0) - cqHead;
    }

    /**
     * The oldest unconsumed completion's result, or {@code Integer.MIN_VALUE} if none is ready.
     * It stays in the ring until {@link #advance(int)}; see {@link #peekUserData()}.
     */
    public int peek() {
        if (ready() == 0) {
            return Integer.MIN_VALUE;
        }
        return cqes.getInt(((cqHead & cqMask) * IoUringCqe.SIZE) + IoUringCqe.RES);
    }

    /** user_data of the completion {@link #peek()} returned. */
    public long peekUserData() {
        return cqes.getLong(((cqHead & cqMask) * IoUringCqe.SIZE) + IoUringCqe.USER_DATA);
    }

    /**
     * user_data of the {@code index}-th completion ready (0 is the one {@link #peek()} sees),
     * read without consuming it; {@code index} must be below {@link #ready()}.
     */
    public long userDataAt(int index) {
        return cqes.getLong((((cqHead + index) & cqMask) * IoUringCqe.SIZE) + IoUringCqe.USER_DATA);
    }

    /** Releases {@code n} consumed completions to the kernel (liburing's io_uring_cq_advance). */
    public void advance(int n) {
        cqHead += n;
        // Release: our reads of those CQEs complete before the kernel may overwrite their slots.
        U32.setRelease(cqKhead, 0, cqHead);
    }

    /**
     * Hands up to {@code max} ready completions to {@code handler}, oldest first, then releases
     * them all with one store; returns how many.
     */
    public int reap(CompletionHandler handler, int max) {
        int n = Math.min(ready(), max);
        for (int i = 0; i < n; i++) {
            int base = ((cqHead + i) & cqMask) * IoUringCqe.SIZE;
            handler.completed(cqes.getLong(base + IoUringCqe.USER_DATA), cqes.getInt(base + IoUringCqe.RES),
                    cqes.getInt(base + IoUringCqe.FLAGS));
        }
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    /** The opcodes this kernel supports. */
    public Probe probe() {
        long p = Liburing.io_uring_get_probe_ring(ring);
        if (p == 0) {
            throw new NativeCallException("io_uring_get_probe_ring", Errno.EINVAL, "the kernel does not answer probes (5.6+)");
        }
        try {
            return Probe.read(p);
        } finally {
            Liburing.io_uring_free_probe(p);
        }
    }

    /** Registers buffers for READ_FIXED; buffer {@code i} is index {@code i}. Pins their pages. */
    public void registerBuffers(List<MappedMemory> buffers) {
        registrations.registerBuffers(buffers);
    }

    public void unregisterBuffers() {
        registrations.unregisterBuffers();
    }

    /** Registers files; SQEs flagged IOSQE_FIXED_FILE then name file {@code i} by index {@code i}. */
    public void registerFiles(int... fds) {
        registrations.registerFiles(fds);
    }

    public void unregisterFiles() {
        registrations.unregisterFiles();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Liburing.io_uring_queue_exit(ring); // also drops registered buffers and files
            ringStruct.close();
            cqeOut.close();
            submitCall.free();
            submitAndWaitCall.free();
            waitCall.free();
            if (flushCall != null) {
                flushCall.free();
            }
            registrations.freeAfterExit();
        }
    }
}
