package uringdio.stats.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.StatUtils;
import org.junit.jupiter.api.Test;

class ResampledNoiseTest {

    @Test
    void drawsOnlyObservedValuesScaledByTheirGeometricMean() {
        ResampledNoise noise = new ResampledNoise(List.of(100.0, 200.0, 400.0));
        Set<Double> allowed = Set.of(0.5, 1.0, 2.0);
        double[] drawn = noise.draw(3000, new Well19937c(1));
        for (double d : drawn) {
            assertTrue(allowed.stream().anyMatch(a -> Math.abs(a - d) < 1e-12), d + " was never observed");
        }
        assertEquals(1.0, StatUtils.geometricMean(drawn), 0.05, "the factors are centred on 1 on the log scale");
    }

    @Test
    void rejectsTooFewOrImpossibleObservations() {
        assertThrows(IllegalArgumentException.class, () -> new ResampledNoise(List.of(1.0)));
        assertThrows(IllegalArgumentException.class, () -> new ResampledNoise(List.of(1.0, 0.0)));
    }
}
