package uringdio.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import uringdio.results.Columns;
import uringdio.results.ResultsCsv;
import uringdio.results.SummaryTable;

/**
 * Every scenario of a run in one sortable table (click a header), the files beside it linked:
 * scenarios.csv for every column, each scenario's .hlog for HistogramLogProcessor. A cell keeps
 * its raw number in {@code data-sort}, so "14.5k" sorts after "9873".
 */
final class ScenarioTable {

    private ScenarioTable() {
    }

    /** The table; links are relative to {@code linkPrefix} (the run directory as seen from the page). */
    static String html(RunData run, List<ControlRatio> ratios, String linkPrefix) {
        boolean attribution = run.has("kernel_path");
        StringBuilder b = new StringBuilder();
        b.append("<p class=\"files\">Files: <a href=\"").append(Html.escape(linkPrefix + ResultsCsv.FILE)).append("\">")
                .append(ResultsCsv.FILE).append("</a> (every column)");
        b.append(". Latency logs: <code>java -cp benchmarks/target/benchmarks.jar org.HdrHistogram.HistogramLogProcessor "
                + "-i FILE.hlog -tag e2e</code> (without <code>-tag</code> it fails with a NullPointerException: "
                + "every interval is tagged).</p>\n");
        b.append("<div class=\"table-wrap\"><table class=\"sortable\" id=\"scenarios\">\n<thead><tr>");
        for (String h : List.of("scenario", "fs", "read", "extents", "pattern", "mode", "qd", "p50 us", "p99 us",
                "p99.9 us", "reads/s", "vs control", "short", "wrong", "notes")) {
            b.append("<th>").append(Html.escape(h)).append("</th>");
        }
        if (attribution) {
            b.append("<th>kernel path</th>");
        }
        b.append("<th>log</th></tr></thead>\n<tbody>\n");
        for (Map<String, String> row : run.rows) {
            long shortReads = Numbers.count(row.get(Columns.SHORT_READS));
            long wrong = Numbers.count(row.get(Columns.DATA_MISMATCHES)) + Numbers.count(row.get(Columns.ERRORS));
            boolean bad = shortReads + wrong + Numbers.count(row.get(Columns.PATTERN_MISMATCHES)) > 0
                    || !row.getOrDefault(Findings.PATH_MISMATCH, "").isBlank();
            Optional<ControlRatio> ratio = ratios.stream().filter(r -> r.row() == row).findFirst();
            b.append(bad ? "<tr class=\"bad\">" : "<tr>");
            text(b, RunData.label(row));
            text(b, row.getOrDefault(Columns.FS, ""));
            double size = Numbers.of(row.get(Columns.READ_SIZE));
            number(b, row.get(Columns.READ_SIZE), Double.isNaN(size) ? "-" : Math.round(size / 1024) + "K");
            number(b, row.get(Columns.EXTENTS_REQUESTED), extents(row));
            text(b, row.getOrDefault(Columns.PATTERN, ""));
            text(b, row.getOrDefault(Columns.MODE, ""));
            number(b, row.get(Columns.QUEUE_DEPTH), row.getOrDefault(Columns.QUEUE_DEPTH, ""));
            for (String stat : List.of("p50", "p99", "p999")) {
                String ns = row.get(Columns.latency("e2e", stat));
                number(b, ns, Numbers.micros(Numbers.of(ns)));
            }
            number(b, row.get(Columns.READS_PER_SECOND), Numbers.rate(Numbers.of(row.get(Columns.READS_PER_SECOND))));
            number(b, ratio.map(r -> Double.toString(r.ratio())).orElse(""), ratio.map(ControlRatio::format).orElse("-"));
            number(b, Long.toString(shortReads), Long.toString(shortReads));
            number(b, Long.toString(wrong), Long.toString(wrong));
            text(b, SummaryTable.notes(row));
            if (attribution) {
                text(b, AttributionCharts.kernelPath(row));
            }
            String hlog = row.getOrDefault(Columns.HLOG, "");
            b.append("<td>").append(hlog.isBlank() ? "-" : "<a href=\"" + Html.escape(linkPrefix + hlog) + "\">.hlog</a>")
                    .append("</td></tr>\n");
        }
        return b.append("</tbody></table></div>\n").toString();
    }

    private static String extents(Map<String, String> row) {
        String asked = row.getOrDefault(Columns.EXTENTS_REQUESTED, "");
        String min = row.getOrDefault(Columns.EXTENTS_MEASURED_MIN, "");
        String max = row.getOrDefault(Columns.EXTENTS_MEASURED_MAX, "");
        if (min.isBlank() || min.equals(asked) && max.equals(asked)) {
            return asked;
        }
        return asked + " (measured " + (min.equals(max) ? min : min + "-" + max) + ")";
    }

    private static void text(StringBuilder b, String s) {
        b.append("<td>").append(Html.escape(s)).append("</td>");
    }

    private static void number(StringBuilder b, String raw, String shown) {
        b.append("<td class=\"num\" data-sort=\"").append(Html.escape(raw == null ? "" : raw)).append("\">")
                .append(Html.escape(shown)).append("</td>");
    }
}
