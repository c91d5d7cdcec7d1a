package uringdio.read;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uringdio.attribution.SuiteStamp;
import uringdio.attribution.UserDataTag;
import uringdio.fixture.ExtentFile;
import uringdio.fixture.PatternedBuffer;
import uringdio.libc.Errno;
import uringdio.libc.FileHandle;
import uringdio.libc.LibC;
import uringdio.scenario.Scenario;
import uringdio.scenario.SubmitMode;
import uringdio.uring.IoUring;
import uringdio.uring.IoUringSqe;
import uringdio.uring.Opcode;
import uringdio.uring.SetupFlag;

/**
 * Drives one scenario's reads from one thread: {@code queueDepth} reads in flight, submitted
 * {@code submitBatch} to a call, each into a buffer of its own at a random read range of the
 * file, each completion checked and recorded: what fio does with iodepth, iodepth_batch_submit
 * and iodepth_batch_complete_min=1.
 *
 * <p>There are two buffers for every read in flight. A reaped read's buffer is set aside; a
 * buffer armed earlier takes its place in the next submission at once; only then is the reaped
 * buffer checked and re-armed, while the new reads are in flight. So the suite's own work (the
 * byte-for-byte check, re-arming the fault-in pattern) neither delays the next read, as fio with
 * no verification does not, nor counts in any latency.
 *
 * <p>Timing of one read: prepared ({@code tPrep}), submitted (time in the submit call), its
 * completion seen ({@code tArrival}). A completion is stamped when the loop first sees it: after
 * waiting, after each buffer checked and between the pages it re-arms meanwhile, so the stamp is
 * late by at most one check or one page of re-arming. Under DEFER_TASKRUN the loop enters the
 * kernel at those points to have finished completions posted ({@link IoUring#flushCompletions}).
 * End to end is tArrival - tPrep; completion is tArrival minus the return of the submit call.
 * PREAD is synchronous: one buffer, re-armed and checked between reads.
 */
public final class ReadLoop implements ScenarioLoop, ScenarioLoop.Traceable {

    /** Set to false to stamp deferred completions only at the next wait (for measuring the difference). */
    static final String FLUSH_PROPERTY = "uringdio.flushDeferred";

    private final Scenario scenario;
    private final FileHandle fd;
    private final IoUring ring;
    private final ReadSlots buffers;
    private final ReadRecorder recorder;
    private final ReadCheck check;
    private final int readSize;
    private final int queueDepth;
    private final int batch;
    private final int rwFlags;
    private final int sqeFlags;
    private final boolean retryEagain;
    /** The ring posts completions only when the task enters the kernel (DEFER_TASKRUN). */
    private final boolean deferred;

    // Per buffer: where its read is, when it was prepared, submitted and seen complete.
    private final long[] offset;
    private final long[] tPrep;
    private final long[] tSubmitted;
    private final long[] tArrival;
    private final int[] result;
    /** Buffers armed and checked against their pattern, ready for a read. */
    private final int[] armed;
    private int armedCount;
    /** Buffers reaped this step, to check and re-arm once the next reads are submitted. */
    private final int[] reaped;
    private int reapedCount;
    /** Buffers refused with -EAGAIN, to resubmit without RWF_NOWAIT. */
    private final int[] refused;
    private int refusedCount;
    private int inFlight;
    private boolean draining;
    /** Completions in the CQ already stamped with their arrival. */
    private int stamped;
    private final Runnable stampArrivals = this::stampArrivals;
    private final IoUring.CompletionHandler onCompletion = this::completed;
    /** Where a traced pass wants each completed read's stamp; null outside one. */
    private List<SuiteStamp> stamps;

    /**
     * Sets up the ring (none for PREAD; {@code ringFlags} where the kernel takes them), the
     * buffers and their pattern; reads nothing yet. {@code bufferFileDir} holds MMAP_FILE buffers'
     * backing files.
     */
    public ReadLoop(Scenario scenario, ExtentFile file, ReadRecorder recorder, Findings findings, Path bufferFileDir,
                    long seed, Set<SetupFlag> ringFlags) {
        this.scenario = scenario;
        this.recorder = recorder;
        this.readSize = scenario.readSize();
        this.queueDepth = scenario.queueDepth();
        this.batch = scenario.submitBatch();
        this.retryEagain = scenario.retryEagain();
        this.rwFlags = scenario.mode() == SubmitMode.RWF_NOWAIT ? Opcode.RWF_NOWAIT : 0;
        this.sqeFlags = scenario.mode() == SubmitMode.IOSQE_ASYNC ? Opcode.IOSQE_ASYNC : 0;
        this.check = new ReadCheck(scenario.fs().label(), file.fileId(), file.size(), scenario.mode() == SubmitMode.RWF_NOWAIT,
                findings);
        boolean synchronous = scenario.mode() == SubmitMode.PREAD;
        int count = synchronous ? 1 : 2 * queueDepth;
        this.offset = new long[count];
        this.tPrep = new long[count];
        this.tSubmitted = new long[count];
        this.tArrival = new long[count];
        this.result = new int[count];
        this.armed = new int[count];
        this.reaped = new int[count];
        this.refused = new int[count];
        OpenedResources opened = new OpenedResources();
        try {
            this.buffers = opened.add(new ReadSlots(scenario, file.size(), recorder, bufferFileDir, seed, count));
            this.fd = opened.add(FileHandle.openDirectRead(file.path()));
            if (synchronous) {
                this.ring = null;
            } else {
                this.ring = opened.add(IoUring.builder().entries(Math.max(2, queueDepth))
                        .prefer(ringFlags.toArray(SetupFlag[]::new)).build());
                if (scenario.mode() == SubmitMode.REGISTERED) {
                    buffers.registerWith(ring);
                }
            }
        } catch (RuntimeException e) {
            throw opened.closeAfter(e);
        }
        // -Duringdio.flushDeferred=false leaves deferred completions to the next wait, as before:
        // only to measure what flushing changes (DeferredCompletionStampTest).
        this.deferred = ring != null && ring.defersCompletions()
                && Boolean.parseBoolean(System.getProperty(FLUSH_PROPERTY, "true"));
    }

    @Override
    public String ringFlags() {
        return ring == null ? "none (pread)" : ring.setupFlags().isEmpty() ? "none" : ring.setupFlags().toString();
    }

    @Override
    public Optional<Traceable> traceable() {
        // A refused read resubmitted under the same user_data would be two submissions to one stamp.
        return ring == null || retryEagain ? Optional.empty() : Optional.of(this);
    }

    @Override
    public void stampInto(List<SuiteStamp> sink) {
        stamps = sink;
    }

    /** Arms every buffer and fills the queue. */
    public void prime() {
        for (int b = buffers.count() - 1; b >= 0; b--) {
            buffers.arm(b, null);
            armed[armedCount++] = b;
        }
        if (ring != null) {
            submitArmed();
        }
    }

    /**
     * One step: wait for at least one completion if none is ready, record each one ready,
     * resubmit refused reads, submit armed buffers in batches up to the queue depth, then check
     * and re-arm the reaped buffers. For PREAD, one synchronous read. Returns the reads reaped.
     */
    public int step() {
        if (ring == null) {
            preadOnce();
            return 1;
        }
        if (ring.ready() == 0) {
            ring.waitCompletions(1);
        }
        stampArrivals();
        int n = ring.reap(onCompletion, stamped);
        stamped = 0;
        if (refusedCount > 0) {
            resubmitRefused();
        }
        submitArmed();
        checkAndRearmReaped();
        return n;
    }

    /** Waits for every read in flight and checks it, submitting no new one; nothing of it is measured. */
    public void drain() {
        draining = true;
        while (ring != null && inFlight > 0) {
            step();
        }
    }

    /**
     * Notes the arrival time of every completion not yet stamped. Cheap when none has arrived: one
     * load. Under DEFER_TASKRUN the kernel posts completions only when this task enters it, so
     * while reads are in flight that the CQ does not show yet, it enters the kernel first (one
     * io_uring_enter with GETEVENTS, nothing waited for): else every completion arriving during a
     * check or re-arm would be stamped only at the next wait.
     */
    private void stampArrivals() {
        if (deferred && inFlight > ring.ready()) {
            ring.flushCompletions();
        }
        int ready = ring.ready();
        if (ready > stamped) {
            long now = System.nanoTime();
            for (int i = stamped; i < ready; i++) {
                tArrival[UserDataTag.slot(ring.userDataAt(i))] = now;
            }
            stamped = ready;
        }
    }

    private void submitArmed() {
        while (!draining && queueDepth - inFlight >= batch && armedCount >= batch) {
            armedCount -= batch;
            for (int i = armedCount; i < armedCount + batch; i++) {
                int b = armed[i];
                offset[b] = buffers.nextOffset(b);
                tPrep[b] = System.nanoTime();
                prep(b, rwFlags);
            }
            submit(armed, armedCount, batch);
        }
    }

    private void prep(int b, int flags) {
        IoUringSqe sqe = ring.nextSqe();
        long address = buffers.buffer(b).address();
        if (scenario.mode() == SubmitMode.REGISTERED) {
            sqe.prepReadFixed(fd.fd(), address, readSize, offset[b], b);
        } else {
            sqe.prepRead(fd.fd(), address, readSize, offset[b]);
        }
        sqe.flags(sqeFlags).rwFlags(flags).userData(UserDataTag.of(b));
    }

    /** Submits the {@code n} prepared reads of buffers {@code ids[from..from+n)} in one call. */
    private void submit(int[] ids, int from, int n) {
        long s0 = System.nanoTime();
        int taken = ring.submit();
        long s1 = System.nanoTime();
        if (taken != n) {
            throw new IllegalStateException("io_uring_submit took " + taken + " of " + n + " reads");
        }
        recorder.submitted(s1 - s0, n);
        for (int i = from; i < from + n; i++) {
            tSubmitted[ids[i]] = s1;
        }
        inFlight += n;
    }

    /** RWF_NOWAIT reads refused with -EAGAIN, resubmitted without the flag: their latency runs on from the first prep. */
    private void resubmitRefused() {
        for (int i = 0; i < refusedCount; i++) {
            prep(refused[i], 0);
        }
        submit(refused, 0, refusedCount);
        refusedCount = 0;
    }

    private void completed(long userData, int res, int flags) {
        int b = UserDataTag.slot(userData);
        inFlight--;
        if (res == -Errno.EAGAIN && retryEagain) {
            // Counted as a refusal, then retried without RWF_NOWAIT: io_uring punts it to io-wq.
            recorder.checked(0, ReadCheck.Outcome.EAGAIN, 0);
            refused[refusedCount++] = b;
            return;
        }
        recorder.completed(tArrival[b] - tSubmitted[b], tArrival[b] - tPrep[b]);
        if (stamps != null) {
            stamps.add(new SuiteStamp(UserDataTag.of(b), offset[b], tPrep[b], tArrival[b]));
        }
        result[b] = res;
        reaped[reapedCount++] = b;
    }

    private void checkAndRearmReaped() {
        for (int i = 0; i < reapedCount; i++) {
            int b = reaped[i];
            checkAndRecord(b, result[b]);
            stampArrivals();
            if (!draining) {
                buffers.arm(b, stampArrivals);
                armed[armedCount++] = b;
            }
        }
        reapedCount = 0;
    }

    private void checkAndRecord(int b, int res) {
        long c0 = System.nanoTime();
        ReadCheck.Outcome outcome = check.check(res, offset[b], readSize, buffers.buffer(b).bytes());
        recorder.checked(System.nanoTime() - c0, outcome, Math.max(res, 0));
    }

    private void preadOnce() {
        PatternedBuffer buf = buffers.buffer(0);
        offset[0] = buffers.nextOffset(0);
        long t0 = System.nanoTime();
        long res = LibC.preadOrErrno(fd.fd(), buf.address(), readSize, offset[0]);
        long t1 = System.nanoTime();
        recorder.completedSynchronously(t1 - t0);
        checkAndRecord(0, (int) res);
        buffers.arm(0, null);
    }

    @Override
    public long patternChecks() {
        return buffers.patternChecks();
    }

    @Override
    public long patternMismatches() {
        return buffers.patternMismatches();
    }

    @Override
    public void close() {
        try {
            drain();
        } finally {
            if (ring != null) {
                ring.close();
            }
            buffers.close();
            fd.close();
        }
    }
}
