package uringdio.stats.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import uringdio.stats.Direction;
import uringdio.stats.GateRule;
import uringdio.stats.GateVerdict;
import uringdio.stats.MinimumDetectableEffect;

/**
 * What the gate promises with realistic noise (4% per round) and 6 rounds a run, at the default
 * 10% threshold: no false alarms from noise, at most one in 40 for a change right at the
 * threshold, and a 25% slowdown caught nine times in ten (two in three when one round in ten is
 * an outlier). A 15% slowdown is only half a threshold beyond it, which
 * 6 rounds cannot see reliably; the test says so and finds the rounds that can.
 */
class GateHonestyTest {

    private static final int ROUNDS = 6;

    private static double rate(NoiseModel noise, long seed, Direction direction, double trueRatio, GateVerdict verdict) {
        double rate = new GateSimulation(noise, seed)
                .verdictRate(GateRule.DEFAULT, direction, ROUNDS, trueRatio, verdict, Coverage.TRIALS);
        System.out.printf("gate 10%%, %s, %s, true ratio %.3f, %d rounds: %s in %.1f%%%n",
                noise, direction, trueRatio, ROUNDS, verdict, rate * 100);
        return rate;
    }

    @Test
    void noChangeIsNotARegression() {
        assertTrue(rate(new LogNormalNoise(0.04), 8000, Direction.SMALLER_IS_BETTER, 1, GateVerdict.REGRESSION) <= 0.025);
        assertTrue(rate(Coverage.realisticOutliers(), 8001, Direction.SMALLER_IS_BETTER, 1, GateVerdict.REGRESSION) <= 0.025);
        assertTrue(rate(Coverage.realisticOutliers(), 8002, Direction.SMALLER_IS_BETTER, 1, GateVerdict.IMPROVED) <= 0.025);
    }

    @Test
    void aChangeRightAtTheThresholdIsARegressionAtMostOneRunInForty() {
        // One tail of a 95% interval is 2.5%; 2000 trials measure it to about ±0.35%, hence 3.5%.
        assertTrue(rate(new LogNormalNoise(0.04), 8100, Direction.SMALLER_IS_BETTER, 1.10, GateVerdict.REGRESSION) <= 0.035);
        assertTrue(rate(Coverage.realisticOutliers(), 8101, Direction.SMALLER_IS_BETTER, 1.10, GateVerdict.REGRESSION) <= 0.035);
    }

    @Test
    void aQuarterSlowdownIsCaughtNineTimesInTen() {
        assertTrue(rate(new LogNormalNoise(0.04), 8200, Direction.SMALLER_IS_BETTER, 1.25, GateVerdict.REGRESSION) >= 0.90);
        assertTrue(rate(new LogNormalNoise(0.05), 8201, Direction.SMALLER_IS_BETTER, 1.25, GateVerdict.REGRESSION) >= 0.90);
    }

    @Test
    void aQuarterFewerReadsPerSecondIsCaughtAndAQuarterMoreIsNot() {
        assertTrue(rate(new LogNormalNoise(0.04), 8300, Direction.BIGGER_IS_BETTER, 1 / 1.25, GateVerdict.REGRESSION) >= 0.90);
        assertTrue(rate(new LogNormalNoise(0.04), 8301, Direction.BIGGER_IS_BETTER, 1.25, GateVerdict.REGRESSION) == 0);
        assertTrue(rate(new LogNormalNoise(0.04), 8302, Direction.BIGGER_IS_BETTER, 1.25, GateVerdict.IMPROVED) >= 0.90);
    }

    @Test
    void withOutlierRoundsAQuarterSlowdownNeedsMoreRounds() {
        // One round in ten 30% slower widens the interval: 6 rounds catch a 25% slowdown only
        // about two times in three. The claim is weaker, and stated as measured.
        assertTrue(rate(Coverage.realisticOutliers(), 8400, Direction.SMALLER_IS_BETTER, 1.25, GateVerdict.REGRESSION) >= 0.60);
        double atSixteen = new GateSimulation(Coverage.realisticOutliers(), 8401)
                .verdictRate(GateRule.DEFAULT, Direction.SMALLER_IS_BETTER, 16, 1.25, GateVerdict.REGRESSION, Coverage.TRIALS);
        System.out.printf("gate 10%%, outliers, 25%% slowdown: 16 rounds catch it in %.1f%%%n", atSixteen * 100);
        assertTrue(atSixteen >= 0.85);
    }

    @Test
    void aFifteenPercentSlowdownNeedsMoreThanSixRounds() {
        LogNormalNoise noise = new LogNormalNoise(0.04);
        double atSix = rate(noise, 8500, Direction.SMALLER_IS_BETTER, 1.15, GateVerdict.REGRESSION);
        assertTrue(atSix < 0.75, "6 rounds caught a 15% slowdown in " + atSix * 100 + "%: update the README's claim");

        int needed = MinimumDetectableEffect.betweenRuns(noise.logSpread()).roundsNeededToFlag(0.15, GateRule.DEFAULT);
        double atNeeded = new GateSimulation(noise, 8501)
                .verdictRate(GateRule.DEFAULT, Direction.SMALLER_IS_BETTER, needed, 1.15, GateVerdict.REGRESSION, Coverage.TRIALS);
        System.out.printf("gate 10%%, 15%% slowdown, log-normal 4%%: %d rounds catch it in %.1f%%%n", needed, atNeeded * 100);
        assertTrue(atNeeded >= 0.75, needed + " rounds caught a 15% slowdown in only " + atNeeded * 100 + "%");
    }
}
