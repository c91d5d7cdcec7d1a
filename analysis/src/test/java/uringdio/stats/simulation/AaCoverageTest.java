package uringdio.stats.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Does each interval cover the true ratio 95% of the time, at the round counts profiles use,
 * under log-normal noise (where the t intervals are exact) and under skewed outlier noise (where
 * they are not)?
 */
class AaCoverageTest {

    /** The two comparisons the suite makes, each with its own interval. */
    enum Comparison {
        WITHIN_RUN {
            @Override
            double coverage(GateSimulation simulation, int rounds, double trueRatio) {
                return simulation.pairedCoverage(rounds, trueRatio, Coverage.TRIALS);
            }
        },
        BETWEEN_RUNS {
            @Override
            double coverage(GateSimulation simulation, int rounds, double trueRatio) {
                return simulation.runChangeCoverage(rounds, trueRatio, Coverage.TRIALS);
            }
        };

        abstract double coverage(GateSimulation simulation, int rounds, double trueRatio);
    }

    static Stream<Arguments> aaCases() {
        List<NoiseModel> noises = List.of(new LogNormalNoise(0.04), Coverage.realisticOutliers());
        List<Arguments> cases = new ArrayList<>();
        for (Comparison comparison : Comparison.values()) {
            for (NoiseModel noise : noises) {
                for (int rounds : new int[] {5, 6, 10}) {
                    cases.add(Arguments.of(comparison, noise, rounds));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}, {2} rounds")
    @MethodSource("aaCases")
    void coversOneInAnAaComparison(Comparison comparison, NoiseModel noise, int rounds) {
        long seed = 1000L * comparison.ordinal() + 100L * (noise instanceof OutlierNoise ? 1 : 0) + rounds;
        double coverage = comparison.coverage(new GateSimulation(noise, seed), rounds, 1);
        Coverage.assertHonest(coverage, "A/A " + comparison + ", " + noise + ", " + rounds + " rounds");
    }

    @ParameterizedTest
    @EnumSource(Comparison.class)
    void coversARealDifferenceToo(Comparison comparison) {
        double coverage = comparison.coverage(new GateSimulation(new LogNormalNoise(0.05), 3000L + comparison.ordinal()), 6, 1.48);
        Coverage.assertHonest(coverage, comparison + " 1.48x, log-normal 5%, 6 rounds");
    }
}
