package uringdio.results.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uringdio.cli.BadInputException;
import uringdio.cli.ExitCode;
import uringdio.results.Columns;

class RunComparisonTest {

    private static final RegressionThreshold TEN_PERCENT = RegressionThreshold.parse("10%");
    private static final List<Metric> DEFAULT_METRICS =
            List.of(Metric.named("e2e_p50_ns"), Metric.named("e2e_p99_ns"), Metric.named("reads_per_s"));

    @TempDir
    Path tmp;

    private RunDirectory baseline;
    private RunDirectory candidate;

    @BeforeEach
    void createRuns() throws IOException {
        baseline = RunDirectory.create(tmp.resolve("base"), "6.17.0", "vm-a");
        candidate = RunDirectory.create(tmp.resolve("cand"), "6.18.44", "vm-b");
    }

    private ComparisonReport compare(boolean ratioOnly, List<Metric> metrics) {
        return new RunComparison(new ComparisonRule(TEN_PERCENT, ratioOnly), metrics)
                .compare(RunResults.load("baseline", baseline.path()), RunResults.load("candidate", candidate.path()));
    }

    private ComparisonReport compare() {
        return compare(false, DEFAULT_METRICS);
    }

    private static MetricComparison find(ComparisonReport report, String scenario, String metric) {
        return report.comparisons().stream()
                .filter(c -> c.scenario().equals(scenario) && c.metric().column().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError("no comparison of " + metric + " in " + scenario));
    }

    @Test
    void matchesScenariosByNameWhateverTheirOrderInTheFile() throws IOException {
        baseline.scenario("btrfs-4k").readsPerSecond(1000).write();
        baseline.scenario("ext4-4k").readsPerSecond(3000).write();
        candidate.scenario("ext4-4k").readsPerSecond(3000).write();
        candidate.scenario("btrfs-4k").readsPerSecond(1000).write();

        ComparisonReport report = compare(false, List.of(Metric.named("reads_per_s")));

        assertEquals(List.of("btrfs-4k", "ext4-4k"), report.comparisons().stream().map(MetricComparison::scenario).toList(),
                "in the baseline's order");
        assertEquals(1000, find(report, "btrfs-4k", "reads_per_s").candidate().getAsDouble());
        assertEquals(3000, find(report, "ext4-4k", "reads_per_s").candidate().getAsDouble());
        assertEquals(ExitCode.OK, report.exitCode());
    }

    @Test
    void ratioIsCandidateOverBaseline() throws IOException {
        baseline.scenario("s").readsPerSecond(1000).e2eIterations(100_000).write();
        candidate.scenario("s").readsPerSecond(1250).e2eIterations(50_000).write();

        ComparisonReport report = compare();

        assertEquals(1.25, find(report, "s", "reads_per_s").ratio().getAsDouble(), 1e-12);
        assertEquals(0.5, find(report, "s", "e2e_p50_ns").ratio().getAsDouble(), 1e-3);
        assertEquals(Verdict.IMPROVED, find(report, "s", "reads_per_s").verdict(), "throughput up is better");
        assertEquals(Verdict.IMPROVED, find(report, "s", "e2e_p50_ns").verdict(), "latency down is better");
    }

    @Test
    void latencyUpBeyondTheThresholdIsARegression() throws IOException {
        baseline.scenario("s").e2eIterations(100_000, 100_000, 100_000).write();
        candidate.scenario("s").e2eIterations(150_000, 150_000, 150_000).write();

        ComparisonReport report = compare();

        assertEquals(Verdict.REGRESSION, find(report, "s", "e2e_p50_ns").verdict());
        assertEquals(Verdict.REGRESSION, find(report, "s", "e2e_p99_ns").verdict());
        assertEquals(ExitCode.REGRESSION, report.exitCode());
    }

    @Test
    void throughputDownBeyondTheThresholdIsARegression() throws IOException {
        baseline.scenario("slower").readsPerSecond(1000).write();
        candidate.scenario("slower").readsPerSecond(850).write();
        baseline.scenario("a-bit-slower").readsPerSecond(1000).write();
        candidate.scenario("a-bit-slower").readsPerSecond(950).write();

        ComparisonReport report = compare(false, List.of(Metric.named("reads_per_s")));

        assertEquals(Verdict.REGRESSION, find(report, "slower", "reads_per_s").verdict());
        assertEquals(Verdict.OK, find(report, "a-bit-slower", "reads_per_s").verdict());
        assertEquals(ExitCode.REGRESSION, report.exitCode());
    }

    @Test
    void exactlyTheThresholdIsNotBeyondIt() throws IOException {
        baseline.scenario("s").readsPerSecond(1000).write();
        candidate.scenario("s").readsPerSecond(900).write();

        ComparisonReport report = compare(false, List.of(Metric.named("reads_per_s")));

        assertEquals(Verdict.OK, find(report, "s", "reads_per_s").verdict());
        assertEquals(ExitCode.OK, report.exitCode());
    }

    @Test
    void aCandidateWithinTheBaselinesIterationSpreadIsNoise() throws IOException {
        // One slow baseline iteration: the candidate is 20% slower over the whole run,
        // but its typical iteration is faster than the baseline's worst one.
        baseline.scenario("s").e2eIterations(100_000, 100_000, 150_000).write();
        candidate.scenario("s").e2eIterations(120_000, 120_000, 120_000).write();

        MetricComparison p50 = find(compare(), "s", "e2e_p50_ns");

        assertTrue(p50.ratio().getAsDouble() > 1.15, "whole-run p50 is well beyond the threshold: " + p50.ratio());
        assertEquals(Verdict.WITHIN_NOISE, p50.verdict());
        assertEquals(3, p50.baselineIterations().orElseThrow().iterations());
        assertTrue(p50.note().contains("baseline worst iteration"), p50.note());
    }

    @Test
    void aCandidateBeyondTheBaselinesWorstIterationIsARegression() throws IOException {
        baseline.scenario("s").e2eIterations(100_000, 100_000, 150_000).write();
        candidate.scenario("s").e2eIterations(200_000, 120_000, 200_000).write();

        ComparisonReport report = compare();

        assertEquals(Verdict.REGRESSION, find(report, "s", "e2e_p50_ns").verdict());
        assertEquals(ExitCode.REGRESSION, report.exitCode());
    }

    @Test
    void ratioOnlyIgnoresTheIterations() throws IOException {
        baseline.scenario("s").e2eIterations(100_000, 100_000, 150_000).write();
        candidate.scenario("s").e2eIterations(120_000, 120_000, 120_000).write();

        MetricComparison p50 = find(compare(true, DEFAULT_METRICS), "s", "e2e_p50_ns");

        assertEquals(Verdict.REGRESSION, p50.verdict());
        assertTrue(p50.baselineIterations().isEmpty());
    }

    @Test
    void withoutAnHlogInBothRunsTheWholeRunValuesDecide() throws IOException {
        baseline.scenario("s").e2eIterations(100_000, 100_000, 150_000).write();
        candidate.scenario("s").e2eIterations(120_000, 120_000, 120_000).withoutHlog().write();

        MetricComparison p50 = find(compare(), "s", "e2e_p50_ns");

        assertEquals(Verdict.REGRESSION, p50.verdict());
        assertTrue(p50.note().contains("whole-run values only"), p50.note());
    }

    @Test
    void listsTheScenariosOnlyOneRunHas() throws IOException {
        baseline.scenario("both").write();
        baseline.scenario("dropped").write();
        candidate.scenario("both").write();
        candidate.scenario("added").write();

        ComparisonReport report = compare();

        assertEquals(List.of("dropped"), report.onlyInBaseline());
        assertEquals(List.of("added"), report.onlyInCandidate());
        assertTrue(report.comparisons().stream().allMatch(c -> c.scenario().equals("both")));
        assertEquals(ExitCode.NOT_SAME, report.exitCode(), "a scenario missing in the candidate fails");
    }

    @Test
    void findingsInTheCandidateFailAheadOfRegressions() throws IOException {
        baseline.scenario("s").readsPerSecond(1000).write();
        candidate.scenario("s").readsPerSecond(500).set(Columns.SHORT_READS, "2").set(Columns.FINDINGS, "2").write();

        ComparisonReport report = compare();

        assertEquals(1, report.candidateFindings().size());
        assertEquals(2L, report.candidateFindings().get(0).countsByColumn().get(Columns.SHORT_READS));
        assertFalse(report.withVerdict(Verdict.REGRESSION).isEmpty());
        assertEquals(ExitCode.FINDINGS, report.exitCode());
    }

    @Test
    void everyCorrectnessColumnIsAFinding() throws IOException {
        for (String column : ScenarioFindings.COLUMNS) {
            baseline.scenario(column).write();
            candidate.scenario(column).set(column, "1").write();
        }

        ComparisonReport report = compare();

        assertEquals(ScenarioFindings.COLUMNS, report.candidateFindings().stream().map(ScenarioFindings::scenario).toList());
    }

    @Test
    void findingsInACandidateOnlyScenarioStillFail() throws IOException {
        baseline.scenario("s").write();
        candidate.scenario("s").write();
        candidate.scenario("new").set(Columns.DATA_MISMATCHES, "1").write();

        assertEquals(ExitCode.FINDINGS, compare().exitCode());
    }

    @Test
    void findingsOnlyInTheBaselineAreReportedButDoNotFail() throws IOException {
        baseline.scenario("s").set(Columns.ERRORS, "3").write();
        candidate.scenario("s").write();

        ComparisonReport report = compare();

        assertEquals(1, report.baselineFindings().size());
        assertTrue(report.candidateFindings().isEmpty());
        assertEquals(ExitCode.OK, report.exitCode());
    }

    @Test
    void eagainAloneIsNotAFinding() throws IOException {
        baseline.scenario("s").write();
        candidate.scenario("s").set(Columns.EAGAIN, "40").write();

        assertTrue(compare().candidateFindings().isEmpty(), "RWF_NOWAIT reads are meant to see -EAGAIN");
    }

    @Test
    void aMissingValueOrAZeroBaselineIsNotComparable() throws IOException {
        baseline.scenario("blank").write();
        candidate.scenario("blank").e2eIterations(100_000).write();
        baseline.scenario("zero").readsPerSecond(0).write();
        candidate.scenario("zero").readsPerSecond(10).write();

        ComparisonReport report = compare();

        assertEquals(Verdict.NOT_COMPARABLE, find(report, "blank", "e2e_p50_ns").verdict());
        assertEquals(Verdict.NOT_COMPARABLE, find(report, "zero", "reads_per_s").verdict());
        assertTrue(find(report, "zero", "reads_per_s").ratio().isEmpty());
        assertEquals(ExitCode.OK, report.exitCode());
    }

    @Test
    void runsWithNoScenarioInCommonAreBadInput() throws IOException {
        baseline.scenario("a").write();
        candidate.scenario("b").write();

        BadInputException e = assertThrows(BadInputException.class, this::compare);
        assertTrue(e.getMessage().contains("no scenario in common"), e.getMessage());
    }

    @Test
    void aValueThatIsNotANumberIsBadInput() throws IOException {
        baseline.scenario("s").set(Columns.READS_PER_SECOND, "fast").write();
        candidate.scenario("s").write();

        BadInputException e = assertThrows(BadInputException.class, this::compare);
        assertTrue(e.getMessage().contains("'fast' is not a number"), e.getMessage());
    }
}
