package uringdio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uringdio.attribution.PathCounts;
import uringdio.testing.Require;
import uringdio.testing.ScratchFilesystems;

/**
 * What the kernel did with real O_DIRECT io_uring reads on loop-mounted btrfs, ext4 and xfs,
 * counted by tracepoint counters from before the first read to after the last, so every read is
 * counted whole: the paths KERNEL-FACTS.md describes for Linux 6.18.
 */
class KernelPathCountsTest {

    @RegisterExtension
    static final ScratchFilesystems SCRATCH = new ScratchFilesystems();

    private static final int STEPS = 300;

    @BeforeEach
    void needsCounters() {
        Require.perfCounters();
    }

    private static PathCounts count(String fs, Map<String, String> params) {
        try (CountedReads reads = new CountedReads(SCRATCH.get(fs).directory(), params);
             ScenarioCounters counters = ScenarioCounters.open(reads.events())) {
            counters.startMeasured();
            reads.read(STEPS);
            counters.endMeasured();
            assertEquals(0, reads.findings.count(), "every read right");
            PathCounts c = counters.counts(0);
            assertEquals(reads.recorder.completions(), c.submissions(), "one submission per read");
            return c;
        }
    }

    @Test
    void btrfsPuntsEverySixteenKibRead() {
        PathCounts c = count("btrfs", Map.of("pattern", "ALL"));
        assertEquals(c.submissions(), c.punts(), "every read punted: " + c);
        assertEquals(c.submissions(), c.eagain(), "each refused NOWAIT once: " + c);
        assertEquals(0, c.restarts(), c.toString());
        assertEquals(0, c.partial(), c.toString());
        assertEquals(0, c.buffered(), c.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ext4", "xfs"})
    void ext4AndXfsIssueEveryReadInline(String fs) {
        PathCounts c = count(fs, Map.of("fs", fs, "pattern", "FIRST"));
        assertEquals(0, c.punts(), c.toString());
        assertEquals(0, c.eagain(), c.toString());
        assertEquals(c.submissions(), c.dioAttempts(), "one direct attempt per read: " + c);
    }

    @Test
    void btrfsIssuesAOnePageReadIntoAResidentPageInline() {
        PathCounts c = count("btrfs", Map.of("readSize", "4096", "extents", "1", "pattern", "ALL"));
        assertEquals(0, c.punts(), c.toString());
        assertEquals(c.submissions(), c.dioAttempts(), c.toString());
    }

    @Test
    void theSeedsReadRestartsOnceAfterAForcedWaitAndAFullyTouchedOneNever() {
        PathCounts first = count("btrfs", Map.of("pattern", "FIRST"));
        assertEquals(first.submissions(), first.punts(), first.toString());
        assertEquals(first.submissions(), first.partial(), "one forced wait per read: " + first);
        assertEquals(first.submissions(), first.restarts(), "one restart per read: " + first);
        assertEquals(3 * first.submissions(), first.dioAttempts(), "NOWAIT, blocking, restart: " + first);
        PathCounts all = count("btrfs", Map.of("pattern", "ALL"));
        assertEquals(0, all.restarts(), all.toString());
        assertEquals(0, all.partial(), all.toString());
    }

    @Test
    void btrfsServesAReadIntoABufferWithNoResidentPageBuffered() {
        PathCounts c = count("btrfs", Map.of("pattern", "NONE"));
        assertEquals(c.submissions(), c.zeroProgress(), "no direct progress: " + c);
        assertTrue(c.buffered() >= c.submissions(), "page-cache lookups: " + c);
        assertEquals(1.0, c.bufferedShare());
    }

    @Test
    void aFilterOnAnotherDeviceCountsNothing() {
        FixtureEvents elsewhere = FixtureEvents.of(SCRATCH.get("ext4").directory(), 16384);
        try (CountedReads reads = new CountedReads(SCRATCH.get("btrfs").directory(), Map.of("pattern", "FIRST"));
             ScenarioCounters wrongDevice = ScenarioCounters.open(new FixtureEvents(elsewhere.kernelDev(),
                     reads.events().inode(), 16384));
             ScenarioCounters rightDevice = ScenarioCounters.open(reads.events())) {
            wrongDevice.startMeasured();
            rightDevice.startMeasured();
            reads.read(50);
            wrongDevice.endMeasured();
            rightDevice.endMeasured();
            PathCounts wrong = wrongDevice.counts(0);
            assertEquals(0, wrong.dioAttempts(), wrong.toString());
            assertEquals(0, wrong.restarts() + wrong.eagain() + wrong.partial() + wrong.buffered(), wrong.toString());
            assertTrue(rightDevice.counts(0).dioAttempts() > 0, "the right device counts");
        }
    }
}
