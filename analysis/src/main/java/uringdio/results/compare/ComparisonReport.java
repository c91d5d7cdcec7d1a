package uringdio.results.compare;

import java.util.List;
import uringdio.cli.ExitCode;

/**
 * Everything one comparison found: each metric of each scenario both runs have, the scenarios
 * only one run has, and the findings of each run. Only the candidate's findings fail it; the
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
        List<ScenarioFindings> baselineFindings) {

    public List<MetricComparison> withVerdict(Verdict verdict) {
        return comparisons.stream().filter(c -> c.verdict() == verdict).toList();
    }

    /** Findings first, then regressions: see {@link ExitCode}. */
    public int exitCode() {
        if (!candidateFindings.isEmpty()) {
            return ExitCode.FINDINGS;
        }
        if (!withVerdict(Verdict.REGRESSION).isEmpty()) {
            return ExitCode.REGRESSION;
        }
        return ExitCode.OK;
    }
}
