package uringdio.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import uringdio.fixture.ExtentFile;
import uringdio.fixture.PatternedBuffer;
import uringdio.libc.FileHandle;
import uringdio.libc.MappedMemory;
import uringdio.uring.IoUring;
import uringdio.uring.IoUringSqe;
import uringdio.uring.Opcode;

/**
 * MariaDB's shape of io_uring use (tpool's aio_uring): one thread submits each read with its own
 * submit call, a separate thread waits for completions and reaps them. At most
 * {@code queueDepth} reads are in flight; the submitter waits for a free buffer beyond that.
 *
 * <p>The submitter writes a slot's offset and timestamps with release stores before submitting;
 * the reaper reads them with acquire loads after the kernel posted the slot's completion. A
 * slot goes back to the submitter through a blocking queue, which orders the reaper's check of
 * the buffer before the submitter re-arms it.
 */
public final class SubmitterReaperLoop implements AutoCloseable {

    private static final long STOP = -1L;
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    private final Scenario scenario;
    private final FileHandle fd;
    private final IoUring ring;
    private final PatternedBuffer[] buffers;
    private final ReadRecorder recorder;
    private final ReadCheck check;
    private final SplittableRandom random;
    private final long ranges;
    private final int readSize;
    private final int rwFlags;
    private final int sqeFlags;
    private final long[] offset;
    private final long[] lastRange;
    private final long[] tPrep;
    private final long[] tSubmitted;
    private final BlockingQueue<Integer> free;
    private final Thread reaper;
    private volatile Throwable reaperFailure;
    private boolean closed;

    public SubmitterReaperLoop(Scenario scenario, ExtentFile file, ReadRecorder recorder, Findings findings,
                               Path bufferFileDir, long seed) {
        this.scenario = scenario;
        this.recorder = recorder;
        this.readSize = scenario.readSize();
        this.ranges = file.size() / readSize;
        this.random = new SplittableRandom(seed);
        this.rwFlags = scenario.mode() == SubmitMode.RWF_NOWAIT ? Opcode.RWF_NOWAIT : 0;
        this.sqeFlags = scenario.mode() == SubmitMode.IOSQE_ASYNC ? Opcode.IOSQE_ASYNC : 0;
        this.check = new ReadCheck(scenario.fs(), file.fileId(), file.size(), scenario.mode() == SubmitMode.RWF_NOWAIT,
                findings);
        int qd = scenario.queueDepth();
        if (scenario.mode() == SubmitMode.PREAD || scenario.retryEagain()) {
            throw new IllegalArgumentException("the mariadb-like workload submits through io_uring and does not retry: "
                    + "use mode INLINE, RWF_NOWAIT, IOSQE_ASYNC or REGISTERED");
        }
        this.offset = new long[qd];
        this.lastRange = new long[qd];
        this.tPrep = new long[qd];
        this.tSubmitted = new long[qd];
        this.free = new ArrayBlockingQueue<>(qd);
        this.buffers = new PatternedBuffer[qd];
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            this.fd = FileHandle.openDirectRead(file.path());
            opened.add(fd);
            for (int slot = 0; slot < qd; slot++) {
                buffers[slot] = PatternedBuffer.create(scenario.pattern(), readSize, scenario.touchFraction(), seed + slot,
                        bufferFileDir);
                opened.add(buffers[slot]);
                lastRange[slot] = -1;
                free.add(slot);
            }
            // Two tasks enter this ring (submitter and reaper): no SINGLE_ISSUER or DEFER_TASKRUN.
            this.ring = IoUring.builder().entries(Math.max(2, qd + 1)).build();
            opened.add(ring);
            if (scenario.mode() == SubmitMode.REGISTERED) {
                List<MappedMemory> pinned = new ArrayList<>();
                for (PatternedBuffer b : buffers) {
                    pinned.add(b.memory());
                }
                ring.registerBuffers(pinned);
            }
        } catch (RuntimeException e) {
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        this.reaper = new Thread(new Reaper(), "uring-dio-bench reaper");
        this.reaper.setDaemon(true);
        this.reaper.start();
    }

    public String ringFlags() {
        return ring.setupFlags().isEmpty() ? "none" : ring.setupFlags().toString();
    }

    /** Submits one read with its own submit call, waiting for a free buffer if {@code queueDepth} are in flight. */
    public void submitOne() throws InterruptedException {
        Throwable failed = reaperFailure;
        if (failed != null) {
            throw new IllegalStateException("the reaper thread failed: " + failed, failed);
        }
        int slot = free.take();
        PatternedBuffer buf = buffers[slot];
        long a0 = System.nanoTime();
        buf.arm();
        buf.verify();
        recorder.rearmed(System.nanoTime() - a0);
        long range = random.nextLong(ranges);
        if (range == lastRange[slot] && ranges > 1) {
            range = (range + 1 + random.nextLong(ranges - 1)) % ranges;
        }
        lastRange[slot] = range;
        LONGS.setRelease(offset, slot, range * readSize);
        long t0 = System.nanoTime();
        LONGS.setRelease(tPrep, slot, t0);
        IoUringSqe sqe = ring.nextSqe();
        if (scenario.mode() == SubmitMode.REGISTERED) {
            sqe.prepReadFixed(fd.fd(), buf.address(), readSize, range * readSize, slot);
        } else {
            sqe.prepRead(fd.fd(), buf.address(), readSize, range * readSize);
        }
        sqe.flags(sqeFlags).rwFlags(rwFlags).userData(slot);
        long s0 = System.nanoTime();
        // Published before the submit: the completion may be reaped before submit() returns.
        LONGS.setRelease(tSubmitted, slot, s0);
        int n = ring.submit();
        long s1 = System.nanoTime();
        if (n != 1) {
            throw new IllegalStateException("io_uring_submit took " + n + " of 1 read");
        }
        recorder.submitted(s1 - s0, 1);
    }

    /** The reaping thread: waits for completions, checks and records each, hands its buffer back. */
    private final class Reaper implements Runnable, IoUring.CompletionHandler {
        private long tReap;
        private boolean stop;

        @Override
        public void run() {
            try {
                while (!stop) {
                    ring.waitCompletions(1);
                    tReap = System.nanoTime(); // one timestamp for the completions reaped together, as fio takes
                    ring.reap(this, Integer.MAX_VALUE);
                }
            } catch (Throwable t) {
                reaperFailure = t;
                free.clear();
                for (int slot = 0; slot < buffers.length; slot++) {
                    free.offer(slot); // let a submitter blocked on a buffer see the failure
                }
            }
        }

        @Override
        public void completed(long userData, int res, int flags) {
            if (userData == STOP) {
                stop = true;
                return;
            }
            int slot = (int) userData;
            long prep = (long) LONGS.getAcquire(tPrep, slot);
            long submitted = (long) LONGS.getAcquire(tSubmitted, slot);
            recorder.completed(tReap - submitted, tReap - prep);
            long c0 = System.nanoTime();
            ReadCheck.Outcome outcome = check.check(res, (long) LONGS.getAcquire(offset, slot), readSize,
                    buffers[slot].bytes());
            recorder.checked(System.nanoTime() - c0, outcome, Math.max(res, 0));
            free.add(slot);
        }
    }

    public long patternChecks() {
        long n = 0;
        for (PatternedBuffer b : buffers) {
            n += b.verifications();
        }
        return n;
    }

    public long patternMismatches() {
        long n = 0;
        for (PatternedBuffer b : buffers) {
            n += b.mismatches();
        }
        return n;
    }

    /** Waits for every read in flight (each is checked), stops the reaper with a NOP, closes the ring. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (int i = 0; i < buffers.length && reaperFailure == null; i++) {
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
            for (PatternedBuffer b : buffers) {
                b.close();
            }
            fd.close();
        }
        if (reaperFailure != null) {
            throw new IllegalStateException("the reaper thread failed: " + reaperFailure, reaperFailure);
        }
    }
}
