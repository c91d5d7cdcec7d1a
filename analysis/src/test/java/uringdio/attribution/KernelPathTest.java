package uringdio.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uringdio.scenario.FaultPattern;
import uringdio.scenario.FileSizes;
import uringdio.scenario.Filesystem;
import uringdio.scenario.Scenario;
import uringdio.scenario.ScenarioParser;
import uringdio.scenario.Workload;

/** The words and promises for the counts KERNEL-FACTS.md lists as seen on 6.18 (per read, 16 KiB over 4 extents). */
class KernelPathTest {

    private static final long N = 1000;

    /** Per-read counts times N: punts, dio attempts, restarts, -EAGAIN, partial, zero progress, page-cache lookups. */
    private static PathCounts counts(double punts, double attempts, double restarts, double eagain, double partial,
                                     double zero, double buffered) {
        return new PathCounts(N, Math.round(punts * N), Math.round(attempts * N), Math.round(restarts * N),
                Math.round(eagain * N), Math.round(partial * N), Math.round(zero * N), Math.round(buffered * N));
    }

    /** The seed's read with {@code fs}, {@code pattern} and {@code mode} as given. */
    private static Scenario read(String fs, String pattern, String mode) {
        return ScenarioParser.parse(Workload.EXTENT_READ, Map.of("fs", fs, "pattern", pattern, "mode", mode),
                FileSizes.defaults());
    }

    private static List<String> broken(String fs, String pattern, String mode, PathCounts counts) {
        return PathPromise.broken(read(fs, pattern, mode), counts);
    }

    @Test
    void btrfsFirstIsPuntedWithAForcedWait() {
        PathCounts first = counts(1, 3, 1, 1, 1, 0, 0);
        assertEquals("io-wq 100%, forced wait 100%", KernelPath.describe(first, 0, false));
        assertEquals(List.of(), broken("btrfs", "FIRST", "INLINE", first));
    }

    @Test
    void btrfsAllIsPuntedWithoutAWait() {
        PathCounts all = counts(1, 2, 0, 1, 0, 0, 0);
        assertEquals("io-wq 100%", KernelPath.describe(all, 0, false));
        assertEquals(List.of(), broken("btrfs", "ALL", "INLINE", all));
    }

    @Test
    void btrfsNoneIsServedBufferedAndSaysSo() {
        PathCounts none = counts(1, 2, 0, 1, 0, 1, 1);
        assertEquals("io-wq 100%, buffered 100%", KernelPath.describe(none, 0, false));
        List<String> broken = broken("btrfs", "NONE", "INLINE", none);
        assertEquals(1, broken.size());
        assertTrue(broken.get(0).contains("100% of its O_DIRECT reads were served buffered"), broken.get(0));
    }

    @Test
    void ext4FirstStaysInline() {
        PathCounts ext4 = counts(0, 1, 0, 0, 0, 0, 0);
        assertEquals("inline 100%", KernelPath.describe(ext4, 0, false));
        assertEquals(List.of(), broken("ext4", "FIRST", "INLINE", ext4));
    }

    @Test
    void anInlineReadPuntedOnExt4BreaksItsPromise() {
        PathCounts punted = counts(0.4, 1, 0, 0, 0, 0, 0);
        assertEquals("inline 60%, io-wq 40%", KernelPath.describe(punted, 0, false));
        assertEquals(List.of("40% of its INLINE reads on ext4 were punted to io-wq"),
                broken("ext4", "ALL", "INLINE", punted));
    }

    @Test
    void refusedNowaitReadsAreNeitherInlineNorPunted() {
        PathCounts refused = counts(0, 1, 0, 1, 0, 0, 0);
        assertEquals("EAGAIN returned 100%", KernelPath.describe(refused, N, false));
        assertEquals(List.of(), broken("btrfs", "ALL", "RWF_NOWAIT", refused));
    }

    @Test
    void asyncReadsMustAllBePunted() {
        PathCounts half = counts(0.5, 1, 0, 0, 0, 0, 0);
        assertEquals(List.of("only 50% of its IOSQE_ASYNC reads went through io-wq"),
                broken("ext4", "ALL", "IOSQE_ASYNC", half));
    }

    @Test
    void aForcedWaitIntoAResidentBufferBreaksItsPromise() {
        PathCounts waited = counts(1, 3, 1, 1, 1, 0, 0);
        assertEquals(List.of("100% of its reads into a resident buffer stopped part way and waited"),
                broken("btrfs", "ALL", "INLINE", waited));
    }

    @Test
    void preadIsSynchronous() {
        PathCounts pread = counts(0, 1, 0, 0, 0, 0, 0);
        assertEquals("synchronous 100%", KernelPath.describe(pread, 0, true));
    }

    @Test
    void strayEventsAreNotAPath() {
        PathCounts stray = new PathCounts(N, 2, N, 0, 2, 0, 0, 1);
        assertEquals("inline 100%", KernelPath.describe(stray, 0, false));
        assertEquals(List.of(), broken("ext4", "ALL", "INLINE", stray));
    }

    @Test
    void nothingSubmittedIsNoReads() {
        assertEquals("no reads", KernelPath.describe(new PathCounts(0, 0, 0, 0, 0, 0, 0, 0), 0, false));
    }

    @Test
    void onlyPatternsThatTouchEveryPagePromiseNoForcedWait() {
        for (FaultPattern p : FaultPattern.values()) {
            boolean everyPage = true;
            for (int page = 0; page < 16; page++) {
                everyPage &= p.touches(page, 16, 0.5, () -> 0.9);
            }
            assertEquals(everyPage && !p.random(), p.wholeBufferResident(), p.name());
        }
    }

    @Test
    void onlyBtrfsMayPuntAnInlineRead() {
        for (Filesystem fs : Filesystem.values()) {
            PathCounts punted = counts(1, 2, 0, 1, 0, 0, 0);
            List<String> broken = PathPromise.broken(read(fs.label(), "ALL", "INLINE"), punted);
            assertEquals(fs.issuesInline(), !broken.isEmpty(), fs + ": " + broken);
        }
        assertEquals(false, Filesystem.BTRFS.issuesInline());
    }
}
