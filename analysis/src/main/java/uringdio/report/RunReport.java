package uringdio.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uringdio.cli.BadInputException;
import uringdio.results.AtomicFiles;
import uringdio.results.Columns;

/**
 * A run's report: {@code report.html} (one self-contained page) and {@code report.md} (the same
 * findings, verdict and table, for pasting into a ticket), both in the run directory. Top to
 * bottom the page says what a reader needs first: what was wrong, the verdict, what it ran on,
 * then the pictures, then every number.
 */
public final class RunReport {

    public static final String HTML = "report.html";
    public static final String MARKDOWN = "report.md";

    static final String SCENARIO_COLOR = "#c0392b";
    static final String CONTROL_COLOR = "#7f8c8d";

    private RunReport() {
    }

    /**
     * Writes {@code runDir/report.html} and {@code runDir/report.md}; returns the page's path.
     *
     * @throws BadInputException when {@code runDir} is not a run, or a latency log is missing or not whole
     */
    public static Path write(Path runDir) {
        return write(runDir, runDir.resolve(HTML));
    }

    /**
     * Writes the page to {@code html} and report.md beside it; links to the run's files are
     * relative to where the page is, so both open from a copied directory too.
     */
    public static Path write(Path runDir, Path html) {
        RunData run = RunData.read(runDir);
        Path parent = html.toAbsolutePath().getParent();
        Path md = parent.resolve(MARKDOWN);
        List<ControlRatio> ratios = ControlRatio.of(run);
        try {
            AtomicFiles.write(html, page(run, ratios, Links.between(parent, runDir)).render());
        } catch (IOException e) {
            throw BadInputException.cannotWrite(html, e);
        }
        try {
            AtomicFiles.write(md, MarkdownReport.of(run, ratios));
        } catch (IOException e) {
            throw BadInputException.cannotWrite(md, e);
        }
        return html;
    }

    static Page page(RunData run, List<ControlRatio> ratios, String linkPrefix) {
        Page page = new Page("uring-dio-bench run " + run.name());
        page.html(Findings.html(run));
        completeness(run).forEach(s -> page.html("<div class=\"partial\">" + Html.escape(s) + "</div>\n"));
        page.html("<p class=\"verdict\" id=\"verdict\">" + Html.escape(VerdictSentence.of(run)) + "</p>\n");

        page.heading(2, "Environment");
        page.html(Environment.html(run));

        page.heading(2, "The cost of the forced wait");
        page.paragraph("caption", ForestPlot.HOW_TO_READ);
        List<Chart> forests = ForestPlot.of(ratios);
        if (forests.isEmpty()) {
            page.notInThisRun("no scenario with its control (a fully touched buffer, plain data, ext4 or INLINE).");
        }
        forests.forEach(page::chart);

        page.heading(2, "Latency percentile spectra");
        page.paragraph("caption", "End-to-end latency of each scenario (red) against its control (grey) at every percentile,"
                + " from the .hlog files, on HdrHistogram's 1/(1-p) axis (the further right, the rarer the read) and a log"
                + " latency axis.");
        int spectra = 0;
        page.beginGrid();
        for (ControlRatio r : ratios) {
            Optional<Chart> c = spectrum(run, r, spectra);
            if (c.isPresent()) {
                page.chart(c.get());
                spectra++;
            }
        }
        page.endGrid();
        if (spectra == 0) {
            page.notInThisRun("latency logs for a scenario and its control.");
        }

        page.heading(2, "Fault-in cost by extents and pattern; reads/s by queue depth");
        List<Chart> heatMaps = FaultInHeatMap.of(ratios);
        if (heatMaps.isEmpty()) {
            page.notInThisRun("fault patterns measured against ALL at two or more extent counts or patterns on one filesystem.");
        }
        heatMaps.forEach(page::chart);
        QueueDepthChart.of(run).ifPresentOrElse(page::chart,
                () -> page.notInThisRun("one read measured at several queue depths."));

        page.heading(2, "Attribution");
        AttributionCharts.perRead(run).ifPresentOrElse(page::chart,
                () -> page.notInThisRun("the kernel path of each read (punts, forced waits, buffered reads per read)."));
        AttributionCharts.phases(run).ifPresentOrElse(page::chart,
                () -> page.notInThisRun("phases.csv (the phase times of the forced wait)."));

        page.heading(2, "Every scenario");
        page.html(ScenarioTable.html(run, ratios, linkPrefix));
        return page;
    }

    /** What the page must say before any figure: a run that stopped early, an older schema. */
    static List<String> completeness(RunData run) {
        List<String> notes = new ArrayList<>();
        run.incomplete.ifPresent(why -> {
            String planned = run.plannedScenarios().map(n -> " of " + n + " planned").orElse("");
            notes.add("Partial run: it did not reach its end (" + why + "). This page shows the " + run.rows.size()
                    + planned + " scenarios that finished.");
        });
        List<String> missing = run.missingColumns();
        if (!missing.isEmpty()) {
            notes.add("Older schema: scenarios.csv lacks " + missing.size() + " column(s) of today's (" + String.join(", ", missing)
                    + "); what needs them shows '-' or is left out.");
        }
        long withoutLog = run.rows.stream().filter(r -> r.getOrDefault(Columns.HLOG, "").isBlank()).count();
        if (withoutLog > 0) {
            notes.add(withoutLog + " scenario(s) name no latency log: no percentile spectrum for them.");
        }
        return notes;
    }

    private static Optional<Chart> spectrum(RunData run, ControlRatio r, int index) {
        LatencyHistograms mine = run.latencies.get(r.row().get(Columns.SCENARIO));
        LatencyHistograms theirs = run.latencies.get(r.control().get(Columns.SCENARIO));
        if (mine == null || theirs == null) {
            return Optional.empty();
        }
        String label = RunData.label(r.row());
        String control = RunData.label(r.control());
        return Optional.of(PercentileSpectrum.of("spectrum-" + index, label + " against " + control,
                "Median ratio " + r.format() + ".",
                List.of(new PercentileSpectrum.Line(label, mine.e2e(), SCENARIO_COLOR),
                        new PercentileSpectrum.Line(control + " (control)", theirs.e2e(), CONTROL_COLOR))));
    }
}
