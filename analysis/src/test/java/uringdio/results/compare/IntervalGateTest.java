package uringdio.results.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uringdio.cli.ExitCode;
import uringdio.results.Columns;
import uringdio.results.RoundsCsv;

/**
 * The gate on intervals over rounds: an A/A pair passes, a candidate 30% slower in every round is
 * a regression on latency and on reads/s, one exactly at the threshold is not, a swapped control
 * is caught, and runs that do not measure the same thing fail with their own exit code.
 */
class IntervalGateTest {

    private static final double[] BASE = {100_000, 103_000, 98_000, 101_000, 99_000};
    private static final double[] AA = {101_000, 99_000, 102_000, 100_000, 98_500};

    private Path tmp;
    private RunDirectory baseline;
    private RunDirectory candidate;

    /** Two runs of one kernel on one machine: an A/A pair until a test makes the candidate otherwise. */
    @BeforeEach
    void sameKernelSameMachine(@TempDir Path dir) throws IOException {
        tmp = dir;
        baseline = RunDirectory.create(dir.resolve("base"), "6.18.44", "vm");
        candidate = RunDirectory.create(dir.resolve("cand"), "6.18.44", "vm");
    }

    private record Outcome(int exitCode, String out, String err) {
    }

    private Outcome compare(String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[options.length + 2];
        args[0] = baseline.path().toString();
        args[1] = candidate.path().toString();
        System.arraycopy(options, 0, args, 2, options.length);
        int code = CompareRuns.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static double[] scaled(double[] v, double by) {
        return Arrays.stream(v).map(x -> x * by).toArray();
    }

    @Test
    void anAaPairPassesWithEveryIntervalHoldingOne() throws IOException {
        baseline.scenario("s").rounds(BASE).write();
        candidate.scenario("s").rounds(AA).write();

        Outcome o = compare();

        assertEquals(ExitCode.OK, o.exitCode(), o.out());
        assertTrue(o.out().contains("0 regressed"), o.out());
        assertTrue(o.out().matches("(?s).*e2e_p50_ns .*x \\[0\\.9\\d, 1\\.0\\d\\].*"), o.out());
    }

    @Test
    void aCandidateThirtyPercentSlowerInEveryRoundRegressesOnLatencyAndThroughput() throws IOException {
        baseline.scenario("s").rounds(BASE).write();
        candidate.scenario("s").rounds(scaled(AA, 1.3)).write();

        Outcome o = compare();

        assertEquals(ExitCode.REGRESSION, o.exitCode(), o.out());
        assertTrue(o.out().contains("3 regressed"), "p50, p99 and reads/s: " + o.out());
    }

    @Test
    void exactlyAtTheThresholdIsNoRegressionAndWellBeyondItIs() throws IOException {
        // Ten percent worse in every round, a tight interval around 1.10: it straddles the threshold, not beyond it.
        baseline.scenario("s").rounds(BASE).write();
        candidate.scenario("s").rounds(scaled(BASE, 1.10)).write();
        assertEquals(ExitCode.OK, compare().exitCode());
        assertEquals(ExitCode.REGRESSION, compare("--threshold", "5%").exitCode());
        assertEquals(ExitCode.REGRESSION, compare("--max-regression", "5").exitCode(), "the old name still works");
    }

    @Test
    void aSwappedControlIsFlagged() throws IOException {
        // The candidate's ALL scenario is in truth the FIRST read, 1.5x slower: presented as ALL, it regresses.
        baseline.scenario("first").rounds(scaled(BASE, 1.5)).write();
        baseline.scenario("all").rounds(BASE).write();
        candidate.scenario("first").rounds(scaled(AA, 1.5)).write();
        candidate.scenario("all").rounds(scaled(AA, 1.5)).write();

        Outcome o = compare();

        assertEquals(ExitCode.REGRESSION, o.exitCode(), o.out());
        assertTrue(o.out().matches("(?s).*  all\\n    e2e_p50_ns .*REGRESSION.*"), o.out());
    }

    @Test
    void aNoisyCandidateIsNotARegression() throws IOException {
        // 20% slower on average, but its rounds spread so wide that the interval reaches below 1.10.
        baseline.scenario("s").rounds(BASE).write();
        candidate.scenario("s").rounds(90_000, 160_000, 105_000, 150_000, 95_000).write();
        assertEquals(ExitCode.OK, compare().exitCode(), compare().out());
    }

    @Test
    void otherSettingsBehindOneIdFail() throws IOException {
        baseline.scenario("s").rounds(BASE).set(Columns.FILE_SIZE, "1048576").write();
        candidate.scenario("s").rounds(AA).set(Columns.FILE_SIZE, "4194304").write();

        Outcome o = compare();

        assertEquals(ExitCode.NOT_SAME, o.exitCode(), o.out());
        assertTrue(o.out().contains("s: other settings behind the same id: file_size 1048576 -> 4194304"), o.out());
    }

    @Test
    void readsNowServedFromThePageCacheFail() throws IOException {
        baseline.scenario("s").rounds(BASE).set(Columns.PAGE_CACHE_PAGES, "0").write();
        candidate.scenario("s").rounds(scaled(AA, 0.3)).set(Columns.PAGE_CACHE_PAGES, "64").write();

        Outcome o = compare();

        assertEquals(ExitCode.NOT_SAME, o.exitCode(), o.out());
        assertTrue(o.out().contains("page_cache_pages_after 0 -> 64 (reads now served buffered)"), o.out());
    }

    @Test
    void buffersNotAsTheirPatternAskedAreAFinding() throws IOException {
        baseline.scenario("s").rounds(BASE).write();
        candidate.scenario("s").rounds(AA).set(Columns.PATTERN_MISMATCHES, "3").write();
        assertEquals(ExitCode.FINDINGS, compare().exitCode());
    }

    @Test
    void theHeaderListsEveryEnvironmentDifference() throws IOException {
        candidate = RunDirectory.create(tmp.resolve("cand2"), "6.19.1", "vm");
        baseline.scenario("s").rounds(BASE).write();
        candidate.scenario("s").rounds(AA).write();

        Outcome o = compare();

        assertTrue(o.out().contains("environment differences (1):\n  kernel: 6.18.44 -> 6.19.1\n"), o.out());
    }

    @Test
    void theHeaderSaysWhenTheRunsSawDifferentLoads() throws IOException {
        baseline.scenario("s").rounds(BASE).load(0.4).write();
        candidate.scenario("s").rounds(scaled(AA, 1.3)).load(6.2).write();

        Outcome o = compare();

        assertTrue(o.out().contains("machine load (1-minute load average as each fork ended, mean): baseline 0.4, candidate 6.2\n"
                + "  the runs saw different loads from other work"), o.out());
    }

    @Test
    void roundsMissingFromARunAreBadInputInOneLine() throws IOException {
        baseline.scenario("s").rounds(BASE).write();
        candidate.scenario("s").rounds(AA).set(Columns.ROUNDS, "6").write();

        Outcome o = compare();

        assertEquals(ExitCode.BAD_INPUT, o.exitCode());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("rounds.csv has 5 round(s) of s where scenarios.csv says 6: rounds are missing"), o.err());
    }

    @Test
    void aTruncatedRoundsFileIsBadInputInOneLine() throws IOException {
        baseline.scenario("s").rounds(BASE).write();
        candidate.scenario("s").rounds(AA).write();
        Path rounds = candidate.path().resolve(RoundsCsv.FILE);
        String text = Files.readString(rounds);
        Files.writeString(rounds, text.substring(0, text.length() - 12));

        Outcome o = compare();

        assertEquals(ExitCode.BAD_INPUT, o.exitCode());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains(rounds.toString()), o.err());
    }

    @Test
    void exportsCarryIntervalsDirectionsAndOneTestCasePerScenario() throws IOException {
        baseline.scenario("slow").rounds(BASE).write();
        baseline.scenario("same").rounds(BASE).write();
        candidate.scenario("slow").rounds(scaled(AA, 1.3)).write();
        candidate.scenario("same").rounds(AA).write();
        Path exports = tmp.resolve("exports");

        assertEquals(ExitCode.REGRESSION, compare("--export-dir", exports.toString()).exitCode());

        ObjectMapper json = new ObjectMapper();
        JsonNode bmf = json.readTree(exports.resolve("bmf.json").toFile());
        JsonNode change = bmf.get("slow").get("e2e-p50-ns-change");
        assertTrue(change.get("lower_value").asDouble() > 1.1, change.toString());
        assertTrue(change.get("value").asDouble() <= change.get("upper_value").asDouble());
        JsonNode bigger = json.readTree(exports.resolve("github-action-benchmark-bigger.json").toFile());
        assertTrue(bigger.size() > 0);
        for (JsonNode entry : bigger) {
            assertTrue(entry.get("name").asText().contains("reads_per_s"), entry.toString());
        }
        JsonNode smaller = json.readTree(exports.resolve("github-action-benchmark-smaller.json").toFile());
        for (JsonNode entry : smaller) {
            assertFalse(entry.get("name").asText().contains("reads_per_s"), entry.toString());
        }
        String junit = Files.readString(exports.resolve("junit.xml"));
        assertTrue(junit.contains("tests=\"2\"") && junit.contains("failures=\"1\""), junit);
        assertTrue(junit.contains("REGRESSION e2e_p50_ns +3"), junit);
    }

    static List<String> lines(String s) {
        return s.lines().toList();
    }
}
