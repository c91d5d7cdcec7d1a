package uringdio.report;

import java.util.List;
import java.util.Map;
import uringdio.stats.GateVerdict;

/**
 * The comparison in GitHub-flavoured Markdown, for a ticket or a pull request's comment: the
 * gate's verdict with each failure and regression, the facts that differ between the runs, and
 * every scenario's changes with their intervals.
 */
final class ComparisonMarkdown {

    private ComparisonMarkdown() {
    }

    static String of(RunData base, RunData cand, List<ComparisonPage.ScenarioChanges> changes, GateOutcome gate) {
        StringBuilder b = new StringBuilder("# ").append(cand.name()).append(" against ").append(base.name()).append("\n\n");
        b.append("**").append(gate.headline()).append("**\n\n");
        gate.failures().forEach(f -> b.append("- ").append(cell(f)).append('\n'));
        gate.regressions().forEach(r -> b.append("- ").append(cell(r)).append('\n'));
        Map<String, String> x = Environment.facts(base);
        Map<String, String> y = Environment.facts(cand);
        StringBuilder differ = new StringBuilder();
        x.forEach((k, v) -> {
            String w = y.getOrDefault(k, "(absent)");
            if (!v.equals(w)) {
                differ.append("| ").append(cell(k)).append(" | `").append(cell(v)).append("` | `").append(cell(w)).append("` |\n");
            }
        });
        if (differ.length() > 0) {
            b.append("\n| fact | baseline | candidate |\n| --- | --- | --- |\n").append(differ);
        }
        b.append("\n| scenario |");
        for (ComparedMetric m : ComparedMetric.values()) {
            b.append(' ').append(m.words).append(" |");
        }
        b.append(" verdict |\n| --- |");
        b.append(" ---: |".repeat(ComparedMetric.values().length)).append(" --- |\n");
        for (ComparisonPage.ScenarioChanges s : changes) {
            b.append("| ").append(cell(s.label())).append(" |");
            s.changes().forEach(m -> b.append(' ').append(m.format()).append(" |"));
            boolean improved = s.changes().stream().anyMatch(m -> m.verdict().filter(v -> v == GateVerdict.IMPROVED).isPresent());
            b.append(s.regressed() ? " **REGRESSION** |" : improved ? " improved |" : " |").append('\n');
        }
        b.append("\nChange: candidate over baseline, 95% interval; rounds from ")
                .append(changes.isEmpty() ? "-" : changes.get(0).changes().get(0).source()).append(".\n");
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
