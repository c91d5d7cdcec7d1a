package uringdio.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The words and promises for the counts KERNEL-FACTS.md lists as seen on 6.18 (per read, 16 KiB over 4 extents). */
class KernelPathTest {

    private static final long N = 1000;

    /** Per-read counts times N: punts, dio attempts, restarts, -EAGAIN, partial, zero progress, page-cache lookups. */
    private static PathCounts counts(double punts, double attempts, double restarts, double eagain, double partial,
                                     double zero, double buffered) {
        return new PathCounts(N, Math.round(punts * N), Math.round(attempts * N), Math.round(restarts * N),
                Math.round(eagain * N), Math.round(partial * N), Math.round(zero * N), Math.round(buffered * N));
    }

    @Test
    void btrfsFirstIsPuntedWithAForcedWait() {
        PathCounts first = counts(1, 3, 1, 1, 1, 0, 0);
        assertEquals("io-wq 100%, forced wait 100%", KernelPath.describe(first, 0, false));
        assertEquals(List.of(), PathPromise.broken("btrfs", "INLINE", "FIRST", false, first));
    }

    @Test
    void btrfsAllIsPuntedWithoutAWait() {
        PathCounts all = counts(1, 2, 0, 1, 0, 0, 0);
        assertEquals("io-wq 100%", KernelPath.describe(all, 0, false));
        assertEquals(List.of(), PathPromise.broken("btrfs", "INLINE", "ALL", false, all));
    }

    @Test
    void btrfsNoneIsServedBufferedAndSaysSo() {
        PathCounts none = counts(1, 2, 0, 1, 0, 1, 1);
        assertEquals("io-wq 100%, buffered 100%", KernelPath.describe(none, 0, false));
        List<String> broken = PathPromise.broken("btrfs", "INLINE", "NONE", false, none);
        assertEquals(1, broken.size());
        assertTrue(broken.get(0).contains("100% of its O_DIRECT reads were served buffered"), broken.get(0));
    }

    @Test
    void ext4FirstStaysInline() {
        PathCounts ext4 = counts(0, 1, 0, 0, 0, 0, 0);
        assertEquals("inline 100%", KernelPath.describe(ext4, 0, false));
        assertEquals(List.of(), PathPromise.broken("ext4", "INLINE", "FIRST", false, ext4));
    }

    @Test
    void anInlineReadPuntedOnExt4BreaksItsPromise() {
        PathCounts punted = counts(0.4, 1, 0, 0, 0, 0, 0);
        assertEquals("inline 60%, io-wq 40%", KernelPath.describe(punted, 0, false));
        assertEquals(List.of("40% of its INLINE reads on ext4 were punted to io-wq"),
                PathPromise.broken("ext4", "INLINE", "ALL", false, punted));
    }

    @Test
    void refusedNowaitReadsAreNeitherInlineNorPunted() {
        PathCounts refused = counts(0, 1, 0, 1, 0, 0, 0);
        assertEquals("EAGAIN returned 100%", KernelPath.describe(refused, N, false));
        assertEquals(List.of(), PathPromise.broken("btrfs", "RWF_NOWAIT", "ALL", false, refused));
    }

    @Test
    void asyncReadsMustAllBePunted() {
        PathCounts half = counts(0.5, 1, 0, 0, 0, 0, 0);
        assertEquals(List.of("only 50% of its IOSQE_ASYNC reads went through io-wq"),
                PathPromise.broken("ext4", "IOSQE_ASYNC", "ALL", false, half));
    }

    @Test
    void aForcedWaitIntoAResidentBufferBreaksItsPromise() {
        PathCounts waited = counts(1, 3, 1, 1, 1, 0, 0);
        assertEquals(List.of("100% of its reads into a resident buffer stopped part way and waited"),
                PathPromise.broken("btrfs", "INLINE", "ALL", false, waited));
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
        assertEquals(List.of(), PathPromise.broken("ext4", "INLINE", "ALL", false, stray));
    }

    @Test
    void nothingSubmittedIsNoReads() {
        assertEquals("no reads", KernelPath.describe(new PathCounts(0, 0, 0, 0, 0, 0, 0, 0), 0, false));
    }
}
