package uringdio.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
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
 * completion, end to end) go to results/ as HdrHistogram logs and scenarios.csv: they leave out
 * re-arming the buffer and checking the data, which JMH's score includes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExtentReadBenchmark {

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

    private ScenarioRun run;
    private ReadLoop loop;

    /** JMH sample 23's way to report what each read turned out to be beside the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Reads {
        /** Completed reads of the right length and bytes. */
        public long reads;

        @Setup(Level.Iteration)
        public void clear() {
            reads = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        Scenario scenario = Scenario.parse(Scenario.EXTENT_READ, fs, readSize, extents, variant, pattern, touchFraction,
                mode, retryEagain, queueDepth, submitBatch, BenchConfig.ranges());
        run = ScenarioRun.open(scenario);
        try {
            loop = new ReadLoop(scenario, run.file(), run.recorder(), run.findings(), run.target().directory(),
                    BenchConfig.seed());
            loop.prime();
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        run.recorder().startIteration(iteration.getType() == IterationType.MEASUREMENT);
    }

    @Benchmark
    public void read(Reads counters) {
        long before = run.recorder().measuredReadsInIteration();
        loop.step();
        counters.reads += run.recorder().measuredReadsInIteration() - before;
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        run.recorder().endIteration();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            loop.close(); // drains: every read in flight is checked too
            run.writeResults(loop.ringFlags(), loop.patternChecks(), loop.patternMismatches());
        } finally {
            run.close();
        }
    }
}
