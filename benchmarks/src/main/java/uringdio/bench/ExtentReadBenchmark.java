package uringdio.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import uringdio.read.ReadLoop;
import uringdio.read.Scenario;

/**
 * What one O_DIRECT read costs, along every axis: a file whose read ranges are exactly
 * {@code extents} extents, read {@code readSize} at a time into buffers whose resident pages
 * follow {@code pattern}, submitted as {@code mode} says, {@code queueDepth} in flight.
 *
 * <p>The defaults are the seed's scenario (fstests generic/678, MDEV-27900): 16 KiB over four
 * page-sized extents on btrfs, only byte 0 of the buffer touched, io_uring's own issue.
 * {@code -p} sets any axis: {@code -p fs=btrfs,ext4,xfs -p pattern=FIRST,ALL}.
 *
 * <p>JMH's primary score counts steps (one reap of one or more completions and the refill);
 * the {@code reads} counter is completed correct reads per second. Per-read latencies (submit,
 * completion, end to end) go to results/ as HdrHistogram logs and scenarios.csv; checking each
 * read and re-arming its buffer happen while the next reads are in flight (see {@link ReadLoop}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExtentReadBenchmark extends ScenarioBenchmark {

    @Param({"btrfs"})
    public String fs;
    /** Bytes, zero-padded so results sort. */
    @Param({"0016384"})
    public String readSize;
    @Param({"04"})
    public String extents;
    @Param({"PLAIN"})
    public String variant;
    @Param({"FIRST"})
    public String pattern;
    /** For RANDOM: the probability that each page is touched. */
    @Param({"0.50"})
    public String touchFraction;
    @Param({"INLINE"})
    public String mode;
    /** For RWF_NOWAIT: resubmit a refused read without the flag. */
    @Param({"false"})
    public String retryEagain;
    @Param({"01"})
    public String queueDepth;
    @Param({"01"})
    public String submitBatch;



    private ReadLoop reads;

    @Setup(Level.Trial)
    public void setUp() {
        Scenario scenario = Scenario.parse(Scenario.EXTENT_READ, fs, readSize, extents, variant, pattern, touchFraction,
                mode, retryEagain, queueDepth, submitBatch, BenchConfig.ranges());
        open(scenario, r -> {
            reads = new ReadLoop(scenario, r.file(), r.recorder(), r.findings(), r.target().directory(), BenchConfig.seed(),
                    BenchConfig.ringFlags());
            reads.prime();
            return reads;
        });
    }

    @Benchmark
    public void read(Reads counters) {
        long before = readsSoFar();
        reads.step();
        counters.reads += readsSoFar() - before;
    }
}
