package uringdio.stats.simulation;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Noise as per-round latency medians show it: a log-normal body, and now and then a round hit by
 * something else on the machine (a neighbour's I/O, a compaction, a timer storm) that is slower
 * by an exponentially distributed excess. Skewed and heavy-tailed, never faster than the body: a
 * round can be disturbed, not helped.
 *
 * @param coefficientOfVariation the body's, as in {@link LogNormalNoise}
 * @param outlierProbability     the chance that a round is disturbed, 0 to 1
 * @param meanOutlierExcess      how much slower a disturbed round is on average: 0.3 is 30%
 */
public record OutlierNoise(double coefficientOfVariation, double outlierProbability, double meanOutlierExcess)
        implements NoiseModel {

    public OutlierNoise {
        if (!(outlierProbability >= 0 && outlierProbability <= 1)) {
            throw new IllegalArgumentException("an outlier probability is between 0 and 1, not " + outlierProbability);
        }
        if (!(meanOutlierExcess > 0) || Double.isInfinite(meanOutlierExcess)) {
            throw new IllegalArgumentException("a mean outlier excess is positive, not " + meanOutlierExcess);
        }
        new LogNormalNoise(coefficientOfVariation); // rejects a body spread that log-normal noise rejects
    }

    @Override
    public double[] draw(int rounds, RandomGenerator random) {
        double[] factors = new LogNormalNoise(coefficientOfVariation).draw(rounds, random);
        ExponentialDistribution excess = new ExponentialDistribution(random, meanOutlierExcess);
        for (int i = 0; i < rounds; i++) {
            if (random.nextDouble() < outlierProbability) {
                factors[i] *= 1 + excess.sample();
            }
        }
        return factors;
    }
}
