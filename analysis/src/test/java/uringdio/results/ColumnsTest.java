package uringdio.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uringdio.attribution.Attribution;
import uringdio.attribution.PathCounts;
import uringdio.scenario.FaultPattern;
import uringdio.scenario.FileSizes;
import uringdio.scenario.Filesystem;
import uringdio.scenario.Scenario;
import uringdio.scenario.ScenarioParser;
import uringdio.scenario.Workload;

/** The CSV schema: every column filled from a scenario and its measurements, in order, and the scenario read back. */
class ColumnsTest {

    private static ScenarioMeasurements measured(Scenario s) {
        return measured(s, Attribution.unavailable("not counted: not root"));
    }

    private static ScenarioMeasurements measured(Scenario s, Attribution attribution) {
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        for (String metric : Columns.LATENCIES) {
            Histogram h = new Histogram(3);
            if (!metric.equals("submit")) {
                h.recordValue(1000);
                h.recordValue(3000);
            }
            latencies.put(metric, h);
        }
        return new ScenarioMeasurements(s.fileSpec().extentSize(), s.extents(), s.extents(), 0, s.fileSpec().fileBytes(), "",
                new ScenarioMeasurements.TargetFacts("scratch-loop", s.fs().label(), "rw", "/dev/loop0", "/img", "on", 512,
                        4096),
                new ScenarioMeasurements.Counts(10, 12, 0, 0, 2, 0, 12, 0, 0), 1.0, 10, 0.16, latencies, 1, 2, 3, 4, 1, 0,
                s.id() + ".hlog", new ScenarioMeasurements.CpuPerRead(5000, 9000, 2000), attribution);
    }

    @Test
    void aRowHasEveryColumnInOrderAndNamesAreUnique() {
        Scenario s = ScenarioParser.parseRunnable(Workload.EXTENT_READ, Map.of(), FileSizes.defaults());
        Map<String, String> row = Columns.row(s, measured(s));
        assertEquals(Columns.ALL, List.copyOf(row.keySet()));
        assertEquals(Columns.ALL.size(), new HashSet<>(Columns.ALL).size());
        assertEquals("", row.get(Columns.latency("submit", "p50")), "a latency no read had is empty");
        assertEquals("0", row.get(Columns.latency("submit", "count")));
        assertEquals("1000", row.get(Columns.latency("e2e", "p50")));
        assertEquals("extent-read", row.get(Columns.BENCHMARK));
        assertEquals("btrfs", row.get(Columns.FS));
    }

    @ParameterizedTest
    @EnumSource(Filesystem.class)
    void theScenarioIsReadBackFromItsRow(Filesystem fs) {
        FileSizes sizes = new FileSizes(16, 64L << 20, 8192);
        for (Workload w : Workload.values()) {
            for (FaultPattern p : List.of(FaultPattern.FIRST, FaultPattern.RANDOM)) {
                Scenario s = ScenarioParser.parseRunnable(w, Map.of("fs", fs.label(), "pattern", p.name(), "touchFraction", "0.25"),
                        sizes);
                assertEquals(Optional.of(s), Columns.scenarioOf(Columns.row(s, measured(s))), s.id());
            }
        }
    }

    @Test
    void aRowThatIsNotAWholeScenarioHasNone() {
        Scenario s = ScenarioParser.parseRunnable(Workload.EXTENT_READ, Map.of(), FileSizes.defaults());
        Map<String, String> row = new LinkedHashMap<>(Columns.row(s, measured(s)));
        row.put(Columns.SCENARIO, "something-else");
        assertTrue(Columns.scenarioOf(row).isEmpty());
        assertTrue(Columns.scenarioOf(Map.of(Columns.SCENARIO, "s")).isEmpty());
    }

    @Test
    void countedPathsFillTheirColumnsPerRead() {
        Scenario s = ScenarioParser.parseRunnable(Workload.EXTENT_READ, Map.of(), FileSizes.defaults());
        PathCounts counted = new PathCounts(1000, 1000, 3000, 1000, 1000, 1000, 0, 0);
        Map<String, String> row = Columns.row(s, measured(s, new Attribution(counted, Attribution.EXACT, null, "not traced")));
        assertEquals("exact", row.get(Columns.KERNEL_COUNTS));
        assertEquals("1000", row.get(Columns.KERNEL_SUBMISSIONS));
        assertEquals("1.000", row.get(Columns.PUNTS_PER_READ));
        assertEquals("3.000", row.get(Columns.DIO_ATTEMPTS_PER_READ));
        assertEquals("1.000", row.get(Columns.RESTARTS_PER_READ));
        assertEquals("0.000", row.get(Columns.BUFFERED_PER_READ));
        assertEquals("io-wq 100%, forced wait 100%", row.get(Columns.KERNEL_PATH));
        assertEquals("", row.get(Columns.PATH_MISMATCH));
        assertEquals("not traced", row.get(Columns.TRACED_PASS));
        assertEquals("", row.get(Columns.STAMP_LAG_P50_NS));
    }

    @Test
    void missingCountsAreEmptyCellsThatSayWhyNeverZeros() {
        Scenario s = ScenarioParser.parseRunnable(Workload.EXTENT_READ, Map.of(), FileSizes.defaults());
        Map<String, String> row = Columns.row(s, measured(s));
        assertEquals("not counted: not root", row.get(Columns.KERNEL_COUNTS));
        for (String c : List.of(Columns.KERNEL_SUBMISSIONS, Columns.PUNTS_PER_READ, Columns.KERNEL_PATH,
                Columns.PATH_MISMATCH, Columns.TRACED_READS, Columns.STAMP_LAG_P99_NS, Columns.PHASES_ADD_UP)) {
            assertEquals("", row.get(c), c);
        }
    }
}
