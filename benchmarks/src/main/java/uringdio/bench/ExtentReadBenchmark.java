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
import org.openjdk.jmh.infra.BenchmarkParams;
import uringdio.read.ReadLoop;
import uringdio.scenario.ScenarioDefaults;
import uringdio.scenario.Workload;

/**
 * What one O_DIRECT read costs, along every axis: a file whose read ranges are exactly
 * {@code extents} extents, read {@code readSize} at a time into buffers whose resident pages
 * follow {@code pattern}, submitted as {@code mode} says, {@code queueDepth} in flight.
 *
 * <p>The defaults are the seed's scenario ({@link ScenarioDefaults}). {@code -p} sets any axis:
 * {@code -p fs=btrfs,ext4,xfs -p pattern=FIRST,ALL}. The fields exist for JMH, which needs one
 * per parameter; the scenario is parsed once from JMH's {@link BenchmarkParams}.
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

    @Param(ScenarioDefaults.FS)
    public String fs;
    /** Bytes, zero-padded so results sort. */
    @Param(ScenarioDefaults.READ_SIZE)
    public String readSize;
    @Param(ScenarioDefaults.EXTENTS)
    public String extents;
    @Param(ScenarioDefaults.VARIANT)
    public String variant;
    @Param(ScenarioDefaults.PATTERN)
    public String pattern;
    /** For RANDOM: the probability that each page is touched. */
    @Param(ScenarioDefaults.TOUCH_FRACTION)
    public String touchFraction;
    @Param(ScenarioDefaults.MODE)
    public String mode;
    /** For RWF_NOWAIT: resubmit a refused read without the flag. */
    @Param(ScenarioDefaults.RETRY_EAGAIN)
    public String retryEagain;
    @Param(ScenarioDefaults.QUEUE_DEPTH)
    public String queueDepth;
    @Param(ScenarioDefaults.SUBMIT_BATCH)
    public String submitBatch;

    private ReadLoop reads;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        open(Workload.EXTENT_READ, params, r -> {
            reads = new ReadLoop(r.scenario(), r.file(), r.recorder(), r.findings(), r.target().directory(),
                    BenchConfig.seed(), BenchConfig.ringFlags());
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
