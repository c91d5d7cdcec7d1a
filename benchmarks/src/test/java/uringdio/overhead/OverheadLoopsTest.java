package uringdio.overhead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uringdio.bench.BindingOverheadBenchmark;
import uringdio.fixture.ExtentFile;
import uringdio.fixture.SectorPattern;
import uringdio.read.OffsetSequence;
import uringdio.scenario.ExtentFileSpec;
import uringdio.scenario.FileVariant;
import uringdio.testing.Require;
import uringdio.testing.ScratchFilesystems;

/**
 * The two sides of the overhead comparison do the same work: the Java read loop reads the
 * blocks the C loop reads, in the same order, and the comparison reads the C loop's figures
 * from the real program's output, run on a real file.
 */
class OverheadLoopsTest {

    @RegisterExtension
    static final ScratchFilesystems SCRATCH = new ScratchFilesystems();

    /** 1 MiB of 4 KiB extents: the comparison's file shape, smaller. */
    private static final ExtentFileSpec SMALL_FILE = new ExtentFileSpec(1, 4096, 256, FileVariant.PLAIN);
    private static final int BLOCK = BindingOverheadBenchmark.BLOCK_SIZE;

    private static OverheadLoopProgram c;

    @BeforeAll
    static void extractTheCLoop() {
        c = OverheadLoopProgram.extract();
    }

    @AfterAll
    static void deleteTheCLoop() {
        if (c != null) {
            c.close();
        }
    }

    @Test
    void offsetSequenceIsMarsaglias64BitXorshift() {
        // xorshift64 (13, 7, 17) from state 1; the third value is above 2^63, where a signed
        // shift or remainder would go wrong.
        OffsetSequence raw = new OffsetSequence(1, 1, 1);
        assertEquals(1082269761L, raw.nextRandom());
        assertEquals(1152992998833853505L, raw.nextRandom());
        assertEquals(Long.parseUnsignedLong("11177516664432764457"), raw.nextRandom());

        OffsetSequence offsets = new OffsetSequence(1, 16384, BLOCK);
        assertEquals((1082269761L % 16384) * BLOCK, offsets.nextOffset());
        assertEquals((1152992998833853505L % 16384) * BLOCK, offsets.nextOffset());
        assertEquals(Long.remainderUnsigned(Long.parseUnsignedLong("11177516664432764457"), 16384) * BLOCK,
                offsets.nextOffset());
    }

    @Test
    void seedZeroStartsWhereSeedOneDoes() {
        OffsetSequence zero = new OffsetSequence(0, 1000, BLOCK);
        OffsetSequence one = new OffsetSequence(1, 1000, BLOCK);
        for (int i = 0; i < 100; i++) {
            assertEquals(one.nextOffset(), zero.nextOffset());
        }
    }

    @ParameterizedTest(name = "seed {0}, {1} blocks")
    @CsvSource({"1, 16384", "0, 16384", "42, 12345", "9223372036854775813, 16384", "7, 1"})
    void theJavaLoopsOffsetsAreTheCLoops(String seed, long blocks) {
        long s = Long.parseUnsignedLong(seed);
        int count = 5000;
        long[] fromC = c.offsets(blocks, BLOCK, count, s);
        OffsetSequence java = new OffsetSequence(s, blocks, BLOCK);
        long[] fromJava = new long[count];
        for (int i = 0; i < count; i++) {
            fromJava[i] = java.nextOffset();
        }
        assertArrayEquals(fromC, fromJava);
    }

    @Test
    void theCNopLoopsFiguresAreParsed() {
        Require.ioUring();
        OverheadLoopProgram.NopFigures nop = c.nop(20_000, 3);
        assertEquals(3, nop.roundsNsPerOp().size());
        assertTrue(nop.medianNsPerOp() > 0, "median " + nop.medianNsPerOp());
        assertTrue(nop.roundsNsPerOp().contains(nop.medianNsPerOp()), "the median is one of the rounds");
    }

    @Test
    void theCReadLoopsFiguresAreParsedFromARealFile() {
        ExtentFile file = ExtentFile.obtain(SCRATCH.get("ext4").directory(), SMALL_FILE);
        OverheadLoopProgram.ReadFigures read = c.read(file.path(), BLOCK, 2000, 1);
        assertEquals(2000, read.ops());
        assertEquals(0, read.badReads(), "reads the C loop found short or wrong");
        assertTrue(read.p50Ns() > 0 && read.p99Ns() >= read.p50Ns(), read.toString());
        assertTrue(read.meanNs() > 0, read.toString());
    }

    @Test
    void theJavaReadLoopReadsTheCLoopsBlocksAndFindsThemRight() {
        ExtentFile file = ExtentFile.obtain(SCRATCH.get("ext4").directory(), SMALL_FILE);
        int reads = 500;
        long seed = 7;
        long[] cOffsets = c.offsets(file.size() / BLOCK, BLOCK, reads, seed);
        BindingOverheadBenchmark bench = new BindingOverheadBenchmark();
        BindingOverheadBenchmark.ReadTarget target = new BindingOverheadBenchmark.ReadTarget();
        BindingOverheadBenchmark.ReadOutcomes outcomes = new BindingOverheadBenchmark.ReadOutcomes();
        withProperties(file.path(), seed, target::open);
        try {
            for (int i = 0; i < reads; i++) {
                bench.read4k(target, outcomes);
                // Each sector names its file offset: the block that landed is the C loop's i-th.
                assertNull(SectorPattern.check(target.landed(), 0, file.fileId(), cOffsets[i], BLOCK),
                        "read " + i + " should hold the block at " + cOffsets[i]);
            }
        } finally {
            target.close();
        }
        assertEquals(reads, outcomes.reads);
        assertEquals(0, outcomes.badReads, "reads the Java loop's own check found short or wrong");
    }

    @Test
    void aCLoopThatFailsSaysWhy() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> c.read(Path.of("/nonexistent/overhead-file"), BLOCK, 10, 1));
        assertTrue(e.getMessage().contains("/nonexistent/overhead-file"), e.getMessage());
        assertTrue(e.getMessage().contains("No such file"), e.getMessage());
    }

    private static void withProperties(Path file, long seed, Runnable action) {
        System.setProperty(BindingOverheadBenchmark.FILE_PROPERTY, file.toString());
        System.setProperty(BindingOverheadBenchmark.SEED_PROPERTY, Long.toUnsignedString(seed));
        try {
            action.run();
        } finally {
            System.clearProperty(BindingOverheadBenchmark.FILE_PROPERTY);
            System.clearProperty(BindingOverheadBenchmark.SEED_PROPERTY);
        }
    }
}
