package uringdio.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import uringdio.fixture.SectorPattern;
import uringdio.read.Findings;
import uringdio.read.ReadCheck;

/**
 * What checking one read costs, in ns per read, with no I/O: a right read of {@code size} bytes
 * in a direct buffer (as the read loops' mmap'd buffers are seen), checked by each route. The
 * buffer stays in cache between calls, so this is the check at memory speed; in the read loops the
 * bytes arrive by DMA and the first pass also pays for fetching them (their {@code check_mean_ns}).
 *
 * <ul>
 *   <li>{@code ONE_PASS}: {@link ReadCheck#check}, the route every read takes
 *       ({@link SectorPattern#matches}, then only a wrong read is described).</li>
 *   <li>{@code DESCRIBING}: {@link SectorPattern#check}, the sector-by-sector check that also
 *       says what a wrong sector holds, as every read took before.</li>
 *   <li>{@code GENERATED_MISMATCH}: the expected bytes generated into a reused array, the read
 *       copied beside them, {@link Arrays#mismatch(long[], long[])} (vectorised); kept to show
 *       why the loops do not use it.</li>
 * </ul>
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar ReadCheckBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ReadCheckBenchmark {

    /** How a read is checked. */
    public enum Route { ONE_PASS, DESCRIBING, GENERATED_MISMATCH }

    private static final long FILE_ID = SectorPattern.fileId("check-benchmark");
    private static final long OFFSET = 1L << 30;

    /** Bytes per read: an InnoDB page and a large read. */
    @Param({"0016384", "1048576"})
    public String size;

    @Param
    public Route route;

    private int bytes;
    private ByteBuffer read;
    private ReadCheck check;
    private long[] expected;
    private long[] landed;

    @Setup(Level.Trial)
    public void setUp() {
        bytes = Integer.parseInt(size);
        read = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        SectorPattern.fill(read, 0, FILE_ID, OFFSET, bytes);
        check = new ReadCheck("bench", FILE_ID, OFFSET + bytes, false, new Findings("check benchmark"));
        expected = new long[bytes / Long.BYTES];
        landed = new long[bytes / Long.BYTES];
        if (!right()) {
            throw new IllegalStateException(route + " refused a right read");
        }
    }

    @Benchmark
    public boolean right() {
        return switch (route) {
            case ONE_PASS -> check.check(bytes, OFFSET, bytes, read) == ReadCheck.Outcome.OK;
            case DESCRIBING -> SectorPattern.check(read, 0, FILE_ID, OFFSET, bytes) == null;
            case GENERATED_MISMATCH -> {
                SectorPattern.expectedWords(expected, FILE_ID, OFFSET, bytes);
                read.asLongBuffer().get(0, landed);
                yield Arrays.mismatch(expected, landed) < 0;
            }
        };
    }
}
