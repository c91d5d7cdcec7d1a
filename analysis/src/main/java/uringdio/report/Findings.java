package uringdio.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uringdio.results.Columns;

/**
 * Everything a run found wrong, each in its own words: the lines of findings.txt, then every
 * scenario that counted a short read, a wrong byte, an error or a buffer not as armed, and every
 * path that broke its label's promise ({@code path_mismatch}). A page shows these first, in red;
 * an empty list is a run whose every read was right.
 */
final class Findings {

    static final String PATH_MISMATCH = "path_mismatch";
    private static final String PATH_NOT_AS_LABELLED = ": path not as the label says: ";

    private Findings() {
    }

    static List<String> of(RunData run) {
        List<String> findings = new ArrayList<>();
        run.findings.ifPresent(text -> text.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(findings::add));
        for (Map<String, String> row : run.rows) {
            List<String> counts = new ArrayList<>();
            add(counts, row, Columns.SHORT_READS, "short read(s)");
            add(counts, row, Columns.DATA_MISMATCHES, "read(s) with wrong bytes");
            add(counts, row, Columns.ERRORS, "error(s)");
            add(counts, row, Columns.PATTERN_MISMATCHES, "buffer(s) not as their pattern asked");
            if (!counts.isEmpty()) {
                findings.add(RunData.label(row) + ": " + String.join(", ", counts));
            }
            String path = row.getOrDefault(PATH_MISMATCH, "").strip();
            if (!path.isEmpty()) {
                findings.add(RunData.label(row) + PATH_NOT_AS_LABELLED + path);
            }
        }
        return findings;
    }

    /** The banner: a red box of findings, or a green line saying there were none. */
    static String html(RunData run) {
        List<String> findings = of(run);
        if (findings.isEmpty()) {
            return "<div class=\"correct\" id=\"correct\">Correctness: no short read, no wrong byte, no error, "
                    + "every buffer as armed" + (run.has(PATH_MISMATCH) ? ", every path as labelled" : "") + ".</div>\n";
        }
        // A path the label did not promise is the kernel's doing, named in red too, but no read was wrong.
        boolean wrongReads = findings.stream().anyMatch(f -> !f.contains(PATH_NOT_AS_LABELLED));
        StringBuilder b = new StringBuilder("<div class=\"findings\" id=\"findings\">\n<h2>")
                .append(findings.size()).append(findings.size() == 1 ? " finding" : " findings")
                .append(wrongReads ? ": reads came back wrong" : ": kernel paths not as labelled (no read came back wrong)")
                .append("</h2>\n<ul>\n");
        findings.forEach(f -> b.append("<li>").append(Html.escape(f)).append("</li>\n"));
        return b.append("</ul>\n</div>\n").toString();
    }

    private static void add(List<String> counts, Map<String, String> row, String column, String what) {
        long n = Numbers.count(row.get(column));
        if (n > 0) {
            counts.add(n + " " + what);
        }
    }
}
