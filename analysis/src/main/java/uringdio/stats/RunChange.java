package uringdio.stats;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * How a metric of one scenario changed from a baseline run to a candidate run. Rounds are not
 * paired across runs (they ran at other times, maybe after another boot), so the two runs are two
 * independent samples.
 *
 * <p>The estimate is the ratio of geometric means, candidate over baseline, with Welch's t interval
 * on the logarithms: {@code exp(Δ ± t(0.975, ν) · √(s_b²/n_b + s_c²/n_c))} where Δ is the
 * difference of mean logs and ν the Welch–Satterthwaite degrees of freedom. Why: it is exact for
 * log-normal noise with equal spreads, nearly so when one run was noisier than the other (which
 * is why Welch and not the pooled t), needs no resampling, and with 5 to 10 rounds a side a
 * two-sample bootstrap would undercover for the same reason as in {@link PairedRatio}. Under A/A
 * both runs share one noise law, so the difference of their mean logs is symmetric even when the
 * noise is skewed, and the interval keeps its coverage; {@code AaCoverageTest} measures it.
 */
public final class RunChange {

    public static final String METHOD = "Welch t on log values";

    private RunChange() {
    }

    /** Candidate over baseline of one metric, from each run's per-round values. */
    public static RatioInterval of(double[] baseline, double[] candidate) {
        LogSample.requireRounds("the baseline", baseline);
        LogSample.requireRounds("the candidate", candidate);
        SummaryStatistics b = LogSample.logs("baseline rounds", baseline);
        SummaryStatistics c = LogSample.logs("candidate rounds", candidate);
        double vb = b.getVariance() / b.getN();
        double vc = c.getVariance() / c.getN();
        double standardError = Math.sqrt(vb + vc);
        double difference = c.getMean() - b.getMean();
        double halfWidth = standardError == 0 ? 0 : LogSample.tQuantile(0.975, welchDegreesOfFreedom(b, c)) * standardError;
        int rounds = (int) Math.min(b.getN(), c.getN());
        return new RatioInterval(Math.exp(difference), Math.exp(difference - halfWidth), Math.exp(difference + halfWidth), rounds, METHOD);
    }

    /**
     * Welch–Satterthwaite: between the smaller run's n-1 (one run holds all the noise) and
     * n_b + n_c - 2 (equal spreads).
     */
    static double welchDegreesOfFreedom(SummaryStatistics b, SummaryStatistics c) {
        double vb = b.getVariance() / b.getN();
        double vc = c.getVariance() / c.getN();
        return (vb + vc) * (vb + vc) / (vb * vb / (b.getN() - 1) + vc * vc / (c.getN() - 1));
    }
}
