package uringdio.stats.simulation;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Where simulated rounds get their noise: multiplicative factors, one per round, drawn
 * independently and all from one law. A simulated round is its true level times its factor, so
 * the same model serves latencies and rates, and two runs of one model are an A/A pair.
 */
public interface NoiseModel {

    /** {@code rounds} positive factors drawn from {@code random}. */
    double[] draw(int rounds, RandomGenerator random);
}
