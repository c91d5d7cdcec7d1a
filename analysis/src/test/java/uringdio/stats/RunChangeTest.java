package uringdio.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

class RunChangeTest {

    /** t(0.975, 4), from a table of Student's t. */
    private static final double T_4 = 2.7764;

    @Test
    void isTheRatioOfGeometricMeansWithAWelchIntervalOnLogs() {
        // Logs 0, 0.1, 0.2 against 0.4, 0.5, 0.6: equal variances 0.01, so Welch's df is 4.
        double[] baseline = {Math.exp(0), Math.exp(0.1), Math.exp(0.2)};
        double[] candidate = {Math.exp(0.4), Math.exp(0.5), Math.exp(0.6)};
        RatioInterval interval = RunChange.of(baseline, candidate);
        double halfWidth = T_4 * Math.sqrt(0.01 / 3 + 0.01 / 3);
        assertEquals(Math.exp(0.4), interval.ratio(), 1e-9);
        assertEquals(Math.exp(0.4 - halfWidth), interval.lower(), 1e-4);
        assertEquals(Math.exp(0.4 + halfWidth), interval.upper(), 1e-4);
        assertEquals(RunChange.METHOD, interval.method());
    }

    @Test
    void welchDegreesOfFreedomLieBetweenTheSmallerRunAndThePooledCount() {
        SummaryStatistics quiet = stats(0, 0.01, 0.02, 0.01, 0);
        SummaryStatistics noisy = stats(0, 0.3, -0.2, 0.4, 0.1, -0.3, 0.2);
        double df = RunChange.welchDegreesOfFreedom(quiet, noisy);
        assertEquals(6, df, 0.5, "nearly all the noise is in the 7-round run");
        assertEquals(4, RunChange.welchDegreesOfFreedom(stats(0, 0.1, 0.2), stats(0.4, 0.5, 0.6)), 1e-9);
    }

    @Test
    void unequalRoundCountsAreAllowedAndTheSmallerIsReported() {
        assertEquals(3, RunChange.of(new double[] {1, 1.1, 0.9}, new double[] {1, 1.1, 0.9, 1.05, 0.95}).rounds());
    }

    @Test
    void twoRunsWithoutSpreadGiveAPointInterval() {
        RatioInterval interval = RunChange.of(new double[] {10, 10}, new double[] {12, 12});
        assertEquals(1.2, interval.lower(), 1e-12);
        assertEquals(1.2, interval.upper(), 1e-12);
    }

    @Test
    void rejectsASingleRoundAndNonPositiveValues() {
        assertThrows(IllegalArgumentException.class, () -> RunChange.of(new double[] {1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> RunChange.of(new double[] {1, 2}, new double[] {0, 2}));
        assertThrows(IllegalArgumentException.class, () -> RunChange.of(new double[] {1, Double.NaN}, new double[] {1, 2}));
    }

    private static SummaryStatistics stats(double... values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        return s;
    }
}
