package uringdio.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GateRuleTest {

    private static RatioInterval interval(double ratio, double lower, double upper) {
        return new RatioInterval(ratio, lower, upper, 6, "test");
    }

    @Test
    void aLatencyRegressionIsAWholeIntervalBeyondTheThreshold() {
        assertEquals(GateVerdict.REGRESSION, GateRule.DEFAULT.judge(interval(1.25, 1.15, 1.35), Direction.SMALLER_IS_BETTER));
        assertEquals(GateVerdict.NO_CHANGE, GateRule.DEFAULT.judge(interval(1.25, 1.05, 1.45), Direction.SMALLER_IS_BETTER),
                "a large but noisy change is not called");
        assertEquals(GateVerdict.NO_CHANGE, GateRule.DEFAULT.judge(interval(1.05, 1.03, 1.07), Direction.SMALLER_IS_BETTER),
                "a real change within the threshold is not called");
    }

    @Test
    void exactlyAtTheThresholdIsNotBeyondIt() {
        // Exactly 10% worse with no noise at all: the interval is the point 1.1 (computed through
        // logs, so perhaps 1.1000000000000003), which is at the threshold, not beyond it.
        RatioInterval atThreshold = RunChange.WELCH.of(new double[] {100, 100, 100}, new double[] {110, 110, 110});
        assertEquals(GateVerdict.NO_CHANGE, GateRule.DEFAULT.judge(atThreshold, Direction.SMALLER_IS_BETTER));
        assertEquals(GateVerdict.NO_CHANGE, GateRule.DEFAULT.judge(interval(1.1, 1.1, 1.1), Direction.SMALLER_IS_BETTER));
        assertEquals(GateVerdict.NO_CHANGE, GateRule.DEFAULT.judge(interval(1.12, 1.1, 1.14), Direction.SMALLER_IS_BETTER));
        assertEquals(GateVerdict.REGRESSION, GateRule.DEFAULT.judge(interval(1.12, 1.1000001, 1.14), Direction.SMALLER_IS_BETTER));
    }

    @Test
    void readsPerSecondAreWorseWhenTheyFall() {
        // Reads/s down to 1/1.25: each read costs 25% more.
        assertEquals(GateVerdict.REGRESSION, GateRule.DEFAULT.judge(interval(0.8, 0.75, 0.86), Direction.BIGGER_IS_BETTER));
        assertEquals(GateVerdict.IMPROVED, GateRule.DEFAULT.judge(interval(0.8, 0.75, 0.86), Direction.SMALLER_IS_BETTER));
        assertEquals(GateVerdict.IMPROVED, GateRule.DEFAULT.judge(interval(1.25, 1.15, 1.35), Direction.BIGGER_IS_BETTER));
    }

    @Test
    void improvementMirrorsTheThresholdOnTheLogScale() {
        double limit = 1 / 1.1;
        assertEquals(GateVerdict.NO_CHANGE, GateRule.DEFAULT.judge(interval(0.88, 0.86, limit), Direction.SMALLER_IS_BETTER));
        assertEquals(GateVerdict.IMPROVED, GateRule.DEFAULT.judge(interval(0.88, 0.86, limit - 1e-6), Direction.SMALLER_IS_BETTER));
        assertEquals(GateVerdict.NO_CHANGE, GateRule.DEFAULT.judge(interval(0.88, 0.86, 0.92), Direction.SMALLER_IS_BETTER),
                "10% lower latency is not yet 10% less cost on the mirrored scale");
    }

    @Test
    void aZeroThresholdCallsAnyIntervalThatExcludesOne() {
        GateRule strict = new GateRule(0);
        assertEquals(GateVerdict.REGRESSION, strict.judge(interval(1.02, 1.01, 1.03), Direction.SMALLER_IS_BETTER));
        assertEquals(GateVerdict.NO_CHANGE, strict.judge(interval(1.02, 0.99, 1.03), Direction.SMALLER_IS_BETTER));
    }

    @Test
    void rejectsANegativeOrMissingThreshold() {
        assertThrows(IllegalArgumentException.class, () -> new GateRule(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new GateRule(Double.NaN));
    }
}
