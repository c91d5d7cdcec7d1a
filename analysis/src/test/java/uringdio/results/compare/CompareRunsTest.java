package uringdio.results.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uringdio.cli.ExitCode;
import uringdio.results.Columns;
import uringdio.results.Metadata;
import uringdio.results.ResultsCsv;
import uringdio.results.RunFiles;

/** The command as CI runs it: real results directories in, report and exit code out. */
class CompareRunsTest {

    @TempDir
    Path tmp;

    private RunDirectory baseline;
    private RunDirectory candidate;

    /** What one {@code compare} invocation printed and returned. */
    private record Outcome(int exitCode, String out, String err) {
    }

    @BeforeEach
    void createRuns() throws IOException {
        baseline = RunDirectory.create(tmp.resolve("20261124-080000_6.17.0_vm"), "6.17.0-fc", "builder-1");
        candidate = RunDirectory.create(tmp.resolve("20261125-090000_6.18.44_vm"), "6.18.44-fc-v769", "builder-2");
    }

    private Outcome compare(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CompareRuns.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private Outcome compareRuns(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = baseline.path().toString();
        args[1] = candidate.path().toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return compare(args);
    }

    /** A bad-input outcome: exit 2, nothing on stdout, exactly one line on stderr, no stack trace. */
    private static String oneLineError(Outcome o) {
        assertEquals(ExitCode.BAD_INPUT, o.exitCode(), o.err());
        assertEquals("", o.out());
        List<String> lines = o.err().lines().toList();
        assertEquals(1, lines.size(), o.err());
        assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), o.err());
        return lines.get(0);
    }

    @Test
    void unchangedRunsPassAndPrintEachValueBesideTheOther() throws IOException {
        baseline.scenario("extent-read_btrfs_x04").e2eIterations(100_000, 101_000).readsPerSecond(2000).write();
        candidate.scenario("extent-read_btrfs_x04").e2eIterations(102_000, 100_000).readsPerSecond(1980).write();

        Outcome o = compareRuns();

        assertEquals(ExitCode.OK, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().contains("kernel 6.17.0-fc  host builder-1"), o.out());
        assertTrue(o.out().contains("kernel 6.18.44-fc-v769  host builder-2"), o.out());
        assertTrue(o.out().contains("more than 10% worse"), "the rule is in the header: " + o.out());
        String rate = o.out().lines().filter(l -> l.strip().startsWith("reads_per_s")).findFirst().orElseThrow();
        assertTrue(rate.matches("\\s*reads_per_s\\s+2000\\s+1980\\s+0\\.990x\\s+ok"), rate);
        assertTrue(o.out().contains("result: PASS (exit 0)"), o.out());
        assertEquals("", o.err());
    }

    @Test
    void aScenarioWhoseRowSaysItWholeIsLabelledForAPerson() throws IOException {
        String id = "extent-read_ext4_r0016384_x04_plain_FIRST_INLINE_qd01_b01";
        for (RunDirectory run : List.of(baseline, candidate)) {
            run.scenario(id).set(Columns.BENCHMARK, "extent-read").set(Columns.FS, "ext4").set(Columns.READ_SIZE, "16384")
                    .set(Columns.EXTENTS_REQUESTED, "4").set(Columns.EXTENT_SIZE, "4096").set(Columns.VARIANT, "PLAIN")
                    .set(Columns.PATTERN, "FIRST").set(Columns.TOUCH_FRACTION, "0.5").set(Columns.MODE, "INLINE")
                    .set(Columns.RETRY_EAGAIN, "false").set(Columns.QUEUE_DEPTH, "1").set(Columns.SUBMIT_BATCH, "1")
                    .set(Columns.FILE_SIZE, Long.toString(16 * 16384)).readsPerSecond(2000).write();
        }

        Outcome o = compareRuns();

        assertEquals(ExitCode.OK, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().lines().anyMatch(l -> l.equals("  " + id + "   ext4 16K x4 FIRST INLINE qd1")), o.out());
    }

    @Test
    void aRegressionExitsFourAndIsMarked() throws IOException {
        baseline.scenario("s").readsPerSecond(2000).write();
        candidate.scenario("s").readsPerSecond(1000).write();

        Outcome o = compareRuns();

        assertEquals(ExitCode.REGRESSION, o.exitCode(), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.contains("reads_per_s") && l.contains("0.500x") && l.contains("REGRESSION")), o.out());
    }

    @Test
    void aLargerThresholdLetsTheSameChangePass() throws IOException {
        baseline.scenario("s").readsPerSecond(2000).write();
        candidate.scenario("s").readsPerSecond(1600).write();

        assertEquals(ExitCode.REGRESSION, compareRuns().exitCode());
        assertEquals(ExitCode.OK, compareRuns("--max-regression", "25%").exitCode());
    }

    @Test
    void onlyTheChosenMetricsAreCompared() throws IOException {
        baseline.scenario("s").e2eIterations(100_000).readsPerSecond(2000).write();
        candidate.scenario("s").e2eIterations(100_000).readsPerSecond(1000).write();

        Outcome o = compareRuns("--metrics", "e2e_p50_ns,e2e_max_ns");

        assertEquals(ExitCode.OK, o.exitCode(), o.out());
        assertFalse(o.out().contains("reads_per_s"), o.out());
        assertTrue(o.out().contains("e2e_max_ns"), o.out());
    }

    @Test
    void findingsInTheCandidateExitThreeEvenWithARegression() throws IOException {
        baseline.scenario("s").readsPerSecond(2000).write();
        candidate.scenario("s").readsPerSecond(1000)
                .set(Columns.DATA_MISMATCHES, "1").set(Columns.FINDINGS, "1").write();

        Outcome o = compareRuns();

        assertEquals(ExitCode.FINDINGS, o.exitCode(), o.out());
        assertTrue(o.out().contains("findings in the candidate (1):"), o.out());
        assertTrue(o.out().contains("s: short_reads 0, data_mismatches 1, errors 0, findings 1"), o.out());
        assertTrue(o.out().contains(candidate.path().resolve("findings.txt").toString()), o.out());
        assertTrue(o.out().contains("FAIL: findings in the candidate"), o.out());
    }

    @Test
    void scenariosInOnlyOneRunAreListed() throws IOException {
        baseline.scenario("both").write();
        baseline.scenario("dropped").write();
        candidate.scenario("both").write();
        candidate.scenario("added").write();

        Outcome o = compareRuns();

        // A scenario the baseline measured and the candidate did not (its fork crashed) fails, unless allowed.
        assertEquals(ExitCode.NOT_SAME, o.exitCode());
        assertTrue(o.out().contains("only in baseline (1):\n  dropped\n"), o.out());
        assertTrue(o.out().contains("only in candidate (1):\n  added\n"), o.out());
        assertTrue(o.out().contains("dropped: measured in the baseline, missing in the candidate"), o.out());
        assertEquals(ExitCode.OK, compareRuns("--allow-missing").exitCode());
    }

    @Test
    void writesTheComparisonAsCsv() throws IOException {
        baseline.scenario("s").e2eIterations(100_000, 100_000, 150_000).readsPerSecond(2000).write();
        candidate.scenario("s").e2eIterations(120_000, 120_000, 120_000).readsPerSecond(1000)
                .set(Columns.SHORT_READS, "3").write();
        baseline.scenario("dropped").write();
        Path csv = tmp.resolve("comparison.csv");

        Outcome o = compareRuns("--csv", csv.toString());

        assertEquals(ExitCode.FINDINGS, o.exitCode(), o.out());
        List<Map<String, String>> rows = ResultsCsv.read(csv);
        assertEquals(ReportCsv.HEADER, List.copyOf(rows.get(0).keySet()));
        Map<String, String> p50 = rows.stream().filter(r -> r.get("metric").equals("e2e_p50_ns")).findFirst().orElseThrow();
        assertEquals("within noise", p50.get("verdict"));
        assertEquals("3", p50.get("baseline_iterations"));
        Map<String, String> rate = rows.stream().filter(r -> r.get("metric").equals("reads_per_s")).findFirst().orElseThrow();
        assertEquals("0.500000", rate.get("ratio"));
        assertEquals("REGRESSION", rate.get("verdict"));
        assertTrue(rows.stream().anyMatch(r -> r.get("scenario").equals("dropped") && r.get("verdict").equals(ReportCsv.ONLY_IN_BASELINE)));
        assertTrue(rows.stream().anyMatch(r -> r.get("metric").equals(Columns.SHORT_READS)
                && r.get("candidate").equals("3") && r.get("baseline").equals("0") && r.get("verdict").equals(ReportCsv.FINDING)));
    }

    @Test
    void aRunWithoutMetadataIsComparedWithAnUnknownKernel() throws IOException {
        RunDirectory bare = RunDirectory.withoutMetadata(tmp.resolve("bare"));
        bare.scenario("s").write();
        candidate.scenario("s").write();

        Outcome o = compare(bare.path().toString(), candidate.path().toString());

        assertEquals(ExitCode.OK, o.exitCode(), o.err());
        assertTrue(o.out().contains("kernel unknown  host unknown"), o.out());
    }

    @Test
    void aMissingDirectoryIsOneLine() throws IOException {
        candidate.scenario("s").write();
        Path missing = tmp.resolve("no-such-run");

        String line = oneLineError(compare(missing.toString(), candidate.path().toString()));

        assertEquals("compare: baseline run directory " + missing + " does not exist", line);
    }

    @Test
    void aDirectoryWithoutScenariosCsvIsOneLine() throws IOException {
        baseline.scenario("s").write();

        String line = oneLineError(compareRuns());

        assertTrue(line.startsWith("compare: candidate run directory " + candidate.path() + " has no scenarios.csv"), line);
    }

    @Test
    void aScenariosCsvWithNoRowsIsOneLine() throws IOException {
        baseline.scenario("s").write();
        Files.writeString(candidate.path().resolve(ResultsCsv.FILE), String.join(",", Columns.ALL) + "\n");

        String line = oneLineError(compareRuns());

        assertTrue(line.endsWith("scenarios.csv has no scenarios"), line);
    }

    @Test
    void anUnknownMetricIsOneLine() throws IOException {
        baseline.scenario("s").write();
        candidate.scenario("s").write();

        String line = oneLineError(compareRuns("--metrics", "e2e_p50_ns,latency"));

        assertTrue(line.startsWith("compare: unknown metric 'latency'; known metrics: "), line);
    }

    @Test
    void aThresholdThatIsNotAPercentageIsOneLine() throws IOException {
        String line = oneLineError(compareRuns("--max-regression", "ten"));

        assertTrue(line.contains("--max-regression takes a percentage such as 10%"), line);
    }

    @Test
    void aMissingArgumentIsOneLine() {
        String line = oneLineError(compare(baseline.path().toString()));

        assertTrue(line.contains("<candidate-run-dir>"), line);
    }

    @Test
    void aMalformedLatencyLogIsOneLine() throws IOException {
        baseline.scenario("s").e2eIterations(100_000).write();
        candidate.scenario("s").e2eIterations(100_000).write();
        Files.writeString(candidate.path().resolve("s.hlog"), "#[StartTime: 1 (seconds since epoch)]\n0.0,1.0,1000,not-a-histogram\n");

        String line = oneLineError(compareRuns());

        assertTrue(line.startsWith("compare: cannot read " + candidate.path().resolve("s.hlog")), line);
    }

    @Test
    void aMalformedMetadataFileIsOneLine() throws IOException {
        baseline.scenario("s").write();
        candidate.scenario("s").write();
        Files.writeString(candidate.path().resolve(Metadata.FILE), "{\"kernel\": ");

        String line = oneLineError(compareRuns());

        assertTrue(line.startsWith("compare: cannot read " + candidate.path().resolve(Metadata.FILE)), line);
    }

    @Test
    void anIncompleteRunIsOneLineSayingWhy() throws IOException {
        baseline.scenario("s").write();
        candidate.scenario("s").write();
        RunFiles.markIncomplete(candidate.path(), "interrupted after 1 of 10 scenarios");

        Outcome o = compareRuns();

        assertEquals(ExitCode.BAD_INPUT, o.exitCode(), o.out());
        assertTrue(oneLineError(o).contains("is an incomplete run: interrupted after 1 of 10 scenarios"), o.err());
    }

    @Test
    void helpExitsZero() {
        Outcome o = compare("--help");

        assertEquals(0, o.exitCode());
        assertTrue(o.out().contains("Exit codes:"), o.out());
    }
}
