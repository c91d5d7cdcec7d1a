package uringdio.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uringdio.cli.ExitCode;
import uringdio.results.Columns;
import uringdio.stats.GateRule;
import uringdio.stats.GateVerdict;

/** The comparison page read as text: the gate's verdict, its regressions and failures, what differs. */
class ComparisonPageTest {

    @TempDir
    Path tmp;

    @Test
    void aCraftedRegressionIsMarkedAtTheTopAndInItsRow() throws IOException {
        Path base = CraftedRuns.matrix(tmp.resolve("base"), 250).kernel("6.17.0").write();
        Path cand = CraftedRuns.matrix(tmp.resolve("cand"), 400).write();
        List<ComparisonPage.ScenarioChanges> changes =
                ComparisonPage.changes(RunData.read(base), RunData.read(cand), GateRule.DEFAULT);
        ComparisonPage.ScenarioChanges first = changes.stream()
                .filter(s -> s.label().equals("btrfs 16K x4 FIRST INLINE qd1")).findFirst().orElseThrow();
        assertEquals(GateVerdict.REGRESSION, first.changes().get(0).verdict().orElseThrow(), first.toString());
        assertEquals(1, changes.stream().filter(ComparisonPage.ScenarioChanges::regressed).count(), "only the one made slower");

        String page = Files.readString(ComparisonPage.write(base, cand, tmp.resolve("comparison.html")));
        assertTrue(page.contains("class=\"gate-regression\" id=\"gate\""));
        assertTrue(page.contains("<li class=\"regression\">btrfs 16K x4 FIRST INLINE qd1: e2e p50 +"), "listed at the top");
        assertTrue(page.contains("<tr class=\"differs\"><td>kernel</td><td><code>6.17.0</code></td><td><code>6.18.44</code>"),
                "the kernels differ, highlighted");
        assertTrue(page.contains("id=\"spectrum-0\""));
        String md = Files.readString(tmp.resolve("comparison.md"));
        assertTrue(md.contains("**REGRESSION: 2 metric(s) worse by more than 10% across their whole 95% interval**"), md);
        assertTrue(md.contains("| kernel | `6.17.0` | `6.18.44` |"), md);
        assertTrue(md.contains("| btrfs 16K x4 FIRST INLINE qd1 | +60% ["), md);
    }

    @Test
    void twoRunsAlikePass() throws IOException {
        Path base = CraftedRuns.matrix(tmp.resolve("base"), 250).write();
        Path cand = CraftedRuns.matrix(tmp.resolve("cand"), 250).write();
        String page = Files.readString(ComparisonPage.write(base, cand, tmp.resolve("comparison.html")));
        assertTrue(page.contains("class=\"gate-pass\""));
        assertFalse(page.contains("<tr class=\"regression\""));
    }

    @Test
    void wrongReadsInTheCandidateFailWhateverTheSpeed() throws IOException {
        Path base = CraftedRuns.matrix(tmp.resolve("base"), 250).write();
        RunDirectoryFixture cand = CraftedRuns.matrix(tmp.resolve("cand"), 250);
        cand.scenario("btrfs", 16384, 4, "RANDOM", "INLINE", 1).set(Columns.DATA_MISMATCHES, "2");
        String page = Files.readString(ComparisonPage.write(base, cand.write(), tmp.resolve("comparison.html")));
        assertTrue(page.contains("class=\"gate-fail\""));
        assertTrue(page.contains("<li class=\"failure\">btrfs 16K x4 RANDOM INLINE qd1: 2 read(s) with wrong bytes</li>"));
        assertTrue(page.contains("btrfs 16K x4 RANDOM INLINE qd1 (candidate)"), "named as in one run only");
    }

    @Test
    void anIncompleteRunIsRefusedAsCompareRefusesIt() throws IOException {
        Path base = CraftedRuns.matrix(tmp.resolve("base"), 250).write();
        Path cand = CraftedRuns.matrix(tmp.resolve("cand"), 250).incomplete("interrupted (Ctrl-C)").write();
        StringWriter err = new StringWriter();
        int code = ReportMain.run(new PrintWriter(new StringWriter()), new PrintWriter(err), base.toString(), cand.toString());
        assertEquals(ExitCode.BAD_INPUT, code);
        assertEquals("report: candidate run directory " + cand + " is an incomplete run: interrupted (Ctrl-C) (see --help)",
                err.toString().strip());
    }

    @Test
    void roundsFromRoundsCsvAreUsedWhenBothRunsHaveThem() throws IOException {
        Path base = CraftedRuns.matrix(tmp.resolve("base"), 250).rounds(6).write();
        Path cand = CraftedRuns.matrix(tmp.resolve("cand"), 250).rounds(6).write();
        MetricChange rate = ComparisonPage.changes(RunData.read(base), RunData.read(cand), GateRule.DEFAULT).get(0)
                .changes().get(2);
        assertEquals(ComparedMetric.READS_PER_SECOND, rate.metric());
        assertTrue(rate.source().startsWith("rounds.csv"), rate.source());
        assertTrue(rate.interval().isPresent());
    }

    @Test
    void theCommandWritesTheComparisonIntoTheCandidateByDefault() throws IOException {
        Path base = CraftedRuns.matrix(tmp.resolve("base"), 250).write();
        Path cand = CraftedRuns.matrix(tmp.resolve("cand"), 250).write();
        StringWriter out = new StringWriter();
        int code = ReportMain.run(new PrintWriter(out), new PrintWriter(new StringWriter()), base.toString(), cand.toString());
        assertEquals(ExitCode.OK, code);
        assertEquals("Report: " + cand.resolve(ComparisonPage.DEFAULT_NAME), out.toString().strip());
    }
}
