package uringdio.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A scenario's rounds merged into its row, and its ratio to its control paired by round, as the
 * end-of-run table shows it.
 */
class RoundsTest {

    private static Map<String, String> row(String pattern, String reads, String seconds, String rounds) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put(Columns.SCENARIO, "btrfs-" + pattern);
        r.put(Columns.LABEL, "btrfs 16K x4 " + pattern + " INLINE qd1");
        r.put(Columns.BENCHMARK, "extent-read");
        r.put(Columns.FS, "btrfs");
        r.put(Columns.READ_SIZE, "16384");
        r.put(Columns.EXTENTS_REQUESTED, "4");
        r.put(Columns.VARIANT, "PLAIN");
        r.put(Columns.PATTERN, pattern);
        r.put(Columns.TOUCH_FRACTION, "0.0");
        r.put(Columns.MODE, "INLINE");
        r.put(Columns.RETRY_EAGAIN, "false");
        r.put(Columns.QUEUE_DEPTH, "1");
        r.put(Columns.SUBMIT_BATCH, "1");
        r.put(Columns.READS, reads);
        r.put(Columns.COMPLETIONS, reads);
        r.put(Columns.SHORT_READS, "0");
        r.put(Columns.MEASURED_SECONDS, seconds);
        r.put(Columns.CPU_SYS_US_PER_READ, "10");
        r.put(Columns.PAGE_CACHE_PAGES, "0");
        r.put(Columns.ROUNDS, rounds);
        r.put(Columns.latency("e2e", "p50"), "150000");
        return r;
    }

    @Test
    void roundsAddUpTheirCountsAndRates() {
        Map<String, String> earlier = row("ALL", "3000", "0.500", "2");
        Map<String, String> latest = row("ALL", "1000", "0.500", "1");
        latest.put(Columns.CPU_SYS_US_PER_READ, "30");
        latest.put(Columns.PAGE_CACHE_PAGES, "64");

        Map<String, String> m = RoundMerge.merge(earlier, latest);

        assertEquals("4000", m.get(Columns.READS));
        assertEquals("3", m.get(Columns.ROUNDS));
        assertEquals("1.000", m.get(Columns.MEASURED_SECONDS));
        assertEquals("4000.000", m.get(Columns.READS_PER_SECOND));
        assertEquals("15.000", m.get(Columns.CPU_SYS_US_PER_READ), "weighted by reads");
        assertEquals("64", m.get(Columns.PAGE_CACHE_PAGES), "one round served from the page cache is enough to say so");
        assertEquals(latest, RoundMerge.merge(null, latest));
    }

    private static TreeMap<Integer, Map<String, Double>> rounds(double... p50) {
        TreeMap<Integer, Map<String, Double>> t = new TreeMap<>();
        for (int i = 0; i < p50.length; i++) {
            t.put(i, Map.of(Columns.latency("e2e", "p50"), p50[i], Columns.latency("e2e", "p99"), 2 * p50[i],
                    Columns.READS_PER_SECOND, 1e9 / p50[i]));
        }
        return t;
    }

    @Test
    void aScenarioIsPairedWithItsControlRoundByRound() {
        // Round 2 was slow for both: paired, the drift cancels and the ratio is a tight 1.5.
        List<Map<String, String>> rows = List.of(row("FIRST", "1", "1", "4"), row("ALL", "1", "1", "4"));
        Map<String, TreeMap<Integer, Map<String, Double>>> byScenario = Map.of(
                "btrfs-FIRST", rounds(150_000, 151_000, 300_000, 149_000),
                "btrfs-ALL", rounds(100_000, 100_500, 200_500, 99_000));

        List<Map<String, String>> out = RoundRatios.withRatios(rows, byScenario);

        Map<String, String> first = out.get(0);
        assertEquals("btrfs-ALL", first.get(Columns.CONTROL_SCENARIO));
        assertEquals("ALL", first.get(Columns.VS_CONTROL));
        double lower = Double.parseDouble(first.get(Columns.ratio("e2e_p50", "lower")));
        double upper = Double.parseDouble(first.get(Columns.ratio("e2e_p50", "upper")));
        assertTrue(lower > 1.48 && upper < 1.52, lower + " " + upper);
        assertTrue(Double.parseDouble(first.get(Columns.ratio("reads_per_s", ""))) < 0.7);
        assertEquals("", out.get(1).getOrDefault(Columns.ratio("e2e_p50", ""), ""), "a control has no control");
        assertTrue(SummaryTable.render(out).contains("1.50x [1.50, 1.51] vs ALL"), SummaryTable.render(out));
    }

    @Test
    void anIntervalHoldingOneIsShownAsNoDifference() {
        Map<String, String> r = row("FIRST", "1", "1", "3");
        r.put(Columns.VS_CONTROL, "ALL");
        r.put(Columns.ratio("e2e_p50", ""), "1.01");
        r.put(Columns.ratio("e2e_p50", "lower"), "0.97");
        r.put(Columns.ratio("e2e_p50", "upper"), "1.04");
        assertEquals("no difference [0.97, 1.04] vs ALL", SummaryTable.intervalCell(r).orElseThrow());
        r.put(Columns.ratio("e2e_p50", "lower"), "");
        assertTrue(SummaryTable.intervalCell(r).isEmpty(), "a run without intervals keeps its plain ratio");
    }
}
