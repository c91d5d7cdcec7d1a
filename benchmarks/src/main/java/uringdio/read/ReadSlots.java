package uringdio.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import uringdio.fixture.PatternedBuffer;
import uringdio.libc.MappedMemory;
import uringdio.scenario.Scenario;
import uringdio.scenario.SubmitMode;
import uringdio.uring.IoUring;

/**
 * The buffers a loop reads into, and where each reads next: a random read range of the file,
 * never the one the buffer held last, so stale bytes of the same range can never pass for a read
 * that did not write them.
 */
final class ReadSlots implements AutoCloseable {

    private final PatternedBuffer[] buffers;
    private final long[] lastRange;
    private final SplittableRandom random;
    private final long ranges;
    private final int readSize;
    private final ReadRecorder recorder;

    /** {@code count} buffers following the scenario's pattern; MMAP_FILE ones are backed by files in {@code fileDir}. */
    ReadSlots(Scenario scenario, long fileSize, ReadRecorder recorder, Path fileDir, long seed, int count) {
        this.readSize = scenario.readSize();
        this.ranges = fileSize / readSize;
        this.recorder = recorder;
        this.random = new SplittableRandom(seed);
        this.buffers = new PatternedBuffer[count];
        this.lastRange = new long[count];
        try {
            for (int slot = 0; slot < count; slot++) {
                buffers[slot] = PatternedBuffer.create(scenario.pattern(), readSize, scenario.touchFraction(), seed + slot,
                        fileDir);
                lastRange[slot] = -1;
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    int count() {
        return buffers.length;
    }

    PatternedBuffer buffer(int slot) {
        return buffers[slot];
    }

    /** Registers every buffer with {@code ring}, buffer index = slot, for READ_FIXED. */
    void registerWith(IoUring ring) {
        List<MappedMemory> pinned = new ArrayList<>();
        for (PatternedBuffer b : buffers) {
            pinned.add(b.memory());
        }
        ring.registerBuffers(pinned);
    }

    /**
     * Re-arms the buffer to its pattern and, where the arming can have moved its resident pages,
     * checks them with mincore (once per re-arm; RESIDENT and REGISTERED buffers only after their
     * first arming), timed apart from any read; {@code betweenPages} (may be null) runs after each
     * page the arming touches.
     */
    void arm(int slot, Runnable betweenPages) {
        long t0 = System.nanoTime();
        buffers[slot].arm(betweenPages);
        if (buffers[slot].residencyMoved()) {
            buffers[slot].verify();
        }
        recorder.rearmed(System.nanoTime() - t0);
    }

    /** The file offset of the buffer's next read. Not thread-safe: called by the one submitting thread. */
    long nextOffset(int slot) {
        long range = random.nextLong(ranges);
        if (range == lastRange[slot] && ranges > 1) {
            range = (range + 1 + random.nextLong(ranges - 1)) % ranges;
        }
        lastRange[slot] = range;
        return range * readSize;
    }

    /** Pattern checks done before submissions. */
    long patternChecks() {
        long n = 0;
        for (PatternedBuffer b : buffers) {
            n += b == null ? 0 : b.verifications();
        }
        return n;
    }

    /** Checks that found a buffer not as its pattern asked. */
    long patternMismatches() {
        long n = 0;
        for (PatternedBuffer b : buffers) {
            n += b == null ? 0 : b.mismatches();
        }
        return n;
    }

    @Override
    public void close() {
        for (PatternedBuffer b : buffers) {
            if (b != null) {
                b.close();
            }
        }
    }
}
