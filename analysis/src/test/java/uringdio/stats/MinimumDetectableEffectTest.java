package uringdio.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import uringdio.stats.simulation.GateSimulation;
import uringdio.stats.simulation.LogNormalNoise;

class MinimumDetectableEffectTest {

    @Test
    void moreRoundsSeeSmallerChanges() {
        MinimumDetectableEffect effect = MinimumDetectableEffect.betweenRuns(0.04);
        double previous = Double.POSITIVE_INFINITY;
        for (int rounds = 2; rounds <= 40; rounds++) {
            double change = effect.detectableChange(rounds);
            assertTrue(change < previous, rounds + " rounds see no smaller a change than " + (rounds - 1));
            assertTrue(effect.halfWidth(rounds) < change, "detecting with 80% power needs more than the half-width");
            previous = change;
        }
    }

    @Test
    void roundsNeededAreTheFewestThatSeeTheChange() {
        MinimumDetectableEffect effect = MinimumDetectableEffect.betweenRuns(0.04);
        int rounds = effect.roundsNeededFor(0.03);
        assertTrue(effect.detectableChange(rounds) <= 0.03);
        assertTrue(effect.detectableChange(rounds - 1) > 0.03);
        System.out.printf("between runs, 4%% spread: %d rounds per run see a 3%% change; 6 rounds see %.1f%%%n",
                rounds, effect.detectableChange(6) * 100);
    }

    @Test
    void withinARunIsCheaperThanBetweenRuns() {
        // Same per-ratio spread: the paired interval has half the variance of two independent runs.
        assertTrue(MinimumDetectableEffect.pairedRounds(0.04).roundsNeededFor(0.03)
                < MinimumDetectableEffect.betweenRuns(0.04).roundsNeededFor(0.03));
    }

    @Test
    void theSpreadIsTheStandardDeviationOfLogs() {
        double[] rounds = {Math.exp(0.0), Math.exp(0.1), Math.exp(0.2)};
        assertEquals(0.1, MinimumDetectableEffect.betweenRuns(rounds).logSpread(), 1e-12);
        double[] control = {100, 100, 100};
        double[] scenario = {100 * Math.exp(0.0), 100 * Math.exp(0.1), 100 * Math.exp(0.2)};
        assertEquals(0.1, MinimumDetectableEffect.pairedRounds(scenario, control).logSpread(), 1e-12);
    }

    /** The power approximation against simulation: the rounds it asks for see the change about 80% of the time. */
    @Test
    void theRoundsItAsksForSeeTheChangeInAboutFourRunsInFive() {
        LogNormalNoise noise = new LogNormalNoise(0.04);
        int paired = MinimumDetectableEffect.pairedRounds(noise.logSpread() * Math.sqrt(2)).roundsNeededFor(0.05);
        double seen = new GateSimulation(noise, 9000).pairedDetectionRate(paired, 1.05, 2000);
        System.out.printf("paired, 4%% per side: %d rounds see a 5%% difference in %.1f%%%n", paired, seen * 100);
        assertTrue(seen >= 0.75 && seen <= 0.90, paired + " rounds saw a 5% difference in " + seen * 100 + "%");
    }

    @Test
    void aChangeWithinTheThresholdCanNeverBeFlagged() {
        MinimumDetectableEffect effect = MinimumDetectableEffect.betweenRuns(0.04);
        assertThrows(IllegalArgumentException.class, () -> effect.roundsNeededToFlag(0.10, GateRule.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> effect.roundsNeededFor(0));
        assertEquals(2, MinimumDetectableEffect.betweenRuns(0).roundsNeededFor(0.01), "no spread: the fewest rounds do");
    }
}
