package uringdio.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PairedRatioTest {

    /** t(0.975, 2), from a table of Student's t. */
    private static final double T_2 = 4.3027;

    @Test
    void isTheGeometricMeanOfPerRoundRatiosWithATIntervalOnTheirLogs() {
        // Log ratios 0.1, 0.2, 0.3: mean 0.2, standard deviation 0.1, three rounds.
        double[] control = {100, 200, 50};
        double[] scenario = {100 * Math.exp(0.1), 200 * Math.exp(0.2), 50 * Math.exp(0.3)};
        RatioInterval interval = PairedRatio.of(scenario, control);
        double halfWidth = T_2 * 0.1 / Math.sqrt(3);
        assertEquals(Math.exp(0.2), interval.ratio(), 1e-9);
        assertEquals(Math.exp(0.2 - halfWidth), interval.lower(), 1e-4);
        assertEquals(Math.exp(0.2 + halfWidth), interval.upper(), 1e-4);
        assertEquals(3, interval.rounds());
        assertEquals(PairedRatio.METHOD, interval.method());
    }

    @Test
    void aRoundThatSlowedBothSidesCancels() {
        // Round 3 ran while something else loaded the machine: both sides 3x slower.
        RatioInterval interval = PairedRatio.of(new double[] {150, 151, 450, 149}, new double[] {100, 100.5, 300, 99.5});
        assertEquals(1.5, interval.ratio(), 0.005);
        assertEquals(1.5, interval.lower(), 0.01);
        assertEquals(1.5, interval.upper(), 0.01);
    }

    @Test
    void identicalRatiosGiveAPointInterval() {
        RatioInterval interval = PairedRatio.of(new double[] {2, 4, 6}, new double[] {1, 2, 3});
        assertEquals(2, interval.lower(), 1e-12);
        assertEquals(2, interval.upper(), 1e-12);
    }

    @Test
    void rejectsUnpairedCountsTooFewRoundsAndValuesALogCannotTake() {
        assertThrows(IllegalArgumentException.class, () -> PairedRatio.of(new double[] {1, 2, 3}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> PairedRatio.of(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> PairedRatio.of(new double[] {0, 1}, new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> PairedRatio.of(new double[] {-1, 1}, new double[] {-1, 1}));
    }
}
