package uringdio.read;

import java.nio.file.Path;
import java.util.Arrays;
import uringdio.fixture.ExtentFile;
import uringdio.fixture.PatternedBuffer;
import uringdio.libc.Errno;
import uringdio.libc.FileHandle;
import uringdio.libc.LibC;
import uringdio.uring.IoUring;
import uringdio.uring.IoUringSqe;
import uringdio.uring.Opcode;
import uringdio.uring.SetupFlag;

/**
 * Drives one scenario's reads from one thread: {@code queueDepth} reads in flight, submitted
 * {@code submitBatch} to a call, each into its own buffer at a random read range of the file,
 * each completion checked and recorded. What fio does with iodepth, iodepth_batch_submit and
 * iodepth_batch_complete_min=1.
 *
 * <p>Timing of one read: its buffer is re-armed (timed apart, kept out of the latency), then the
 * read is prepared ({@code tPrep}), submitted (time in the submit call), reaped ({@code tReap},
 * one timestamp for all completions reaped together), then checked (timed apart). End to end is
 * tReap - tPrep; completion is tReap minus the submit call's return.
 */
public final class ReadLoop implements ScenarioLoop {

    private final Scenario scenario;
    private final ExtentFile file;
    private final FileHandle fd;
    private final IoUring ring;
    private final ReadSlots slots;
    private final ReadRecorder recorder;
    private final ReadCheck check;
    private final int readSize;
    private final int batch;
    private final int rwFlags;
    private final int sqeFlags;
    private final boolean retryEagain;

    private final long[] offset;
    private final long[] tPrep;
    private final long[] tSubmitted;
    private final int[] idle;
    private int idleCount;
    private final int[] retry;
    private int retryCount;
    private int inFlight;
    private long tReap;
    private final IoUring.CompletionHandler onCompletion = this::completed;

    /**
     * Sets up the ring (none for PREAD), the buffers and their pattern; reads nothing yet.
     * {@code bufferFileDir} holds MMAP_FILE buffers' backing files.
     */
    public ReadLoop(Scenario scenario, ExtentFile file, ReadRecorder recorder, Findings findings, Path bufferFileDir,
                    long seed) {
        this.scenario = scenario;
        this.file = file;
        this.recorder = recorder;
        this.readSize = scenario.readSize();
        this.batch = scenario.submitBatch();
        this.retryEagain = scenario.retryEagain();
        this.rwFlags = scenario.mode() == SubmitMode.RWF_NOWAIT ? Opcode.RWF_NOWAIT : 0;
        this.sqeFlags = scenario.mode() == SubmitMode.IOSQE_ASYNC ? Opcode.IOSQE_ASYNC : 0;
        this.check = new ReadCheck(scenario.fs(), file.fileId(), file.size(), scenario.mode() == SubmitMode.RWF_NOWAIT,
                findings);
        int qd = scenario.queueDepth();
        this.offset = new long[qd];
        this.tPrep = new long[qd];
        this.tSubmitted = new long[qd];
        this.idle = new int[qd];
        this.retry = new int[qd];
        for (int slot = 0; slot < qd; slot++) {
            idle[idleCount++] = slot;
        }
        OpenedResources opened = new OpenedResources();
        try {
            this.slots = opened.add(new ReadSlots(scenario, file.size(), recorder, bufferFileDir, seed));
            this.fd = opened.add(FileHandle.openDirectRead(file.path()));
            if (scenario.mode() == SubmitMode.PREAD) {
                this.ring = null;
            } else {
                this.ring = opened.add(IoUring.builder().entries(Math.max(2, qd)).prefer(preferredRingFlags()).build());
                if (scenario.mode() == SubmitMode.REGISTERED) {
                    slots.registerWith(ring);
                }
            }
        } catch (RuntimeException e) {
            throw opened.closeAfter(e);
        }
    }

    /**
     * Setup flags named by {@code -Duringdio.ringFlags=COOP_TASKRUN,SINGLE_ISSUER,DEFER_TASKRUN}, each
     * dropped where the kernel refuses it; none unless asked. fio's io_uring engine asks for these
     * three, so the comparison with fio sets them. Safe here because one thread both submits and
     * reaps (DEFER_TASKRUN refuses a reaper that is not the submitter).
     */
    static SetupFlag[] preferredRingFlags() {
        String names = System.getProperty("uringdio.ringFlags", "").strip();
        if (names.isEmpty()) {
            return new SetupFlag[0];
        }
        return Arrays.stream(names.split(",")).map(String::strip).map(SetupFlag::valueOf).toArray(SetupFlag[]::new);
    }

    @Override
    public String ringFlags() {
        return ring == null ? "none (pread)" : ring.setupFlags().isEmpty() ? "none" : ring.setupFlags().toString();
    }

    /** Fills the queue: every slot armed and submitted, in batches. */
    public void prime() {
        if (ring != null) {
            submitIdle();
        }
    }

    /**
     * One step: reap at least one completion (waiting if none is ready), check and record each,
     * then refill the queue in batches. For PREAD, one synchronous read. Returns the completions
     * reaped.
     */
    public int step() {
        if (ring == null) {
            preadOnce();
            return 1;
        }
        if (ring.ready() == 0) {
            ring.waitCompletions(1);
        }
        tReap = System.nanoTime();
        int reaped = ring.reap(onCompletion, Integer.MAX_VALUE);
        if (retryCount > 0) {
            resubmitRefused();
        }
        submitIdle();
        return reaped;
    }

    /** Waits for every read in flight and checks it, recording nothing as measured. */
    public void drain() {
        while (ring != null && inFlight > 0) {
            ring.waitCompletions(1);
            tReap = System.nanoTime();
            ring.reap(onCompletion, Integer.MAX_VALUE);
            if (retryCount > 0) {
                resubmitRefused();
            }
        }
    }

    private void submitIdle() {
        while (idleCount >= batch) {
            int first = idleCount - batch;
            for (int i = first; i < idleCount; i++) {
                slots.arm(idle[i]);
            }
            for (int i = first; i < idleCount; i++) {
                int slot = idle[i];
                offset[slot] = slots.nextOffset(slot);
                tPrep[slot] = System.nanoTime();
                prep(slot, rwFlags);
            }
            submit(first, idleCount);
            idleCount = first;
        }
    }

    private void prep(int slot, int flags) {
        IoUringSqe sqe = ring.nextSqe();
        if (scenario.mode() == SubmitMode.REGISTERED) {
            sqe.prepReadFixed(fd.fd(), slots.buffer(slot).address(), readSize, offset[slot], slot);
        } else {
            sqe.prepRead(fd.fd(), slots.buffer(slot).address(), readSize, offset[slot]);
        }
        sqe.flags(sqeFlags).rwFlags(flags).userData(slot);
    }

    /** Submits the prepared slots idle[from..to) (or retry[from..to)) in one call. */
    private void submit(int from, int to) {
        long s0 = System.nanoTime();
        int n = ring.submit();
        long s1 = System.nanoTime();
        if (n != to - from) {
            throw new IllegalStateException("io_uring_submit took " + n + " of " + (to - from) + " reads");
        }
        recorder.submitted(s1 - s0, n);
        for (int i = from; i < to; i++) {
            tSubmitted[idle[i]] = s1;
        }
        inFlight += n;
    }

    /** RWF_NOWAIT reads refused with -EAGAIN, resubmitted without the flag: their latency runs on from the first prep. */
    private void resubmitRefused() {
        for (int i = 0; i < retryCount; i++) {
            prep(retry[i], 0);
        }
        long s0 = System.nanoTime();
        int n = ring.submit();
        long s1 = System.nanoTime();
        if (n != retryCount) {
            throw new IllegalStateException("io_uring_submit took " + n + " of " + retryCount + " retried reads");
        }
        recorder.submitted(s1 - s0, n);
        for (int i = 0; i < retryCount; i++) {
            tSubmitted[retry[i]] = s1;
        }
        inFlight += n;
        retryCount = 0;
    }

    private void completed(long userData, int res, int flags) {
        int slot = (int) userData;
        inFlight--;
        if (res == -Errno.EAGAIN && retryEagain) {
            // Counted as a refusal, then retried without RWF_NOWAIT: io_uring punts it to io-wq.
            recorder.checked(0, ReadCheck.Outcome.EAGAIN, 0);
            retry[retryCount++] = slot;
            return;
        }
        recorder.completed(tReap - tSubmitted[slot], tReap - tPrep[slot]);
        checkAndRecord(slot, res);
        idle[idleCount++] = slot;
    }

    private void checkAndRecord(int slot, int res) {
        long c0 = System.nanoTime();
        ReadCheck.Outcome outcome = check.check(res, offset[slot], readSize, slots.buffer(slot).bytes());
        recorder.checked(System.nanoTime() - c0, outcome, Math.max(res, 0));
    }

    private void preadOnce() {
        PatternedBuffer buf = slots.buffer(0);
        slots.arm(0);
        offset[0] = slots.nextOffset(0);
        long t0 = System.nanoTime();
        long res = LibC.preadOrErrno(fd.fd(), buf.address(), readSize, offset[0]);
        long t1 = System.nanoTime();
        recorder.completedSynchronously(t1 - t0);
        checkAndRecord(0, (int) res);
    }

    @Override
    public long patternChecks() {
        return slots.patternChecks();
    }

    @Override
    public long patternMismatches() {
        return slots.patternMismatches();
    }

    public ExtentFile file() {
        return file;
    }

    @Override
    public void close() {
        try {
            drain();
        } finally {
            if (ring != null) {
                ring.close();
            }
            slots.close();
            fd.close();
        }
    }
}
