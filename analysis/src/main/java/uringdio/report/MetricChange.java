package uringdio.report;

import java.util.Optional;
import uringdio.stats.GateRule;
import uringdio.stats.GateVerdict;
import uringdio.stats.RatioInterval;
import uringdio.stats.RunChange;

/**
 * One metric of one scenario from a baseline run to a candidate run: candidate over baseline,
 * with Welch's interval over the two runs' rounds when both have them, and the gate's verdict
 * on that interval. Rounds come from rounds.csv, else from the .hlog's iterations (for a
 * latency percentile); without either there is a plain ratio and no verdict, and the page says so.
 */
record MetricChange(ComparedMetric metric, double ratio, Optional<RatioInterval> interval, String source,
                    Optional<GateVerdict> verdict) {

    static MetricChange of(ComparedMetric metric, String scenario, RunData base, RunData cand, GateRule rule) {
        double b = Numbers.of(base.row(scenario).get(metric.column));
        double c = Numbers.of(cand.row(scenario).get(metric.column));
        double plain = b > 0 ? c / b : Double.NaN;
        double[] baseRounds = Rounds.values(base, scenario, metric.column);
        double[] candRounds = Rounds.values(cand, scenario, metric.column);
        String source = "rounds.csv";
        if ((baseRounds.length < 2 || candRounds.length < 2) && metric.percentile().isPresent()
                && base.latencies.containsKey(scenario) && cand.latencies.containsKey(scenario)) {
            baseRounds = base.latencies.get(scenario).iterationValues(metric.percentile().get());
            candRounds = cand.latencies.get(scenario).iterationValues(metric.percentile().get());
            source = ".hlog iterations";
        }
        if (baseRounds.length >= 2 && candRounds.length >= 2) {
            try {
                RatioInterval i = RunChange.WELCH.of(baseRounds, candRounds);
                return new MetricChange(metric, i.ratio(), Optional.of(i), source + ", " + i.method(),
                        Optional.of(rule.judge(i, metric.direction)));
            } catch (IllegalArgumentException e) {
                // A round of zero reads/s (every read refused) has no logarithm: a plain ratio is all there is.
            }
        }
        return new MetricChange(metric, plain, Optional.empty(), "no rounds in both runs: plain ratio, not gated",
                Optional.empty());
    }

    /** "+25% [+20%, +30%]" or "+25% (no interval)". */
    String format() {
        if (interval.isPresent()) {
            return interval.get().formatPercent();
        }
        return Double.isNaN(ratio) ? "-" : String.format(java.util.Locale.ROOT, "%+.1f%% (no interval)", (ratio - 1) * 100);
    }

    boolean regressed() {
        return verdict.filter(v -> v == GateVerdict.REGRESSION).isPresent();
    }
}
