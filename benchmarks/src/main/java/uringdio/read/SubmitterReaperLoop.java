package uringdio.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import uringdio.attribution.UserDataTag;
import uringdio.fixture.ExtentFile;
import uringdio.fixture.PatternedBuffer;
import uringdio.libc.FileHandle;
import uringdio.scenario.Scenario;
import uringdio.scenario.SubmitMode;
import uringdio.uring.IoUring;
import uringdio.uring.IoUringSqe;
import uringdio.uring.Opcode;

/**
 * MariaDB's shape of io_uring use (tpool's aio_uring): one thread submits each read with its own
 * submit call, a separate thread waits for completions and reaps them. At most
 * {@code queueDepth} reads are in flight; the submitter waits for one to complete beyond that.
 *
 * <p>As in the read loop there are two buffers for each read in flight: the reaper gives back the
 * read's place in the queue as soon as it has stamped the completion, then checks and re-arms the
 * buffer and hands it back armed, so neither the check nor re-arming is on the submitter's path.
 * Timing is the read loop's: completion latency runs from the submit call's return, end to end
 * from preparing the SQE, each completion is stamped when the reaper first sees it (after its
 * wait, and again after each buffer it checks and re-arms), not once per batch.
 *
 * <p>The submitter writes a slot's offset and prep time with release stores before submitting and
 * its submit-return time after; the reaper reads them with acquire loads after the kernel posted
 * the slot's completion, and waits the few instructions until the submit-return time is written
 * if the read completed before the submit call returned. A buffer goes back to the submitter
 * through a blocking queue, which orders the reaper's check and re-arm before the next read into it.
 */
public final class SubmitterReaperLoop implements ScenarioLoop {

    private static final long STOP = -1L;
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    private final Scenario scenario;
    private final FileHandle fd;
    private final IoUring ring;
    private final ReadSlots slots;
    private final ReadRecorder recorder;
    private final ReadCheck check;
    private final int readSize;
    private final int rwFlags;
    private final int sqeFlags;
    private final long[] offset;
    private final long[] tPrep;
    private final long[] tSubmitted;
    /** Armed buffers, ready for a read. */
    private final BlockingQueue<Integer> free;
    /** Places in the queue: taken for each submission, given back at each completion. */
    private final Semaphore inFlight;
    private final Thread reaper;
    private volatile Throwable reaperFailure;
    private boolean closed;

    public SubmitterReaperLoop(Scenario scenario, ExtentFile file, ReadRecorder recorder, Findings findings,
                               Path bufferFileDir, long seed) {
        this.scenario = scenario;
        this.recorder = recorder;
        this.readSize = scenario.readSize();
        this.rwFlags = scenario.mode() == SubmitMode.RWF_NOWAIT ? Opcode.RWF_NOWAIT : 0;
        this.sqeFlags = scenario.mode() == SubmitMode.IOSQE_ASYNC ? Opcode.IOSQE_ASYNC : 0;
        this.check = new ReadCheck(scenario.fs().label(), file.fileId(), file.size(), scenario.mode() == SubmitMode.RWF_NOWAIT,
                findings);
        if (scenario.mode() == SubmitMode.PREAD || scenario.retryEagain()) {
            throw new IllegalArgumentException("the mariadb-like workload submits through io_uring and does not retry: "
                    + "use mode INLINE, RWF_NOWAIT, IOSQE_ASYNC or REGISTERED");
        }
        int qd = scenario.queueDepth();
        int buffers = 2 * qd;
        this.offset = new long[buffers];
        this.tPrep = new long[buffers];
        this.tSubmitted = new long[buffers];
        this.free = new ArrayBlockingQueue<>(buffers);
        this.inFlight = new Semaphore(qd);
        OpenedResources opened = new OpenedResources();
        try {
            this.slots = opened.add(new ReadSlots(scenario, file.size(), recorder, bufferFileDir, seed, buffers));
            for (int slot = 0; slot < buffers; slot++) {
                slots.arm(slot, null);
                free.add(slot);
            }
            this.fd = opened.add(FileHandle.openDirectRead(file.path()));
            // Two tasks enter this ring (submitter and reaper): no SINGLE_ISSUER or DEFER_TASKRUN.
            this.ring = opened.add(IoUring.builder().entries(Math.max(2, qd + 1)).build());
            if (scenario.mode() == SubmitMode.REGISTERED) {
                slots.registerWith(ring);
            }
        } catch (RuntimeException e) {
            throw opened.closeAfter(e);
        }
        this.reaper = new Thread(new Reaper(buffers), "uring-dio-bench reaper");
        this.reaper.setDaemon(true);
        this.reaper.start();
    }

    @Override
    public String ringFlags() {
        return ring.setupFlags().isEmpty() ? "none" : ring.setupFlags().toString();
    }

    /** Submits one read with its own submit call, waiting for a place if {@code queueDepth} are in flight. */
    public void submitOne() throws InterruptedException {
        Throwable failed = reaperFailure;
        if (failed != null) {
            throw new IllegalStateException("the reaper thread failed: " + failed, failed);
        }
        inFlight.acquire();
        int slot = free.take(); // armed by the reaper: one is always there when a place is
        PatternedBuffer buf = slots.buffer(slot);
        long at = slots.nextOffset(slot);
        LONGS.setRelease(offset, slot, at);
        LONGS.setRelease(tSubmitted, slot, 0L); // not yet returned from the submit call
        long t0 = System.nanoTime();
        LONGS.setRelease(tPrep, slot, t0);
        IoUringSqe sqe = ring.nextSqe();
        if (scenario.mode() == SubmitMode.REGISTERED) {
            sqe.prepReadFixed(fd.fd(), buf.address(), readSize, at, slot);
        } else {
            sqe.prepRead(fd.fd(), buf.address(), readSize, at);
        }
        sqe.flags(sqeFlags).rwFlags(rwFlags).userData(UserDataTag.of(slot));
        long s0 = System.nanoTime();
        int n = ring.submit();
        long s1 = System.nanoTime();
        LONGS.setRelease(tSubmitted, slot, s1);
        if (n != 1) {
            throw new IllegalStateException("io_uring_submit took " + n + " of 1 read");
        }
        recorder.submitted(s1 - s0, 1);
    }

    /** The reaping thread: waits for completions, stamps, checks, re-arms and records each, hands its buffer back. */
    private final class Reaper implements Runnable, IoUring.CompletionHandler {
        private final long[] tArrival;
        /** Completions in the CQ already stamped with their arrival. */
        private int stamped;
        private boolean stop;
        private final Runnable stamp = this::stampArrivals;

        Reaper(int buffers) {
            this.tArrival = new long[buffers];
        }

        @Override
        public void run() {
            try {
                while (!stop) {
                    if (ring.ready() == 0) {
                        ring.waitCompletions(1);
                    }
                    stampArrivals();
                    int n = ring.reap(this, stamped); // which may stamp more arrivals meanwhile
                    stamped -= n;
                }
            } catch (Throwable t) {
                reaperFailure = t;
                free.clear();
                for (int slot = 0; slot < slots.count(); slot++) {
                    free.offer(slot); // let a submitter blocked on a buffer see the failure
                }
                inFlight.release(slots.count());
            }
        }

        /** Notes the arrival time of every completion not yet stamped: one load when none has arrived. */
        private void stampArrivals() {
            int ready = ring.ready();
            if (ready > stamped) {
                long now = System.nanoTime();
                for (int i = stamped; i < ready; i++) {
                    long userData = ring.userDataAt(i);
                    if (userData != STOP) {
                        tArrival[UserDataTag.slot(userData)] = now;
                    }
                }
                stamped = ready;
            }
        }

        @Override
        public void completed(long userData, int res, int flags) {
            if (userData == STOP) {
                stop = true;
                return;
            }
            int slot = UserDataTag.slot(userData);
            long prep = (long) LONGS.getAcquire(tPrep, slot);
            long submitted;
            while ((submitted = (long) LONGS.getAcquire(tSubmitted, slot)) == 0L) {
                Thread.onSpinWait(); // completed before the submit call returned: its return is a few ns away
            }
            recorder.completed(tArrival[slot] - submitted, tArrival[slot] - prep);
            inFlight.release(); // the queue has room again: the submitter need not wait for the check
            long c0 = System.nanoTime();
            ReadCheck.Outcome outcome = check.check(res, (long) LONGS.getAcquire(offset, slot), readSize,
                    slots.buffer(slot).bytes());
            recorder.checked(System.nanoTime() - c0, outcome, Math.max(res, 0));
            stampArrivals();
            slots.arm(slot, stamp);
            free.add(slot);
        }
    }

    @Override
    public long patternChecks() {
        return slots.patternChecks();
    }

    @Override
    public long patternMismatches() {
        return slots.patternMismatches();
    }

    /** Waits for every read in flight (each is checked), stops the reaper with a NOP, closes the ring. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (int i = 0; i < slots.count() && reaperFailure == null; i++) {
                free.take(); // every buffer back: nothing in flight
            }
            if (reaperFailure == null) {
                ring.nextSqe().prepNop().userData(STOP);
                ring.submit();
                reaper.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ring.close();
            slots.close();
            fd.close();
        }
        if (reaperFailure != null) {
            throw new IllegalStateException("the reaper thread failed: " + reaperFailure, reaperFailure);
        }
    }
}
