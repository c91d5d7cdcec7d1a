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
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MariaDbLikeBenchmark extends ScenarioBenchmark {

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

    private SubmitterReaperLoop reads;

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
        open(scenario, r -> reads = new SubmitterReaperLoop(scenario, r.file(), r.recorder(), r.findings(),
                r.target().directory(), BenchConfig.seed()));
    }

    @Benchmark
    public void read(Reads counters) throws InterruptedException {
        long before = readsSoFar();
        reads.submitOne();
        counters.reads += readsSoFar() - before;
    }
}
