package uringdio.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import uringdio.results.Columns;
import uringdio.results.SummaryTable;

/**
 * {@code report.md}: what a ticket needs from a run, in GitHub-flavoured Markdown: the findings,
 * the verdict, the kernel and filesystems, and the table with each ratio and its interval.
 */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String of(RunData run, List<ControlRatio> ratios) {
        StringBuilder b = new StringBuilder("# uring-dio-bench run ").append(run.name()).append("\n\n");
        List<String> findings = Findings.of(run);
        if (!findings.isEmpty()) {
            b.append("**").append(findings.size()).append(findings.size() == 1 ? " finding" : " findings")
                    .append(": reads came back wrong**\n\n");
            findings.forEach(f -> b.append("- ").append(cell(f)).append('\n'));
            b.append('\n');
        }
        RunReport.completeness(run).forEach(s -> b.append("> ").append(s).append("\n\n"));
        b.append("**Verdict:** ").append(VerdictSentence.of(run)).append("\n\n");
        Map<String, String> facts = Environment.facts(run);
        for (String f : List.of("kernel", "distribution", "cpu_model", "cpu_count", "liburing", "jdk", "profile",
                Environment.RING_FLAGS)) {
            if (facts.containsKey(f)) {
                b.append("- ").append(f).append(": `").append(facts.get(f)).append("`\n");
            }
        }
        facts.forEach((k, v) -> {
            if (k.endsWith(".mount_options")) {
                b.append("- ").append(k.substring(0, k.indexOf('.'))).append(" mounted `").append(v).append("`\n");
            }
        });
        b.append("\n| scenario | p50 us | p99 us | reads/s | vs control | short | wrong | notes |\n");
        b.append("| --- | ---: | ---: | ---: | --- | ---: | ---: | --- |\n");
        for (Map<String, String> row : run.rows) {
            Optional<ControlRatio> ratio = ratios.stream().filter(r -> r.row() == row).findFirst();
            long wrong = Numbers.count(row.get(Columns.DATA_MISMATCHES)) + Numbers.count(row.get(Columns.ERRORS));
            b.append("| ").append(cell(RunData.label(row)))
                    .append(" | ").append(Numbers.micros(Numbers.of(row.get(Columns.latency("e2e", "p50")))))
                    .append(" | ").append(Numbers.micros(Numbers.of(row.get(Columns.latency("e2e", "p99")))))
                    .append(" | ").append(Numbers.rate(Numbers.of(row.get(Columns.READS_PER_SECOND))))
                    .append(" | ").append(cell(ratio.map(ControlRatio::format).orElse("-")))
                    .append(" | ").append(Numbers.count(row.get(Columns.SHORT_READS)))
                    .append(" | ").append(wrong)
                    .append(" | ").append(cell(SummaryTable.notes(row))).append(" |\n");
        }
        b.append("\nIntervals: ").append(ratios.stream().map(ControlRatio::intervalSource).distinct()
                .reduce((x, y) -> x + "; " + y).orElse("none")).append(".\n");
        return b.toString();
    }

    /** Text safe inside a Markdown table cell. */
    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
