package uringdio.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Per-round values on the log scale, where a ratio is a difference and the multiplicative noise
 * of latencies and rates is close to symmetric. Every interval here is built from these.
 */
final class LogSample {

    private LogSample() {
    }

    /** Mean and variance of {@code ln(values)}; rejects values a log cannot take. */
    static SummaryStatistics logs(String what, double[] values) {
        SummaryStatistics logs = new SummaryStatistics();
        for (double v : values) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(what + " must be positive and finite, not " + v);
            }
            logs.addValue(Math.log(v));
        }
        return logs;
    }

    /**
     * {@code scenario[i] / control[i]} for every round i, once both are known to be positive:
     * 0/0 or a pair of negatives would otherwise pass as a ratio.
     */
    static double[] perRoundRatios(double[] scenario, double[] control) {
        if (scenario.length != control.length) {
            throw new IllegalArgumentException(
                    "paired rounds need as many scenario rounds as control rounds, not " + scenario.length + " and " + control.length);
        }
        logs("scenario rounds", scenario);
        logs("control rounds", control);
        double[] ratios = new double[scenario.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = scenario[i] / control[i];
        }
        return ratios;
    }

    /** Rejects fewer than two rounds: one round has no spread, so no interval. */
    static void requireRounds(String what, double[] values) {
        if (values.length < 2) {
            throw new IllegalArgumentException(what + " needs at least 2 rounds for an interval, not " + values.length);
        }
    }

    /** Student's t quantile at {@code probability}: {@code t(0.975, df)} bounds a two-sided 95% interval. */
    static double tQuantile(double probability, double degreesOfFreedom) {
        // No random generator: the distribution is only inverted, never sampled.
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(probability);
    }
}
