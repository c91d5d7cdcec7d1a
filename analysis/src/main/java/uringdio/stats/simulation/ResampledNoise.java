package uringdio.stats.simulation;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.StatUtils;

/**
 * Noise taken from rounds actually recorded: each factor is one of the observed per-round values,
 * drawn with replacement, divided by their geometric mean. Whatever skew, outliers and lumps the
 * machine showed are kept, and none of it has to be modelled; what is lost is any dependence
 * between rounds, and any value the recording did not happen to see.
 */
public final class ResampledNoise implements NoiseModel {

    private final double[] factors;

    /** From the per-round values of one metric of one scenario in one run (positive, at least 2). */
    public ResampledNoise(List<Double> observedRounds) {
        if (observedRounds.size() < 2) {
            throw new IllegalArgumentException("resampling needs at least 2 observed rounds, not " + observedRounds.size());
        }
        double[] observed = observedRounds.stream().mapToDouble(Double::doubleValue).toArray();
        for (double v : observed) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("observed rounds must be positive and finite, not " + v);
            }
        }
        // The geometric mean, so that the factors' logs average exactly 0: scaled, not shifted.
        double centre = StatUtils.geometricMean(observed);
        factors = new double[observed.length];
        for (int i = 0; i < observed.length; i++) {
            factors[i] = observed[i] / centre;
        }
    }

    @Override
    public double[] draw(int rounds, RandomGenerator random) {
        double[] drawn = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            drawn[i] = factors[random.nextInt(factors.length)];
        }
        return drawn;
    }
}
