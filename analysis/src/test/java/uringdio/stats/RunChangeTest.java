package uringdio.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunChangeTest {

    /** t(0.975, 4), from a table of Student's t. */
    private static final double T_4 = 2.7764;

    @Test
    void isTheRatioOfGeometricMeansWithAWelchIntervalOnLogs() {
        // Logs 0, 0.1, 0.2 against 0.4, 0.5, 0.6: equal variances 0.01, so Welch's df is 4.
        double[] baseline = {Math.exp(0), Math.exp(0.1), Math.exp(0.2)};
        double[] candidate = {Math.exp(0.4), Math.exp(0.5), Math.exp(0.6)};
        RatioInterval interval = RunChange.WELCH.of(baseline, candidate);
        double halfWidth = T_4 * Math.sqrt(0.01 / 3 + 0.01 / 3);
        assertEquals(Math.exp(0.4), interval.ratio(), 1e-9);
        assertEquals(Math.exp(0.4 - halfWidth), interval.lower(), 1e-4);
        assertEquals(Math.exp(0.4 + halfWidth), interval.upper(), 1e-4);
        assertEquals(RunChange.WELCH.method(), interval.method());
    }

    @Test
    void welchDegreesOfFreedomLieBetweenTheSmallerRunAndTheirSum() {
        RunChange.SquaredError quiet = new RunChange.SquaredError(0.0001 / 5, 4);
        RunChange.SquaredError noisy = new RunChange.SquaredError(0.07 / 7, 6);
        assertEquals(6, RunChange.welchDegreesOfFreedom(quiet, noisy), 0.5, "nearly all the noise is in the 7-round run");
        RunChange.SquaredError same = new RunChange.SquaredError(0.01 / 3, 2);
        assertEquals(4, RunChange.welchDegreesOfFreedom(same, same), 1e-9);
    }

    @Test
    void trimmedIsYuensIntervalOnTrimmedMeansOfLogs() {
        // Five rounds: one set aside at each end (g = 1, h = 3). Logs 0..0.4 trim to a mean of 0.2,
        // winsorize to 0.1, 0.1, 0.2, 0.3, 0.3 (variance 0.01), so d = 4 · 0.01 / (3 · 2) for
        // each run, and Welch's df for two equal d on 2 each is 4.
        double[] baseline = exps(0.0, 0.1, 0.2, 0.3, 0.4);
        double[] candidate = exps(0.5, 0.6, 0.7, 0.8, 0.9);
        RatioInterval interval = RunChange.TRIMMED.of(baseline, candidate);
        double halfWidth = T_4 * Math.sqrt(2 * 4 * 0.01 / 6);
        assertEquals(Math.exp(0.5), interval.ratio(), 1e-9);
        assertEquals(Math.exp(0.5 - halfWidth), interval.lower(), 1e-4);
        assertEquals(Math.exp(0.5 + halfWidth), interval.upper(), 1e-4);
        assertEquals(RunChange.TRIMMED.method(), interval.method());
    }

    @Test
    void trimmedSetsAnOutlierRoundAsideAndWelchDoesNot() {
        double[] baseline = {100, 101, 99, 100.5, 99.5, 100};
        double[] candidate = {125, 126, 124, 125.5, 124.5, 190};
        RatioInterval trimmed = RunChange.TRIMMED.of(baseline, candidate);
        RatioInterval welch = RunChange.WELCH.of(baseline, candidate);
        assertEquals(1.25, trimmed.ratio(), 0.005);
        assertTrue(trimmed.lower() > 1.2, "one slow round does not hide a 25% change: " + trimmed);
        assertTrue(welch.lower() < 1.2, "Welch's interval swells with the outlier: " + welch);
    }

    @Test
    void belowFiveRoundsTrimmedTrimsNothingAndIsWelch() {
        double[] baseline = {100, 104, 97, 101};
        double[] candidate = {110, 113, 108, 115};
        RatioInterval trimmed = RunChange.TRIMMED.of(baseline, candidate);
        RatioInterval welch = RunChange.WELCH.of(baseline, candidate);
        assertEquals(welch.lower(), trimmed.lower(), 1e-12);
        assertEquals(welch.upper(), trimmed.upper(), 1e-12);
    }

    @Test
    void unequalRoundCountsAreAllowedAndTheSmallerIsReported() {
        assertEquals(3, RunChange.WELCH.of(new double[] {1, 1.1, 0.9}, new double[] {1, 1.1, 0.9, 1.05, 0.95}).rounds());
    }

    @Test
    void twoRunsWithoutSpreadGiveAPointInterval() {
        RatioInterval interval = RunChange.WELCH.of(new double[] {10, 10}, new double[] {12, 12});
        assertEquals(1.2, interval.lower(), 1e-12);
        assertEquals(1.2, interval.upper(), 1e-12);
    }

    @Test
    void rejectsASingleRoundAndNonPositiveValues() {
        for (RunChange method : RunChange.values()) {
            assertThrows(IllegalArgumentException.class, () -> method.of(new double[] {1}, new double[] {1, 2}));
            assertThrows(IllegalArgumentException.class, () -> method.of(new double[] {1, 2}, new double[] {0, 2}));
            assertThrows(IllegalArgumentException.class, () -> method.of(new double[] {1, Double.NaN}, new double[] {1, 2}));
        }
    }

    private static double[] exps(double... logs) {
        double[] values = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            values[i] = Math.exp(logs[i]);
        }
        return values;
    }
}
