package uringdio.export;

import uringdio.stats.Direction;
import uringdio.stats.RatioInterval;

/**
 * One figure of one scenario, as every CI format needs it: which scenario ({@code benchmark}),
 * which measure ({@code metric}, e.g. "p99 latency"), its value, its 95% interval when it has one,
 * which way is better, and its unit ("ns", "reads/s", "x" for a ratio).
 */
public record MetricResult(String benchmark, String metric, double value, Double lower, Double upper, Direction direction, String unit) {

    public MetricResult {
        requireText("benchmark", benchmark);
        requireText("metric", metric);
        if (direction == null || unit == null) {
            throw new IllegalArgumentException("a metric needs a direction and a unit (empty for none): " + benchmark + " " + metric);
        }
        // JSON has no NaN or infinity: Jackson would write them as strings no reader expects.
        requireFinite(benchmark, metric, value);
        if ((lower == null) != (upper == null)) {
            throw new IllegalArgumentException("an interval has both bounds or neither: " + benchmark + " " + metric);
        }
        if (lower != null) {
            requireFinite(benchmark, metric, lower);
            requireFinite(benchmark, metric, upper);
            if (lower > upper) {
                throw new IllegalArgumentException("lower bound " + lower + " above upper " + upper + ": " + benchmark + " " + metric);
            }
        }
    }

    /** A figure without an interval. */
    public static MetricResult of(String benchmark, String metric, double value, Direction direction, String unit) {
        return new MetricResult(benchmark, metric, value, null, null, direction, unit);
    }

    /** A ratio with its interval, unit "x": a scenario against its control, or a candidate against a baseline. */
    public static MetricResult ratio(String benchmark, String metric, RatioInterval interval, Direction direction) {
        return new MetricResult(benchmark, metric, interval.ratio(), interval.lower(), interval.upper(), direction, "x");
    }

    public boolean hasInterval() {
        return lower != null;
    }

    private static void requireText(String what, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a metric needs a non-empty " + what);
        }
    }

    private static void requireFinite(String benchmark, String metric, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(benchmark + " " + metric + " is " + v + ", which no CI format can carry");
        }
    }
}
