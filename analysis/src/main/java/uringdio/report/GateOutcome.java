package uringdio.report;

import java.util.ArrayList;
import java.util.List;
import uringdio.stats.GateRule;

/**
 * The comparison's verdict in words, for the page and its Markdown alike: FAIL when the candidate
 * returned a wrong read (whatever its speed), REGRESSION when a metric is worse than the gate
 * allows across its whole interval, PASS otherwise; with each failure and regression named.
 */
record GateOutcome(String kind, String headline, List<String> failures, List<String> regressions) {

    static GateOutcome of(List<ComparisonPage.ScenarioChanges> changes, List<String> failures, GateRule rule) {
        List<String> regressions = new ArrayList<>();
        for (ComparisonPage.ScenarioChanges s : changes) {
            for (MetricChange m : s.changes()) {
                if (m.regressed()) {
                    regressions.add(s.label() + ": " + m.metric().words + " " + m.format());
                }
            }
        }
        String threshold = Math.round(rule.threshold() * 100) + "%";
        if (!failures.isEmpty()) {
            return new GateOutcome("fail", "FAIL: the candidate returned wrong reads (" + failures.size() + " finding(s))",
                    failures, regressions);
        }
        if (!regressions.isEmpty()) {
            return new GateOutcome("regression", "REGRESSION: " + regressions.size() + " metric(s) worse by more than "
                    + threshold + " across their whole 95% interval", failures, regressions);
        }
        return new GateOutcome("pass", "PASS: no finding in the candidate, no metric worse by more than " + threshold
                + " across its whole 95% interval", failures, regressions);
    }

    String html() {
        StringBuilder b = new StringBuilder("<div class=\"gate-").append(kind).append("\" id=\"gate\"><p class=\"verdict\">")
                .append(Html.escape(headline)).append("</p>\n");
        if (!failures.isEmpty() || !regressions.isEmpty()) {
            b.append("<ul>\n");
            failures.forEach(f -> b.append("<li class=\"failure\">").append(Html.escape(f)).append("</li>\n"));
            regressions.forEach(r -> b.append("<li class=\"regression\">").append(Html.escape(r)).append("</li>\n"));
            b.append("</ul>\n");
        }
        return b.append("</div>\n").toString();
    }
}
