package uringdio.stats.simulation;

import java.util.Arrays;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Log-normal round-to-round noise with a given coefficient of variation: the law under which
 * the t intervals on logs are exact, so the reference against which they are checked.
 */
public record LogNormalNoise(double coefficientOfVariation) implements NoiseModel {

    public LogNormalNoise {
        if (!(coefficientOfVariation >= 0) || Double.isInfinite(coefficientOfVariation)) {
            throw new IllegalArgumentException("a coefficient of variation is 0 or more, not " + coefficientOfVariation);
        }
    }

    /** The standard deviation of {@code ln} of a factor: {@code √ln(1 + cv²)}. */
    public double logSpread() {
        return Math.sqrt(Math.log1p(coefficientOfVariation * coefficientOfVariation));
    }

    @Override
    public double[] draw(int rounds, RandomGenerator random) {
        if (coefficientOfVariation == 0) {
            double[] ones = new double[rounds];
            Arrays.fill(ones, 1);
            return ones;
        }
        return new LogNormalDistribution(random, 0, logSpread()).sample(rounds);
    }
}
