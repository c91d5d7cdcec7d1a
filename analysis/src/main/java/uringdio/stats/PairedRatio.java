package uringdio.stats;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Scenario against its control within one run, paired by round: round i of the scenario and round
 * i of its control ran next to each other (A B A B ...), so whatever slowed the machine in that
 * round slowed both, and their ratio cancels it.
 *
 * <p>The estimate is the geometric mean of the per-round ratios, with a Student t interval on
 * their logarithms: {@code exp(mean ± t(0.975, n-1) · sd / √n)} of {@code ln(scenario_i /
 * control_i)}. Why this and not a bootstrap: profiles measure 5 to 10 rounds, and a percentile
 * bootstrap over so few rounds undercovers (its interval is the resampled spread, about
 * {@code √((n-1)/n)} too narrow and with a normal rather than a t quantile: 86% for 6 rounds in
 * {@code WithinRunPowerTest}),
 * while BCa and studentized bootstraps need more rounds than we have to estimate their own
 * corrections. The t interval on log ratios is exact when the noise is log-normal, which per-round
 * latencies and rates are close to, and stays conservative for symmetric heavier tails: in an A/A
 * comparison the two sides share one noise law, so a log ratio is symmetric even when each side is
 * skewed. {@code AaCoverageTest} measures the coverage that this argument promises.
 */
public final class PairedRatio {

    public static final String METHOD = "paired t on log ratios";

    private PairedRatio() {
    }

    /** Scenario over control, paired by round; {@code scenario[i]} and {@code control[i]} ran in round i. */
    public static RatioInterval of(double[] scenario, double[] control) {
        double[] ratios = LogSample.perRoundRatios(scenario, control);
        LogSample.requireRounds("a paired ratio", ratios);
        SummaryStatistics logRatios = LogSample.logs("per-round ratios", ratios);
        int n = ratios.length;
        double halfWidth = LogSample.tQuantile(0.975, n - 1) * logRatios.getStandardDeviation() / Math.sqrt(n);
        double mean = logRatios.getMean();
        return new RatioInterval(Math.exp(mean), Math.exp(mean - halfWidth), Math.exp(mean + halfWidth), n, METHOD);
    }
}
