package uringdio.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uringdio.cli.BadInputException;

/** Scenario parameters: one parser, defaults in one table, a bad value refused in one line that says what is allowed. */
class ScenarioTest {

    private static final FileSizes SIZES = FileSizes.defaults();

    private static Scenario parse(String... keyValues) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return ScenarioParser.parseRunnable(Workload.EXTENT_READ, p, SIZES);
    }

    private static String refused(String... keyValues) {
        return assertThrows(BadInputException.class, () -> parse(keyValues)).getMessage();
    }

    @Test
    void theDefaultsAreTheSeedScenarioWithAStableIdAndALabel() {
        Scenario s = parse();
        assertEquals("extent-read_btrfs_r0016384_x04_plain_FIRST_INLINE_qd01_b01", s.id());
        assertEquals("btrfs 16K x4 FIRST INLINE qd1", s.label());
        assertEquals(4096, s.fileSpec().extentSize());
        assertEquals(SIZES.ranges(), s.ranges());
    }

    @Test
    void theMariaDbLikeWorkloadFixesWhatItDoesNotTake() {
        Scenario s = ScenarioParser.parseRunnable(Workload.MARIADB_LIKE, Map.of("fs", "ext4"),
                new FileSizes(16, 64L << 20, 8192));
        assertEquals("mariadb-like_ext4_r0016384_x02_plain_RESIDENT_INLINE_qd16_b01", s.id());
        assertEquals((64L << 20) / 16384, s.ranges());
        assertEquals("unknown parameter readSize: use one of fs, mode, pattern, queueDepth, touchFraction",
                assertThrows(BadInputException.class, () -> ScenarioParser.parse(Workload.MARIADB_LIKE,
                        Map.of("readSize", "4096"), SIZES)).getMessage());
    }

    @Test
    void badValuesAreNamedWithWhatIsAllowed() {
        assertEquals("unknown pattern SOME: use one of NONE, FIRST, ALL, RESIDENT, ALTERNATE, LAST, RANDOM, MMAP_FILE, REGISTERED",
                refused("pattern", "SOME"));
        assertEquals("unknown filesystem zfs: use btrfs, ext4 or xfs", refused("fs", "zfs"));
        assertEquals("read size 1000 is not a multiple of the 512-byte logical sector size: O_DIRECT needs whole sectors",
                refused("readSize", "1000", "extents", "1"));
        assertEquals("queue depth 100000 is more than the ring takes here (at most 4096)", refused("queueDepth", "100000"));
        assertEquals("queueDepth must be a whole number, not x", refused("queueDepth", "x"));
        assertEquals("touchFraction must be 0 to 1, not 2", refused("touchFraction", "2"));
        assertEquals("retryEagain must be true or false, not maybe", refused("retryEagain", "maybe"));
        assertTrue(refused("size", "1").startsWith("unknown parameter size: use one of extents, fs, mode, pattern"));
    }

    @Test
    void combinationsThatCannotRunAreConflictsNotValues() {
        Scenario pread = ScenarioParser.parse(Workload.EXTENT_READ, Map.of("mode", "PREAD", "queueDepth", "4"), SIZES);
        assertEquals("PREAD is synchronous: queue depth and batch must be 1, not 4 and 1", pread.conflict(512).orElseThrow());
        assertEquals("submit batch 8 is larger than the queue depth 4",
                refused("queueDepth", "4", "submitBatch", "8"));
        assertEquals("a 4096-byte read cannot span 4 extents of whole 4096-byte blocks", refused("readSize", "4096"));
        assertEquals("read size 16384 is not a multiple of the 65536-byte logical sector size: O_DIRECT needs whole sectors",
                parse().conflict(65536).orElseThrow());
    }

    @Test
    void everyWorkloadsDefaultsParseAndRun() {
        for (Workload w : Workload.values()) {
            assertTrue(ScenarioParser.parse(w, Map.of(), SIZES).conflict(512).isEmpty(), w.label());
            assertEquals(w, Workload.parse(w.label()));
        }
        assertEquals("unknown benchmark all: use extent-read or mariadb-like",
                assertThrows(BadInputException.class, () -> Workload.parse("all")).getMessage());
    }

    @ParameterizedTest
    @EnumSource(Filesystem.class)
    void everyFilesystemParsesAndIsNamedInTheChoices(Filesystem fs) {
        assertEquals(fs, Filesystem.parse(fs.label().toUpperCase(), ""));
        assertEquals(fs, parse("fs", fs.label()).fs());
        assertTrue(Filesystem.choices().contains(fs.label()), Filesystem.choices());
        assertTrue(parse("fs", fs.label()).id().contains("_" + fs.label() + "_"));
    }

    @ParameterizedTest
    @EnumSource(FaultPattern.class)
    void everyPatternParsesAndIsNamedInTheRefusal(FaultPattern pattern) {
        assertTrue(refused("pattern", "SOME").contains(pattern.name()));
        Scenario s = ScenarioParser.parse(Workload.EXTENT_READ, Map.of("pattern", pattern.name()), SIZES);
        assertEquals(pattern, s.pattern());
    }

    @ParameterizedTest
    @EnumSource(SubmitMode.class)
    void everyModeParsesAndIsNamedInTheRefusal(SubmitMode mode) {
        assertTrue(refused("mode", "SOME").contains(mode.name()));
        assertEquals(mode, ScenarioParser.parse(Workload.EXTENT_READ, Map.of("mode", mode.name()), SIZES).mode());
    }

    @ParameterizedTest
    @EnumSource(FileVariant.class)
    void everyVariantParsesAndIsNamedInTheRefusal(FileVariant variant) {
        assertTrue(refused("variant", "SOME").contains(variant.name()));
        assertEquals(variant, ScenarioParser.parse(Workload.EXTENT_READ, Map.of("variant", variant.name()), SIZES).variant());
    }

    @Test
    void everyParameterHasADefaultThatParsesAlone() {
        for (Workload w : Workload.values()) {
            w.defaults().forEach((name, value) ->
                    ScenarioParser.parse(w, Map.of(name, value), SIZES));
            assertEquals(Arrays.asList(w.defaults().keySet().toArray()).size(), w.defaults().size());
        }
    }
}
