package uringdio.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * How a metric of one scenario changed from a baseline run to a candidate run, as the interval of
 * candidate over baseline. Rounds are not paired across runs (they ran at other times, maybe after
 * another boot), so the two runs are two independent samples, compared on the log scale where a
 * ratio is a difference. With 5 to 10 rounds a run, a two-sample bootstrap would undercover for the
 * same reason as in {@link PairedRatio}; both methods here are t intervals.
 *
 * <p>Two methods, because round noise comes in two kinds. {@link #WELCH} is exact for log-normal
 * noise and the most powerful there; {@link #TRIMMED} gives up a little of that power to keep it
 * when one round in ten is an outlier, where an outlier's swollen variance makes Welch's interval
 * wide (and conservative: it does not raise false alarms, it misses regressions). Both keep 95%
 * coverage under either noise in {@code AaCoverageTest}; {@code GateHonestyTest} measures their
 * power. WELCH is the default: it is what {@link MinimumDetectableEffect} assumes.
 */
public enum RunChange {

    /**
     * Ratio of geometric means with Welch's t interval on the logs:
     * {@code exp(Δ ± t(0.975, ν) · √(s_b²/n_b + s_c²/n_c))}, Δ the difference of mean logs and ν
     * the Welch–Satterthwaite degrees of freedom. Welch and not the pooled t, because one run is
     * often noisier than the other.
     */
    WELCH("Welch t on log values") {
        @Override
        RatioInterval interval(double[] baselineLogs, double[] candidateLogs) {
            SummaryStatistics b = statistics(baselineLogs);
            SummaryStatistics c = statistics(candidateLogs);
            return between(c.getMean() - b.getMean(),
                    new SquaredError(b.getVariance() / b.getN(), b.getN() - 1),
                    new SquaredError(c.getVariance() / c.getN(), c.getN() - 1),
                    (int) Math.min(b.getN(), c.getN()));
        }
    },

    /**
     * Ratio of 20%-trimmed means of the logs with Yuen's interval: Welch's construction on trimmed
     * means, with winsorized variances for their standard errors. With 5 to 9 rounds it sets the
     * slowest and the fastest round of each run aside (below 5 rounds it trims nothing and is
     * Welch). Commons-math3 has no trimmed mean or winsorized variance, hence the few lines below.
     */
    TRIMMED("Yuen 20%-trimmed t on log values") {
        @Override
        RatioInterval interval(double[] baselineLogs, double[] candidateLogs) {
            Trimmed b = new Trimmed(baselineLogs);
            Trimmed c = new Trimmed(candidateLogs);
            return between(c.mean - b.mean, b.squaredError(), c.squaredError(), Math.min(baselineLogs.length, candidateLogs.length));
        }
    };

    private final String method;

    RunChange(String method) {
        this.method = method;
    }

    /** What {@link RatioInterval#method()} says of an interval of this kind. */
    public String method() {
        return method;
    }

    /** Candidate over baseline of one metric, from each run's per-round values (at least 2 each, positive). */
    public RatioInterval of(double[] baseline, double[] candidate) {
        LogSample.requireRounds("the baseline", baseline);
        LogSample.requireRounds("the candidate", candidate);
        return interval(logsOf("baseline rounds", baseline), logsOf("candidate rounds", candidate));
    }

    abstract RatioInterval interval(double[] baselineLogs, double[] candidateLogs);

    /** A squared standard error of a mean log and the degrees of freedom of its variance. */
    record SquaredError(double value, double degreesOfFreedom) {
    }

    /**
     * Welch–Satterthwaite: between the smaller run's degrees of freedom (one run holds all the
     * noise) and their sum (equal spreads).
     */
    static double welchDegreesOfFreedom(SquaredError b, SquaredError c) {
        double sum = b.value() + c.value();
        return sum * sum / (b.value() * b.value() / b.degreesOfFreedom() + c.value() * c.value() / c.degreesOfFreedom());
    }

    final RatioInterval between(double difference, SquaredError b, SquaredError c, int rounds) {
        double standardError = Math.sqrt(b.value() + c.value());
        double halfWidth = standardError == 0 ? 0 : LogSample.tQuantile(0.975, welchDegreesOfFreedom(b, c)) * standardError;
        return new RatioInterval(Math.exp(difference), Math.exp(difference - halfWidth), Math.exp(difference + halfWidth), rounds, method);
    }

    private static double[] logsOf(String what, double[] values) {
        LogSample.logs(what, values);
        return Arrays.stream(values).map(Math::log).toArray();
    }

    static SummaryStatistics statistics(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        Arrays.stream(values).forEach(s::addValue);
        return s;
    }

    /** One run's logs, 20% trimmed: g = ⌊0.2 n⌋ rounds set aside at each end, h = n - 2g kept. */
    private static final class Trimmed {
        private final double mean;
        private final double winsorizedVariance;
        private final int n;
        private final int kept;

        Trimmed(double[] logs) {
            double[] sorted = logs.clone();
            Arrays.sort(sorted);
            n = sorted.length;
            int g = (int) Math.floor(0.2 * n);
            kept = n - 2 * g;
            mean = Arrays.stream(sorted, g, n - g).average().orElseThrow();
            // Winsorized: the trimmed rounds count as the nearest kept one, not as absent.
            double[] winsorized = sorted.clone();
            Arrays.fill(winsorized, 0, g, sorted[g]);
            Arrays.fill(winsorized, n - g, n, sorted[n - g - 1]);
            winsorizedVariance = statistics(winsorized).getVariance();
        }

        /** Yuen's squared standard error of the trimmed mean, (n-1) s_w² / (h (h-1)), on h - 1 degrees of freedom. */
        SquaredError squaredError() {
            return new SquaredError((n - 1) * winsorizedVariance / ((double) kept * (kept - 1)), kept - 1);
        }
    }
}
