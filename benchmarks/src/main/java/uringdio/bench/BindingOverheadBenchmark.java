package uringdio.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import uringdio.fixture.PatternedBuffer;
import uringdio.libc.FileHandle;
import uringdio.libc.MappedMemory;
import uringdio.read.OffsetSequence;
import uringdio.scenario.FaultPattern;
import uringdio.uring.IoUring;
import uringdio.uring.IoUringSqe;

/**
 * What the binding adds to io_uring, held against the same loops in C
 * ({@code native/src/main/c/overhead_loop.c}, run beside this by
 * {@link uringdio.overhead.OverheadComparison}). Each benchmark does what its C twin does, step
 * for step, so the difference is the binding: the JNA crossing and the Java that stands in for
 * liburing's static inlines.
 *
 * <ul>
 *   <li>{@link #nop}: one NOP prepared, submitted and waited for in one call, its completion
 *       checked and released. The whole round trip, nanoseconds per op.</li>
 *   <li>{@link #read4k}: one 4 KiB O_DIRECT read at QD1 into a resident mmap'd buffer, at the
 *       offsets the C loop reads (same generator, same seed), each result checked for its
 *       length and against a reference copy of the file, as the C loop's memcmp does. Sampled
 *       per op, so JMH reports the median the C loop is compared on.</li>
 * </ul>
 *
 * <p>Both rings are made as the C loop makes its: 8 entries, no setup flags. The read file is
 * named by {@code -Duringdio.overhead.file=<path>} (whole 4 KiB blocks, at most 2 GiB: the
 * reference copy is held in memory, as in C), the seed by {@code -Duringdio.overhead.seed}
 * (unsigned decimal, default 1). Hot paths make exactly one native call per op (the submit-and-wait) and allocate
 * nothing.
 */
@Fork(1)
public class BindingOverheadBenchmark {

    public static final String FILE_PROPERTY = "uringdio.overhead.file";
    public static final String SEED_PROPERTY = "uringdio.overhead.seed";
    public static final int BLOCK_SIZE = 4096;
    /** The C loop's ring: {@code io_uring_queue_init(8, &ring, 0)}. */
    public static final int RING_ENTRIES = 8;
    /** The C NOP loop's {@code sqe->user_data}. */
    static final long NOP_USER_DATA = 1;

    /** A ring for NOPs. */
    @State(Scope.Thread)
    public static class NopRing {
        IoUring ring;

        @Setup(Level.Trial)
        public void open() {
            ring = IoUring.builder().entries(RING_ENTRIES).build();
        }

        @TearDown(Level.Trial)
        public void close() {
            ring.close();
        }
    }

    /** The file, the buffer a read lands in, the reference copy it is checked against, the offsets. */
    @State(Scope.Thread)
    public static class ReadTarget {
        IoUring ring;
        FileHandle file;
        int fd;
        PatternedBuffer buffer;
        long bufferAddress;
        ByteBuffer landed;
        MappedMemory reference;
        ByteBuffer expected;
        OffsetSequence offsets;

        @Setup(Level.Trial)
        public void open() {
            String name = System.getProperty(FILE_PROPERTY);
            if (name == null) {
                throw new IllegalStateException("name the file to read with -D" + FILE_PROPERTY + "=<path>");
            }
            Path path = Path.of(name);
            file = FileHandle.openDirectRead(path);
            try {
                long blocks = sizeOf(path) / BLOCK_SIZE;
                if (blocks < 1 || blocks * BLOCK_SIZE > Integer.MAX_VALUE) {
                    throw new IllegalStateException(path + " must hold 1 to " + (Integer.MAX_VALUE / BLOCK_SIZE)
                            + " whole " + BLOCK_SIZE + "-byte blocks, not " + blocks);
                }
                reference = MappedMemory.anonymous(blocks * BLOCK_SIZE);
                readFully(file, reference);
                expected = reference.byteBuffer();
                // RESIDENT: touched once and never dropped, like the C loop's memset buffer.
                buffer = PatternedBuffer.create(FaultPattern.RESIDENT, BLOCK_SIZE, 0, 1, null);
                buffer.arm();
                bufferAddress = buffer.address();
                landed = buffer.bytes();
                // Unsigned decimal, as the C loop's strtoull reads it.
                offsets = new OffsetSequence(Long.parseUnsignedLong(System.getProperty(SEED_PROPERTY, "1")), blocks,
                        BLOCK_SIZE);
                fd = file.fd();
                ring = IoUring.builder().entries(RING_ENTRIES).build();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        private static long sizeOf(Path path) {
            try {
                return Files.size(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The C loop's reference pread, in as many calls as the kernel needs. */
        private static void readFully(FileHandle file, MappedMemory into) {
            long done = 0;
            while (done < into.size()) {
                long n = file.pread(into.address() + done, into.size() - done, done);
                if (n <= 0) {
                    throw new IllegalStateException(file.path() + " ended at " + done + " of " + into.size() + " bytes");
                }
                done += n;
            }
        }

        /** The bytes the last read landed in: a view, for checks made outside the measured loop. */
        public ByteBuffer landed() {
            return landed;
        }

        @TearDown(Level.Trial)
        public void close() {
            if (ring != null) {
                ring.close();
            }
            if (buffer != null) {
                buffer.close();
            }
            if (reference != null) {
                reference.close();
            }
            if (file != null) {
                file.close();
            }
        }
    }

    /** Every read's outcome, counted beside the score (JMH sample 23): none may be bad. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class ReadOutcomes {
        /** Reads completed and checked. */
        public long reads;
        /** Of those, reads that came back short or with bytes other than the reference copy's. */
        public long badReads;

        @Setup(Level.Iteration)
        public void clear() {
            reads = 0;
            badReads = 0;
        }
    }

    /**
     * The C loop's {@code nop_round_trip}: get_sqe + prep_nop + user_data, submit_and_wait(1),
     * peek_cqe, a negative result is an error, cqe_seen.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 5, time = 1)
    @Measurement(iterations = 5, time = 1)
    public void nop(NopRing state) {
        IoUring ring = state.ring;
        ring.nextSqe().prepNop().userData(NOP_USER_DATA);
        ring.submitAndWait(1);
        int res = ring.peek();
        if (res < 0) {
            throw new IllegalStateException(res == Integer.MIN_VALUE ? "no completion after submit_and_wait(1)"
                    : "NOP completed with " + res);
        }
        ring.advance(1);
    }

    /**
     * One iteration of the C loop's read loop: next offset, get_sqe + prep_read + user_data,
     * submit_and_wait(1), peek_cqe, check length and bytes (C: memcmp against the reference;
     * here {@link ByteBuffer#mismatch}, the JDK's vectorised compare, with no allocation),
     * cqe_seen.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 2)
    public void read4k(ReadTarget target, ReadOutcomes outcomes) {
        IoUring ring = target.ring;
        long offset = target.offsets.nextOffset();
        IoUringSqe sqe = ring.nextSqe();
        sqe.prepRead(target.fd, target.bufferAddress, BLOCK_SIZE, offset).userData(outcomes.reads++);
        ring.submitAndWait(1);
        int res = ring.peek();
        // limit before position: the position may not pass the limit at any step.
        ByteBuffer expected = target.expected;
        expected.limit((int) offset + BLOCK_SIZE).position((int) offset);
        if (res != BLOCK_SIZE || target.landed.mismatch(expected) >= 0) {
            outcomes.badReads++;
        }
        ring.advance(1);
    }
}
