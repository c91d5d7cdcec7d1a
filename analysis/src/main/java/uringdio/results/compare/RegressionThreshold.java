package uringdio.results.compare;

import java.util.Locale;
import uringdio.cli.BadInputException;

/**
 * How much worse than the baseline a metric may get before it is a regression, as a fraction
 * ({@code 0.10} for 10%). Written on the command line as a percentage, with or without the
 * {@code %}: "10%" and "10" are both ten percent, never a factor of ten.
 */
public record RegressionThreshold(double fraction) {

    /**
     * Slack for the comparison itself: 110 against 100 is exactly 10% worse and must not count
     * as "more than 10%" because (110 - 100) / 100 is 0.10000000000000009 in binary.
     */
    private static final double ROUNDING = 1e-9;

    public RegressionThreshold {
        if (!(fraction >= 0) || Double.isInfinite(fraction)) {
            throw new BadInputException("the regression threshold must be a percentage of 0 or more, not " + fraction);
        }
    }

    public static RegressionThreshold parse(String text) {
        String digits = text.strip();
        if (digits.endsWith("%")) {
            digits = digits.substring(0, digits.length() - 1).strip();
        }
        double percent;
        try {
            percent = Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            throw new BadInputException("--max-regression takes a percentage such as 10%, not '" + text + "'");
        }
        if (!(percent >= 0) || Double.isInfinite(percent)) {
            throw new BadInputException("--max-regression takes a percentage of 0 or more, not '" + text + "'");
        }
        return new RegressionThreshold(percent / 100);
    }

    /** Whether being {@code worseBy} (a fraction, see {@link Direction#worseBy}) is beyond this threshold. */
    public boolean exceededBy(double worseBy) {
        return worseBy > fraction + ROUNDING;
    }

    @Override
    public String toString() {
        double percent = fraction * 100;
        return (percent == Math.rint(percent) ? Long.toString((long) percent) : String.format(Locale.ROOT, "%.2f", percent)) + "%";
    }
}
