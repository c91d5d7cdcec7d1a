package uringdio.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Scenario parameters: a bad value is refused in one line that says what is allowed. */
class ScenarioTest {

    private static Scenario parse(String fs, String readSize, String extents, String pattern, String mode, String qd,
                                  String batch) {
        return Scenario.parse(Scenario.EXTENT_READ, fs, readSize, extents, "PLAIN", pattern, "0.5", mode, "false", qd,
                batch, 16);
    }

    @Test
    void theSeedScenarioHasAStableIdAndALabel() {
        Scenario s = parse("btrfs", "0016384", "04", "FIRST", "INLINE", "01", "01");
        assertEquals("extent-read_btrfs_r0016384_x04_plain_FIRST_INLINE_qd01_b01", s.id());
        assertEquals("btrfs 16K x4 FIRST INLINE qd1", s.label());
        assertEquals(4096, s.fileSpec().extentSize());
    }

    @Test
    void badValuesAreNamedWithWhatIsAllowed() {
        assertEquals("unknown pattern SOME: use one of NONE, FIRST, ALL, RESIDENT, ALTERNATE, LAST, RANDOM, MMAP_FILE, REGISTERED",
                assertThrows(Scenario.BadValue.class, () -> parse("btrfs", "16384", "4", "SOME", "INLINE", "1", "1")).getMessage());
        assertEquals("unknown fs zfs: use btrfs, ext4 or xfs",
                assertThrows(Scenario.BadValue.class, () -> parse("zfs", "16384", "4", "ALL", "INLINE", "1", "1")).getMessage());
        assertEquals("read size 1000 is not a multiple of the 512-byte logical sector size: O_DIRECT needs whole sectors",
                assertThrows(Scenario.BadValue.class, () -> parse("btrfs", "1000", "1", "ALL", "INLINE", "1", "1")).getMessage());
        assertEquals("queue depth 100000 is more than the ring takes here (at most 4096)",
                assertThrows(Scenario.BadValue.class, () -> parse("btrfs", "16384", "4", "ALL", "INLINE", "100000", "1")).getMessage());
        assertEquals("queueDepth must be a whole number, not x",
                assertThrows(Scenario.BadValue.class, () -> parse("btrfs", "16384", "4", "ALL", "INLINE", "x", "1")).getMessage());
    }

    @Test
    void combinationsThatCannotRunAreRefusedToo() {
        assertEquals("PREAD is synchronous: queue depth and batch must be 1, not 4 and 1",
                assertThrows(IllegalArgumentException.class, () -> parse("btrfs", "16384", "4", "ALL", "PREAD", "4", "1")).getMessage());
        assertEquals("submit batch 8 is larger than the queue depth 4",
                assertThrows(IllegalArgumentException.class, () -> parse("btrfs", "16384", "4", "ALL", "INLINE", "4", "8")).getMessage());
        assertEquals("a 4096-byte read cannot span 4 extents of whole 4096-byte blocks",
                assertThrows(IllegalArgumentException.class, () -> parse("btrfs", "4096", "4", "ALL", "INLINE", "1", "1")).getMessage());
    }
}
