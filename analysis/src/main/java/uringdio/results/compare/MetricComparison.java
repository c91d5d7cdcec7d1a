package uringdio.results.compare;

import java.util.Optional;
import java.util.OptionalDouble;
import uringdio.stats.RatioInterval;

/**
 * One metric of one scenario in both runs: the whole-run values, their ratio (candidate over
 * baseline), the iteration spreads when both .hlog files had them, the 95% interval of the ratio
 * over both runs' rounds when both had them, and the verdict.
 * {@code note} says why the verdict is what it is when the numbers alone do not show it.
 */
public record MetricComparison(
        String scenario,
        Metric metric,
        OptionalDouble baseline,
        OptionalDouble candidate,
        OptionalDouble ratio,
        Optional<IterationSpread> baselineIterations,
        Optional<IterationSpread> candidateIterations,
        Verdict verdict,
        String note,
        Optional<RatioInterval> interval) {
}
