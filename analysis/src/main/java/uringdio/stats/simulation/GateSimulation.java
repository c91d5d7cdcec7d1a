package uringdio.stats.simulation;

import java.util.function.Predicate;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import uringdio.stats.Direction;
import uringdio.stats.GateRule;
import uringdio.stats.GateVerdict;
import uringdio.stats.PairedRatio;
import uringdio.stats.RatioInterval;
import uringdio.stats.RunChange;

/**
 * Many simulated runs of one noise model with a known true ratio, to measure what the intervals
 * and the gate promise: how often the interval covers the truth, how often a change is called a
 * regression. Seeded, so a test that asserts a rate asserts the same rate on every machine.
 */
public final class GateSimulation {

    private final NoiseModel noise;
    private final RandomGenerator random;

    public GateSimulation(NoiseModel noise, long seed) {
        this.noise = noise;
        this.random = new Well19937c(seed);
    }

    /**
     * The fraction of {@code trials} simulated runs in which {@link PairedRatio}'s interval covers
     * {@code trueRatio}: each run has {@code rounds} rounds of a scenario at level
     * {@code trueRatio} and its control at level 1, each with its own noise.
     */
    public double pairedCoverage(int rounds, double trueRatio, int trials) {
        return pairedRate(rounds, trueRatio, trials, interval -> covers(interval, trueRatio));
    }

    /** The fraction of simulated runs in which {@link PairedRatio}'s interval excludes 1: the difference is seen. */
    public double pairedDetectionRate(int rounds, double trueRatio, int trials) {
        return pairedRate(rounds, trueRatio, trials, interval -> !interval.includesOne());
    }

    /**
     * The fraction of {@code trials} simulated pairs of runs in which {@code method}'s interval
     * covers {@code trueRatio}, the candidate's level over the baseline's.
     */
    public double runChangeCoverage(RunChange method, int rounds, double trueRatio, int trials) {
        return runChangeRate(method, rounds, trueRatio, trials, interval -> covers(interval, trueRatio));
    }

    /**
     * The fraction of simulated pairs of runs that {@code rule} judges {@code verdict} on
     * {@code method}'s interval, for a
     * metric going {@code direction} whose candidate is at {@code trueRatio} times the baseline
     * (a 25% slowdown is 1.25 for latency, 1 / 1.25 for reads/s).
     */
    public double verdictRate(RunChange method, GateRule rule, Direction direction, int rounds, double trueRatio, GateVerdict verdict,
            int trials) {
        return runChangeRate(method, rounds, trueRatio, trials, interval -> rule.judge(interval, direction) == verdict);
    }

    private double pairedRate(int rounds, double trueRatio, int trials, Predicate<RatioInterval> counted) {
        int hits = 0;
        for (int t = 0; t < trials; t++) {
            double[] scenario = at(trueRatio, noise.draw(rounds, random));
            double[] control = noise.draw(rounds, random);
            if (counted.test(PairedRatio.of(scenario, control))) {
                hits++;
            }
        }
        return (double) hits / trials;
    }

    private double runChangeRate(RunChange method, int rounds, double trueRatio, int trials, Predicate<RatioInterval> counted) {
        int hits = 0;
        for (int t = 0; t < trials; t++) {
            double[] baseline = noise.draw(rounds, random);
            double[] candidate = at(trueRatio, noise.draw(rounds, random));
            if (counted.test(method.of(baseline, candidate))) {
                hits++;
            }
        }
        return (double) hits / trials;
    }

    private static double[] at(double level, double[] factors) {
        double[] values = new double[factors.length];
        for (int i = 0; i < factors.length; i++) {
            values[i] = level * factors[i];
        }
        return values;
    }

    private static boolean covers(RatioInterval interval, double ratio) {
        return interval.lower() <= ratio && ratio <= interval.upper();
    }
}
