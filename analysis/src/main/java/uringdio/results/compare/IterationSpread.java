package uringdio.results.compare;

import uringdio.stats.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * One run's metric as each measurement iteration saw it: how many iterations, the median
 * iteration and the worst one. The median says what the run typically did; the worst says how
 * bad it got by chance, which is what a candidate must be beyond to be called slower.
 */
public record IterationSpread(int iterations, double median, double worst) {

    /** The spread of {@code metric} over {@code iterationHistograms}; empty when there are none. */
    public static Optional<IterationSpread> of(Metric metric, List<Histogram> iterationHistograms) {
        List<Double> values = new ArrayList<>();
        for (Histogram h : iterationHistograms) {
            if (h.getTotalCount() > 0) {
                values.add(metric.valueOf(h));
            }
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        values.sort(null);
        int n = values.size();
        double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
        double worst = metric.direction() == Direction.SMALLER_IS_BETTER ? values.get(n - 1) : values.get(0);
        return Optional.of(new IterationSpread(n, median, worst));
    }
}
