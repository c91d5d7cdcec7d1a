package uringdio.results.compare;

import java.util.List;
import uringdio.cli.ExitCode;

/**
 * Everything one comparison found: each metric of each scenario both runs have, the scenarios
 * only one run has, the findings of each run, every environment fact that differs, and what makes
 * the candidate not measure what the baseline did ({@code notSame}: a scenario missing, other
 * settings behind one id, another read path), each a line. Only the candidate's findings fail it; the
 * baseline's are reported so nobody mistakes an old bug for a new one.
 */
public record ComparisonReport(
        RunResults baseline,
        RunResults candidate,
        ComparisonRule rule,
        List<Metric> metrics,
        List<MetricComparison> comparisons,
        List<String> onlyInBaseline,
        List<String> onlyInCandidate,
        List<ScenarioFindings> candidateFindings,
        List<ScenarioFindings> baselineFindings,
        List<String> environmentDifferences,
        List<String> notSame) {

    public List<MetricComparison> withVerdict(Verdict verdict) {
        return comparisons.stream().filter(c -> c.verdict() == verdict).toList();
    }

    /** Findings first, then runs that do not measure the same thing, then regressions: see {@link ExitCode}. */
    public int exitCode() {
        if (!candidateFindings.isEmpty()) {
            return ExitCode.FINDINGS;
        }
        if (!notSame.isEmpty()) {
            return ExitCode.NOT_SAME;
        }
        if (!withVerdict(Verdict.REGRESSION).isEmpty()) {
            return ExitCode.REGRESSION;
        }
        return ExitCode.OK;
    }
}
