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
import uringdio.read.SubmitterReaperLoop;
import uringdio.scenario.ScenarioDefaults;
import uringdio.scenario.Workload;

/**
 * A MariaDB-like workload: InnoDB's 16 KiB pages read at random 16 KiB-aligned offsets of a large
 * file made of small extents (1 GiB of 4 KiB extents by default, {@code -Duringdio.largeFileSize},
 * {@code -Duringdio.largeExtentSize}), one submit call per read from one thread, a separate
 * thread reaping completions, as MariaDB's tpool does with io_uring.
 *
 * <p>JMH's score is reads submitted per second, which in steady state is reads completed;
 * per-read latencies and checks go to results/ as for {@link ExtentReadBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MariaDbLikeBenchmark extends ScenarioBenchmark {

    @Param(ScenarioDefaults.FS)
    public String fs;
    @Param(ScenarioDefaults.MARIADB_PATTERN)
    public String pattern;
    @Param(ScenarioDefaults.TOUCH_FRACTION)
    public String touchFraction;
    @Param(ScenarioDefaults.MODE)
    public String mode;
    @Param(ScenarioDefaults.MARIADB_QUEUE_DEPTH)
    public String queueDepth;

    private SubmitterReaperLoop reads;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        open(Workload.MARIADB_LIKE, params, r -> reads = new SubmitterReaperLoop(r.scenario(), r.file(), r.recorder(),
                r.findings(), r.target().directory(), BenchConfig.seed()));
    }

    @Benchmark
    public void read(Reads counters) throws InterruptedException {
        long before = readsSoFar();
        reads.submitOne();
        counters.reads += readsSoFar() - before;
    }
}
