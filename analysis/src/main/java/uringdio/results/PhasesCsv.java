package uringdio.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uringdio.attribution.Phase;
import uringdio.attribution.PhaseBreakdown;

/**
 * {@code phases.csv}: where each traced scenario's reads spent their time, one row per phase it
 * went through (in order), then its end to end, in ns: each phase's p50 and p99 over the reads
 * that went through it, and its mean in a typical read (the reads of the median band), which add
 * up to the typical read's end to end.
 */
public final class PhasesCsv {

    public static final String FILE = "phases.csv";
    public static final String SCENARIO = "scenario";
    public static final String PHASE = "phase";
    /** Reads that went through the phase. */
    public static final String READS = "reads";
    public static final String P50_NS = "p50_ns";
    public static final String P99_NS = "p99_ns";
    /** Mean over the reads whose end to end lies between p40 and p60. */
    public static final String TYPICAL_READ_NS = "typical_read_ns";
    /** The end-to-end row's phase name. */
    public static final String END_TO_END = "end to end";

    private static final KeyedCsv CSV = new KeyedCsv(List.of(SCENARIO, PHASE, READS, P50_NS, P99_NS, TYPICAL_READ_NS), SCENARIO);

    private PhasesCsv() {
    }

    /** Writes {@code scenarioId}'s phases into the run directory's phases.csv, replacing any earlier ones. */
    public static void write(Path runDir, String scenarioId, PhaseBreakdown phases) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Phase p : phases.phases()) {
            rows.add(row(scenarioId, p.words(), phases.count(p), phases.percentile(p, 50), phases.percentile(p, 99),
                    phases.medianRead(p)));
        }
        rows.add(row(scenarioId, END_TO_END, phases.reads(), phases.endToEndPercentile(50), phases.endToEndPercentile(99),
                phases.medianReadTotal()));
        CSV.replace(runDir.resolve(FILE), scenarioId, rows);
    }

    private static Map<String, String> row(String scenario, String phase, long reads, long p50, long p99, double typical) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put(SCENARIO, scenario);
        r.put(PHASE, phase);
        r.put(READS, Long.toString(reads));
        r.put(P50_NS, Long.toString(p50));
        r.put(P99_NS, Long.toString(p99));
        r.put(TYPICAL_READ_NS, Long.toString(Math.round(typical)));
        return r;
    }
}
