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
import uringdio.fixture.FileVariant;
import uringdio.read.Scenario;
import uringdio.read.SubmitterReaperLoop;

/**
 * A MariaDB-like workload: InnoDB's 16 KiB pages read at random 16 KiB-aligned offsets of a large
 * file made of small extents (1 GiB of 4 KiB extents by default, {@code -Duringdio.largeFileSize},
 * {@code -Duringdio.largeExtentSize}), one submit call per read from one thread, a separate
 * thread reaping completions, as MariaDB's tpool does with io_uring.
 *
 * <p>JMH's score is reads submitted per second, which in steady state is reads completed;
 * per-read latencies and checks go to results/ as for {@link ExtentReadBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MariaDbLikeBenchmark {

    @Param({"btrfs"})
    public String fs;
    @Param({"RESIDENT"})
    public String pattern;
    @Param({"0.50"})
    public String touchFraction;
    @Param({"INLINE"})
    public String mode;
    @Param({"16"})
    public String queueDepth;

    private static final int INNODB_PAGE = 16384;

    private ScenarioRun run;
    private SubmitterReaperLoop loop;

    /** Completed correct reads, as JMH sample 23 reports secondary counts. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Reads {
        public long reads;

        @Setup(Level.Iteration)
        public void clear() {
            reads = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        int extentSize = BenchConfig.largeExtentSize();
        if (extentSize > INNODB_PAGE || INNODB_PAGE % extentSize != 0) {
            throw new IllegalArgumentException("largeExtentSize must divide 16 KiB (4k, 8k or 16k), not " + extentSize);
        }
        long ranges = BenchConfig.largeFileSize() / INNODB_PAGE;
        Scenario scenario = Scenario.parse(Scenario.MARIADB_LIKE, fs, Integer.toString(INNODB_PAGE),
                Integer.toString(INNODB_PAGE / extentSize), FileVariant.PLAIN.name(), pattern, touchFraction, mode,
                "false", queueDepth, "1", ranges);
        run = ScenarioRun.open(scenario);
        try {
            loop = new SubmitterReaperLoop(scenario, run.file(), run.recorder(), run.findings(), run.target().directory(),
                    BenchConfig.seed());
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
    public void read(Reads counters) throws InterruptedException {
        long before = run.recorder().measuredReadsInIteration();
        loop.submitOne();
        counters.reads += run.recorder().measuredReadsInIteration() - before;
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        run.recorder().endIteration();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            loop.close();
            run.writeResults(loop.ringFlags(), loop.patternChecks(), loop.patternMismatches());
        } finally {
            run.close();
        }
    }
}
