package uringdio.stats.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uringdio.stats.PairedRatio;
import uringdio.stats.RunChange;

/**
 * Does every interval cover the true ratio 95% of the time, at the round counts profiles use,
 * under log-normal noise (where the t intervals are exact) and under skewed outlier noise (where
 * they are not)? Every interval: the paired one within a run and each {@link RunChange} method.
 */
class AaCoverageTest {

    /** An interval's coverage in simulated runs. */
    interface Comparison {
        double coverage(GateSimulation simulation, int rounds, double trueRatio);
    }

    static List<Named<Comparison>> comparisons() {
        List<Named<Comparison>> comparisons = new ArrayList<>();
        comparisons.add(Named.of("within a run, " + PairedRatio.METHOD,
                (simulation, rounds, ratio) -> simulation.pairedCoverage(rounds, ratio, Coverage.TRIALS)));
        for (RunChange method : RunChange.values()) {
            comparisons.add(Named.of("between runs, " + method.method(),
                    (simulation, rounds, ratio) -> simulation.runChangeCoverage(method, rounds, ratio, Coverage.TRIALS)));
        }
        return comparisons;
    }

    static Stream<Arguments> aaCases() {
        List<NoiseModel> noises = List.of(new LogNormalNoise(0.04), Coverage.realisticOutliers());
        List<Arguments> cases = new ArrayList<>();
        long seed = 1000;
        for (Named<Comparison> comparison : comparisons()) {
            for (NoiseModel noise : noises) {
                for (int rounds : new int[] {5, 6, 10}) {
                    cases.add(Arguments.of(comparison, noise, rounds, seed++));
                }
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> realDifferenceCases() {
        long seed = 3000;
        List<Arguments> cases = new ArrayList<>();
        for (Named<Comparison> comparison : comparisons()) {
            cases.add(Arguments.of(comparison, seed++));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}, {2} rounds")
    @MethodSource("aaCases")
    void coversOneInAnAaComparison(Comparison comparison, NoiseModel noise, int rounds, long seed) {
        double coverage = comparison.coverage(new GateSimulation(noise, seed), rounds, 1);
        String what = "A/A, " + noise + ", " + rounds + " rounds, seed " + seed;
        if (noise instanceof LogNormalNoise) {
            Coverage.assertHonest(coverage, what);
        } else {
            Coverage.assertHonestOrConservative(coverage, what);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realDifferenceCases")
    void coversARealDifferenceToo(Comparison comparison, long seed) {
        double coverage = comparison.coverage(new GateSimulation(new LogNormalNoise(0.05), seed), 6, 1.48);
        Coverage.assertHonest(coverage, "1.48x, log-normal 5%, 6 rounds, seed " + seed);
    }
}
