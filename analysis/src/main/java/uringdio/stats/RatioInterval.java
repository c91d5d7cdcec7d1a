package uringdio.stats;

import java.util.Locale;

/**
 * A ratio of two measurements with its 95% confidence interval: {@code ratio} is the point
 * estimate, {@code [lower, upper]} the interval, {@code rounds} how many rounds (per side) it
 * rests on, and {@code method} how it was computed, so a report can say so next to the figure.
 */
public record RatioInterval(double ratio, double lower, double upper, int rounds, String method) {

    public RatioInterval {
        if (!(lower > 0) || !(lower <= ratio) || !(ratio <= upper) || Double.isInfinite(upper)) {
            throw new IllegalArgumentException(
                    "a ratio interval needs 0 < lower <= ratio <= upper < infinity, not " + ratio + " [" + lower + ", " + upper + "]");
        }
    }

    /** Whether the interval admits no difference at all: a ratio of 1 is inside it. */
    public boolean includesOne() {
        return lower <= 1 && 1 <= upper;
    }

    /**
     * The same interval for the reciprocal ratio: control over scenario instead of scenario over
     * control. A log-symmetric interval stays exactly as honest under this flip.
     */
    public RatioInterval inverted() {
        return new RatioInterval(1 / ratio, 1 / upper, 1 / lower, rounds, method);
    }

    /** As a factor: {@code 1.56x [1.49, 1.63]}. */
    public String format() {
        return String.format(Locale.ROOT, "%.2fx [%.2f, %.2f]", ratio, lower, upper);
    }

    /**
     * As a change in percent: {@code +56% [+49%, +63%]}. Changes all under 10% keep one decimal,
     * because that is where a 3% effect and its interval live and whole percents would hide them.
     */
    public String formatPercent() {
        double r = (ratio - 1) * 100;
        double l = (lower - 1) * 100;
        double u = (upper - 1) * 100;
        boolean small = Math.max(Math.abs(r), Math.max(Math.abs(l), Math.abs(u))) < 10;
        String one = small ? "%+.1f%%" : "%+.0f%%";
        return String.format(Locale.ROOT, one + " [" + one + ", " + one + "]", r, l, u);
    }

    @Override
    public String toString() {
        return format() + " (" + rounds + " rounds, " + method + ")";
    }
}
