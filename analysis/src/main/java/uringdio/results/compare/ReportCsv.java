package uringdio.results.compare;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import uringdio.results.AtomicFiles;

/**
 * The report as CSV, for a CI job to keep or chart: one row per scenario and metric, one per
 * scenario only one run has (verdict "only in baseline" / "only in candidate"), and one per
 * nonzero correctness count of the candidate (verdict "FINDING", metric the column).
 */
public final class ReportCsv {

    public static final List<String> HEADER = List.of("scenario", "metric", "baseline", "candidate", "ratio", "verdict",
            "baseline_iterations", "baseline_worst_iteration", "candidate_iterations", "candidate_median_iteration", "note",
            "ratio_lower", "ratio_upper");

    public static final String ONLY_IN_BASELINE = "only in baseline";
    public static final String ONLY_IN_CANDIDATE = "only in candidate";
    public static final String FINDING = "FINDING";
    public static final String NOT_SAME = "NOT THE SAME";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(HEADER.toArray(String[]::new)).setRecordSeparator('\n').get();

    private ReportCsv() {
    }

    /** Writes {@code report} to {@code file}, atomically. */
    public static void write(Path file, ComparisonReport report) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter p = new CSVPrinter(w, FORMAT)) {
                for (MetricComparison c : report.comparisons()) {
                    p.printRecord(metricRow(c));
                }
                for (String s : report.onlyInBaseline()) {
                    p.printRecord(row(s, "", "", "", "", ONLY_IN_BASELINE));
                }
                for (String s : report.onlyInCandidate()) {
                    p.printRecord(row(s, "", "", "", "", ONLY_IN_CANDIDATE));
                }
                for (String line : report.notSame()) {
                    List<String> r = row(line.substring(0, line.indexOf(':')), "", "", "", "", NOT_SAME);
                    r.set(HEADER.indexOf("note"), line.substring(line.indexOf(':') + 1).strip());
                    p.printRecord(r);
                }
                for (ScenarioFindings f : report.candidateFindings()) {
                    for (var count : f.countsByColumn().entrySet()) {
                        if (count.getValue() > 0) {
                            String base = report.baseline().has(f.scenario())
                                    ? Long.toString(report.baseline().count(f.scenario(), count.getKey())) : "";
                            p.printRecord(row(f.scenario(), count.getKey(), base, count.getValue().toString(), "", FINDING));
                        }
                    }
                }
                p.flush();
            }
        });
    }

    private static List<String> metricRow(MetricComparison c) {
        return List.of(c.scenario(), c.metric().column(), value(c.baseline()), value(c.candidate()),
                c.ratio().isPresent() ? String.format(Locale.ROOT, "%.6f", c.ratio().getAsDouble()) : "",
                c.verdict().label(),
                c.baselineIterations().map(s -> Integer.toString(s.iterations())).orElse(""),
                c.baselineIterations().map(s -> RunComparison.format(s.worst())).orElse(""),
                c.candidateIterations().map(s -> Integer.toString(s.iterations())).orElse(""),
                c.candidateIterations().map(s -> RunComparison.format(s.median())).orElse(""),
                c.note(),
                c.interval().map(i -> String.format(Locale.ROOT, "%.6f", i.lower())).orElse(""),
                c.interval().map(i -> String.format(Locale.ROOT, "%.6f", i.upper())).orElse(""));
    }

    private static List<String> row(String scenario, String metric, String baseline, String candidate, String ratio, String verdict) {
        List<String> r = new ArrayList<>(List.of(scenario, metric, baseline, candidate, ratio, verdict));
        while (r.size() < HEADER.size()) {
            r.add("");
        }
        return r;
    }

    private static String value(OptionalDouble v) {
        return v.isPresent() ? RunComparison.format(v.getAsDouble()) : "";
    }
}
