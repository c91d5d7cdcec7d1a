package uringdio.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uringdio.results.Columns;
import uringdio.results.LatencyLog;
import uringdio.results.Metadata;
import uringdio.results.ResultsCsv;
import uringdio.results.RunFiles;
import uringdio.scenario.FaultPattern;
import uringdio.testing.Require;

/**
 * The run command end to end with the quick profile, on real btrfs, ext4 and xfs: every result
 * file is written and says what it should.
 */
class QuickProfileEndToEndTest {

    @TempDir
    static Path results;
    private static Path runDir;
    private static int exit;
    private static List<Map<String, String>> rows;

    @BeforeAll
    static void runQuickProfile() throws IOException {
        Require.ioUring();
        for (String fs : List.of("btrfs", "ext4", "xfs")) {
            Require.scratchFilesystem(fs);
        }
        exit = new CommandLine(new RunMain()).execute("--profile", "quick", "--results", results.toString());
        try (Stream<Path> dirs = Files.list(results)) {
            runDir = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        rows = ResultsCsv.read(runDir.resolve(ResultsCsv.FILE));
    }

    @Test
    void theRunSucceedsWithNoWrongRead() {
        assertEquals(0, exit, "exit status");
        assertFalse(Files.exists(runDir.resolve(RunFiles.FINDINGS)));
        for (Map<String, String> r : rows) {
            assertEquals("0", r.get(Columns.SHORT_READS), r.get(Columns.SCENARIO));
            assertEquals("0", r.get(Columns.DATA_MISMATCHES), r.get(Columns.SCENARIO));
            assertEquals("0", r.get(Columns.ERRORS), r.get(Columns.SCENARIO));
        }
    }

    @Test
    void everyScenarioHasItsRowOnEveryFilesystem() {
        assertEquals(10, rows.size());
        assertEquals(Set.of("btrfs", "ext4", "xfs"), rows.stream().map(r -> r.get(Columns.FS)).collect(Collectors.toSet()));
        for (Map<String, String> r : rows) {
            String id = r.get(Columns.SCENARIO);
            assertTrue(id.contains("_" + r.get(Columns.FS) + "_"), id);
            assertTrue(id.contains("_" + r.get(Columns.PATTERN) + "_"), id);
            assertTrue(id.contains("_" + r.get(Columns.MODE)), id);
            assertEquals(r.get(Columns.FS), r.get(Columns.FILESYSTEM), "the target is the filesystem asked for");
            assertEquals("on", r.get(Columns.LOOP_DIRECT_IO), "scratch loop devices read with direct I/O");
            assertEquals(r.get(Columns.EXTENTS_REQUESTED), r.get(Columns.EXTENTS_MEASURED_MIN), id);
            long completions = Long.parseLong(r.get(Columns.COMPLETIONS));
            assertTrue(completions > 0, id);
            // Every buffer was checked against its pattern before its read wherever re-arming can
            // move its pages (spares armed ahead add a few checks), and the reads in flight when a
            // scenario ends are drained, not dropped. RESIDENT and REGISTERED buffers, whose pages
            // cannot move between reads, are checked once each.
            long checks = Long.parseLong(r.get(Columns.PATTERN_CHECKS));
            // Spares are armed ahead in each round's fork.
            long buffers = 2L * Integer.parseInt(r.get(Columns.QUEUE_DEPTH)) * Integer.parseInt(r.get(Columns.ROUNDS));
            FaultPattern.Arming arming = FaultPattern.valueOf(r.get(Columns.PATTERN)).arming();
            if (arming == FaultPattern.Arming.TOUCH_ONCE || arming == FaultPattern.Arming.POISON_PINNED) {
                assertTrue(checks >= 1 && checks <= buffers, id + ": " + checks + " pattern checks for " + buffers + " buffers");
            } else {
                assertTrue(checks >= completions && checks <= completions + buffers,
                        id + ": " + checks + " pattern checks for " + completions + " completions");
            }
            assertEquals("0", r.get(Columns.PATTERN_MISMATCHES), id);
        }
    }

    @Test
    void percentilesAreOrderedAndHistogramsReadBack() throws IOException {
        for (Map<String, String> r : rows) {
            String id = r.get(Columns.SCENARIO);
            Map<String, Histogram> logged = LatencyLog.readTotals(runDir.resolve(r.get(Columns.HLOG)));
            Histogram e2e = logged.get("e2e");
            assertEquals(Long.parseLong(r.get(Columns.latency("e2e", "count"))), e2e.getTotalCount(), id);
            long previous = 0;
            for (String stat : List.of("p50", "p90", "p99", "p999", "max")) {
                long v = Long.parseLong(r.get(Columns.latency("e2e", stat)));
                assertTrue(v >= previous, id + " " + stat + " " + v + " < " + previous);
                previous = v;
            }
            assertEquals(Long.parseLong(r.get(Columns.latency("e2e", "p50"))), e2e.getValueAtPercentile(50), id);
            if (!"PREAD".equals(r.get(Columns.MODE))) {
                assertTrue(logged.containsKey("submit") && logged.containsKey("completion"), id);
            }
        }
    }

    @Test
    void jmhJsonMetadataAndSummaryAreWritten() throws IOException {
        JsonNode jmh = new ObjectMapper().readTree(runDir.resolve(RunFiles.JMH_JSON).toFile());
        assertEquals(10 * Profile.named("quick", null, 4096).rounds(), jmh.size(), "one JMH result per fork");
        for (JsonNode b : jmh) {
            assertTrue(b.get("benchmark").asText().startsWith("uringdio.bench."));
            assertTrue(b.get("primaryMetric").get("score").asDouble() > 0);
        }
        Metadata meta = Metadata.read(runDir);
        assertEquals(System.getProperty("os.version"), meta.facts().get("kernel"));
        assertFalse(meta.facts().get("liburing").isEmpty());
        assertEquals(Set.of("btrfs", "ext4", "xfs"), meta.targets().keySet());
        for (Map<String, String> t : meta.targets().values()) {
            assertTrue(t.get("device").startsWith("/dev/loop"));
            assertEquals("on", t.get("loop_direct_io"));
        }
        String summary = Files.readString(runDir.resolve("summary.txt"));
        assertTrue(summary.startsWith("scenario"), summary);
        assertEquals(11, summary.lines().count(), summary);
        assertTrue(summary.contains("btrfs 16K x4 FIRST INLINE qd1"), summary);
        assertTrue(summary.contains(" vs ALL"), "a ratio to the control: " + summary);
    }

    @Test
    void theRunDirectoryIsWholeReadableAndHoldsNoLockFile() throws IOException {
        assertTrue(RunFiles.incompleteReason(runDir).isEmpty(), "no " + RunFiles.INCOMPLETE + " marker after a finished run");
        try (Stream<Path> all = Files.walk(runDir)) {
            for (Path p : all.toList()) {
                String name = p.getFileName().toString();
                assertFalse(name.endsWith(".lock") || name.endsWith(".tmp"), "left behind: " + p);
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                assertTrue(perms.contains(PosixFilePermission.OTHERS_READ), p + " readable by others (umask 022): " + perms);
                if (Files.isDirectory(p)) {
                    assertTrue(perms.contains(PosixFilePermission.OTHERS_EXECUTE), p + " " + perms);
                }
            }
        }
    }
}
