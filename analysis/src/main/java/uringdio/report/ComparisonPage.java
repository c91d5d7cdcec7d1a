package uringdio.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uringdio.cli.BadInputException;
import uringdio.results.AtomicFiles;
import uringdio.results.Columns;
import uringdio.stats.GateRule;
import uringdio.stats.GateVerdict;

/**
 * The page comparing a candidate run with a baseline (kernel B against kernel A): the gate's
 * verdict first, with each failure and regression; then what differs between the two machines;
 * then, per scenario, both runs' percentile spectra overlaid and each metric's change with its
 * interval. Scenarios are matched by id.
 */
public final class ComparisonPage {

    public static final String DEFAULT_NAME = "comparison.html";

    static final String BASE_COLOR = "#7f8c8d";
    static final String CAND_COLOR = "#c0392b";

    private ComparisonPage() {
    }

    /** {@link #write(Path, Path, Path, GateRule)} with the CI default gate (10%). */
    public static Path write(Path base, Path cand, Path out) {
        return write(base, cand, out, GateRule.DEFAULT);
    }

    /**
     * Writes the comparison of {@code cand} against {@code base} to {@code out}; returns {@code out}.
     *
     * @throws BadInputException when either directory is not a run, or a latency log is missing or not whole
     */
    public static Path write(Path base, Path cand, Path out, GateRule rule) {
        RunData b = whole("baseline", base);
        RunData c = whole("candidate", cand);
        List<ScenarioChanges> changes = changes(b, c, rule);
        GateOutcome gate = GateOutcome.of(changes, Findings.of(c), rule);
        try {
            AtomicFiles.write(out, page(b, c, changes, gate, out.toAbsolutePath().getParent()).render());
        } catch (IOException e) {
            throw BadInputException.cannotWrite(out, e);
        }
        Path md = markdownBeside(out);
        try {
            AtomicFiles.write(md, ComparisonMarkdown.of(b, c, changes, gate));
        } catch (IOException e) {
            throw BadInputException.cannotWrite(md, e);
        }
        return out;
    }

    /** comparison.html's Markdown twin, comparison.md, for a ticket or a pull request's comment. */
    static Path markdownBeside(Path page) {
        String name = page.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return page.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".md");
    }

    /**
     * A run the gate may judge. As {@code compare} does, a run that did not reach its end is
     * refused: a verdict on half a matrix would pass a kernel on the scenarios it had time for.
     */
    private static RunData whole(String role, Path dir) {
        RunData run = RunData.read(dir);
        run.incomplete.ifPresent(why -> {
            throw new BadInputException(role + " run directory " + dir + " is an incomplete run: " + why);
        });
        return run;
    }

    /** Each scenario both runs have, in the candidate's order, with its metrics' changes. */
    record ScenarioChanges(String scenario, String label, List<MetricChange> changes) {
        boolean regressed() {
            return changes.stream().anyMatch(MetricChange::regressed);
        }
    }

    static List<ScenarioChanges> changes(RunData base, RunData cand, GateRule rule) {
        List<ScenarioChanges> all = new ArrayList<>();
        for (Map<String, String> row : cand.rows) {
            String id = row.get(Columns.SCENARIO);
            if (base.row(id) == null) {
                continue;
            }
            List<MetricChange> changes = new ArrayList<>();
            for (ComparedMetric m : ComparedMetric.values()) {
                changes.add(MetricChange.of(m, id, base, cand, rule));
            }
            all.add(new ScenarioChanges(id, RunData.label(row), changes));
        }
        return all;
    }

    static Page page(RunData base, RunData cand, List<ScenarioChanges> changes, GateOutcome gate, Path pageDir) {
        Page page = new Page("uring-dio-bench: " + cand.name() + " against " + base.name());
        page.html(gate.html());
        // Both runs are whole (see whole()); what may remain to say is an older schema or a missing log.
        for (String note : RunReport.completeness(cand)) {
            page.html("<div class=\"partial\">Candidate: " + Html.escape(note) + "</div>\n");
        }
        for (String note : RunReport.completeness(base)) {
            page.html("<div class=\"partial\">Baseline: " + Html.escape(note) + "</div>\n");
        }
        page.html("<p class=\"note\">Baseline: <code>" + Html.escape(base.directory.toString()) + "</code> (kernel "
                + Html.escape(base.fact("kernel")) + "); candidate: <code>" + Html.escape(cand.directory.toString())
                + "</code> (kernel " + Html.escape(cand.fact("kernel")) + ").</p>\n");

        page.heading(2, "Environment differences");
        page.paragraph("caption", "Highlighted: facts that differ between the runs; any of them may explain a change.");
        page.html(Environment.differencesHtml(base, cand));

        page.heading(2, "Every scenario both runs have");
        page.html(changesTable(changes));
        List<String> onlyOne = onlyInOne(base, cand);
        if (!onlyOne.isEmpty()) {
            page.paragraph("note", "In one run only: " + String.join("; ", onlyOne) + ".");
        }

        page.heading(2, "Percentile spectra, baseline against candidate");
        int i = 0;
        page.beginGrid();
        for (ScenarioChanges s : changes) {
            LatencyHistograms b = base.latencies.get(s.scenario());
            LatencyHistograms c = cand.latencies.get(s.scenario());
            if (b == null || c == null) {
                page.notInThisRun("latency logs of " + s.label() + " in both runs.");
                continue;
            }
            page.chart(PercentileSpectrum.of("spectrum-" + i++, s.label(), summary(s),
                    List.of(new PercentileSpectrum.Line("baseline " + base.name(), b.e2e(), BASE_COLOR),
                            new PercentileSpectrum.Line("candidate " + cand.name(), c.e2e(), CAND_COLOR))));
        }
        page.endGrid();
        page.heading(2, "Candidate's files");
        page.html("<p class=\"files\"><a href=\"" + Html.escape(Links.between(pageDir, cand.directory)) + "scenarios.csv\">"
                + "candidate scenarios.csv</a><a href=\"" + Html.escape(Links.between(pageDir, base.directory))
                + "scenarios.csv\">baseline scenarios.csv</a></p>\n");
        return page;
    }

    private static String changesTable(List<ScenarioChanges> changes) {
        StringBuilder b = new StringBuilder("<table class=\"sortable\" id=\"changes\">\n<thead><tr><th>scenario</th>");
        for (ComparedMetric m : ComparedMetric.values()) {
            b.append("<th>").append(Html.escape(m.words)).append(" change</th>");
        }
        b.append("<th>verdict</th><th>rounds from</th></tr></thead>\n<tbody>\n");
        for (ScenarioChanges s : changes) {
            boolean improved = s.changes().stream()
                    .anyMatch(m -> m.verdict().filter(v -> v == GateVerdict.IMPROVED).isPresent());
            b.append("<tr").append(s.regressed() ? " class=\"regression\"" : improved ? " class=\"improved\"" : "").append(">");
            b.append("<td>").append(Html.escape(s.label())).append("</td>");
            for (MetricChange m : s.changes()) {
                b.append("<td class=\"num\" data-sort=\"").append(m.ratio()).append("\">").append(Html.escape(m.format()))
                        .append("</td>");
            }
            String verdict = s.regressed() ? "REGRESSION" : improved ? "IMPROVED" : "no change beyond the threshold";
            b.append("<td>").append(verdict).append("</td><td>")
                    .append(Html.escape(s.changes().get(0).source())).append("</td></tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    private static String summary(ScenarioChanges s) {
        List<String> parts = new ArrayList<>();
        for (MetricChange m : s.changes()) {
            parts.add(m.metric().words + " " + m.format() + m.verdict().map(v -> " " + v).orElse(""));
        }
        return "Candidate against baseline: " + String.join("; ", parts) + ".";
    }

    private static List<String> onlyInOne(RunData base, RunData cand) {
        List<String> only = new ArrayList<>();
        base.rows.stream().filter(r -> cand.row(r.get(Columns.SCENARIO)) == null)
                .forEach(r -> only.add(RunData.label(r) + " (baseline)"));
        cand.rows.stream().filter(r -> base.row(r.get(Columns.SCENARIO)) == null)
                .forEach(r -> only.add(RunData.label(r) + " (candidate)"));
        return only;
    }
}
