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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uringdio.cli.ExitCode;
import uringdio.results.Columns;

/** The run page and report.md, read as text: what each section says for real, crafted and bad runs. */
class RunReportTest {

    @TempDir
    Path tmp;

    @Test
    void realQuickRunGetsEverySectionAndNamesItsPathNotAsLabelled() throws IOException {
        Path run = CraftedRuns.quickRun(tmp);
        Path html = RunReport.write(run);
        assertEquals(run.resolve("report.html"), html);
        String page = Files.readString(html);
        for (String heading : List.of("Environment", "The cost of the forced wait", "Latency percentile spectra",
                "Attribution", "Every scenario")) {
            assertTrue(page.contains("<h2>" + heading + "</h2>"), heading);
        }
        // Its btrfs NONE reads were served buffered: named in the banner, and not as a wrong read.
        assertTrue(page.contains("id=\"findings\""));
        assertTrue(page.contains("kernel paths not as labelled (no read came back wrong)"), "the banner's heading");
        assertTrue(page.contains("btrfs 16K x4 NONE INLINE qd1: path not as the label says: 100% of its O_DIRECT reads"));
        assertFalse(page.contains("reads came back wrong"));
        assertTrue(page.contains("every one of 439904 completions was checked"), "the run's own verdict");
        assertTrue(page.contains("rw,relatime,rw,discard=async,space_cache=v2,subvolid=5,subvol=/"), "btrfs mount options");
        assertTrue(page.contains("io-wq 100%, forced wait 100%"), "the kernel path of each read");
        assertFalse(page.contains("No whiskers"), "a run in rounds has an interval on every bar");
        // SVG's url(#id) is a reference inside the page; anything else in url(), src or href would be fetched.
        assertFalse(Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//|url\\((?!#)|@import").matcher(page).find(),
                "nothing is fetched");
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(md.contains("| btrfs 16K x4 FIRST INLINE qd1 | 239.2 |"), md);
    }

    @Test
    void aWrongReadIsTheFirstThingOnThePage() throws IOException {
        RunDirectoryFixture run = CraftedRuns.matrix(tmp.resolve("wrong"), 250);
        run.scenario("btrfs", 16384, 4, "RANDOM", "INLINE", 1).medianMicros(240).set(Columns.SHORT_READS, "3");
        run.findings("short read on btrfs: asked 16384 at offset 0, got 4096; 4 extents, pattern RANDOM, INLINE, qd 1");
        String page = Files.readString(RunReport.write(run.write()));
        int banner = page.indexOf("id=\"findings\"");
        assertTrue(banner > 0 && banner < page.indexOf("id=\"verdict\""), "findings come before the verdict");
        assertTrue(page.contains("short read on btrfs: asked 16384 at offset 0, got 4096"));
        assertTrue(page.contains("btrfs 16K x4 RANDOM INLINE qd1: 3 short read(s)"));
    }

    @Test
    void roundsGiveIntervalsWhereTheRunHasNoRatioColumns() throws IOException {
        RunData run = RunData.read(CraftedRuns.matrix(tmp.resolve("rounds"), 250).rounds(6).write());
        ControlRatio first = ControlRatio.of(run).stream()
                .filter(r -> RunData.label(r.row()).equals("btrfs 16K x4 FIRST INLINE qd1")).findFirst().orElseThrow();
        assertTrue(first.interval().isPresent());
        assertTrue(first.intervalSource().contains("rounds.csv"), first.intervalSource());
        assertEquals("ALL", first.differsBy());
        assertTrue(first.interval().get().lower() > 1.2, first.format());
    }

    @Test
    void theRunsOwnRatioColumnsWinAndAttributionIsDrawn() throws IOException {
        Path dir = CraftedRuns.matrix(tmp.resolve("full"), 250).rounds(6).ratioColumns().attribution().write();
        RunData run = RunData.read(dir);
        assertTrue(ControlRatio.of(run).stream().filter(r -> r.interval().isPresent())
                .allMatch(r -> r.intervalSource().contains("from scenarios.csv")));
        String page = Files.readString(RunReport.write(dir));
        assertTrue(page.contains("id=\"attribution\""));
        assertTrue(page.contains("id=\"phases\""));
        assertTrue(page.contains("id=\"heatmap-btrfs\""));
        assertTrue(page.contains("id=\"queue-depth\""));
        assertTrue(page.contains("io-wq 100%, forced wait 100%"), "the kernel path column");
    }

    @Test
    void aPartialRunSaysSo() throws IOException {
        Path dir = CraftedRuns.matrix(tmp.resolve("partial"), 250).incomplete("interrupted (Ctrl-C)").write();
        String page = Files.readString(RunReport.write(dir));
        assertTrue(page.contains("Partial run: it did not reach its end (interrupted (Ctrl-C)). This page shows the 16 of 19"
                + " planned scenarios that finished."), page.substring(page.indexOf("<body>"), page.indexOf("<body>") + 600));
    }

    @Test
    void aRunFromBeforeTheIncompleteMarkerIsPartialWithoutItsSummary() throws IOException {
        Path dir = CraftedRuns.quickRun(tmp);
        Files.delete(dir.resolve("summary.txt"));
        String page = Files.readString(RunReport.write(dir));
        assertTrue(page.contains("Partial run: it did not reach its end (it wrote no summary.txt). This page shows the 10 of"
                + " 10 planned scenarios that finished."));
    }

    @Test
    void anOlderSchemaRendersWhatItCanAndNamesWhatIsMissing() throws IOException {
        Path dir = CraftedRuns.matrix(tmp.resolve("old"), 250)
                .without(Columns.LABEL, Columns.PATTERN_MISMATCHES, Columns.RING_FLAGS).write();
        String page = Files.readString(RunReport.write(dir));
        assertTrue(page.contains("Older schema: scenarios.csv lacks"));
        assertTrue(page.contains("label, "));
        assertTrue(page.contains("class=\"chart\""), "charts still drawn");
    }

    @Test
    void aDirectoryThatIsNotARunIsOneLineAndExitTwo() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        assertBadInput("report: not a run directory: " + tmp.resolve("empty") + " (no scenarios.csv) (see --help)",
                tmp.resolve("empty").toString());
        assertBadInput("report: not a run directory: " + tmp.resolve("nowhere") + " (no such directory) (see --help)",
                tmp.resolve("nowhere").toString());
    }

    @Test
    void aMissingLatencyLogIsNamed() throws IOException {
        Path dir = CraftedRuns.quickRun(tmp);
        Path hlog = dir.resolve("extent-read_xfs_r0016384_x04_plain_ALL_INLINE_qd01_b01.hlog");
        Files.delete(hlog);
        assertBadInput("report: missing latency log " + hlog + ": scenarios.csv names it (see --help)", dir.toString());
        assertFalse(Files.exists(dir.resolve("report.html")), "no page from a run that cannot be read whole");
    }

    @Test
    void aTruncatedLatencyLogIsNamed() throws IOException {
        Path dir = CraftedRuns.quickRun(tmp);
        Path hlog = dir.resolve("extent-read_ext4_r0016384_x04_plain_ALL_INLINE_qd01_b01.hlog");
        byte[] bytes = Files.readAllBytes(hlog);
        Files.write(hlog, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        String err = assertBadInput(null, dir.toString());
        assertTrue(err.startsWith("report: truncated"), err);
        assertTrue(err.contains(hlog.toString()), err);
    }

    @Test
    void aPageWrittenElsewhereLinksBackToTheRunsFiles() throws IOException {
        Path run = CraftedRuns.quickRun(tmp);
        Path page = tmp.resolve("artifacts/pages/run.html");
        Files.createDirectories(page.getParent());
        StringWriter out = new StringWriter();
        assertEquals(ExitCode.OK, ReportMain.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                run.toString(), "--output", page.toString()));
        assertEquals("Report: " + page, out.toString().strip());
        String html = Files.readString(page);
        assertTrue(html.contains("href=\"../../" + CraftedRuns.QUICK_RUN + "/scenarios.csv\""));
        assertTrue(Files.exists(page.resolveSibling("report.md")));
        assertFalse(Files.exists(run.resolve("report.html")), "nothing written into the run");
    }

    @Test
    void aBadOptionIsOneLine() {
        StringWriter err = new StringWriter();
        int code = ReportMain.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "--colour", "x");
        assertEquals(ExitCode.BAD_INPUT, code);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    /** Runs the command expecting exit 2 and one line on stderr (equal to {@code expected} unless null); returns it. */
    private static String assertBadInput(String expected, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReportMain.run(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(ExitCode.BAD_INPUT, code, err.toString());
        String line = err.toString().strip();
        assertEquals(1, line.lines().count(), line);
        if (expected != null) {
            assertEquals(expected, line);
        }
        return line;
    }
}
