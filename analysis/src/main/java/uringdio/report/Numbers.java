package uringdio.report;

import java.util.Locale;

/** The numbers of a CSV cell, and the few ways the report writes numbers. */
final class Numbers {

    private Numbers() {
    }

    /** The cell as a number, or {@code absent} when it is empty or not a number (an older run's blank). */
    static double of(String cell, double absent) {
        if (cell == null || cell.isBlank()) {
            return absent;
        }
        try {
            return Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            return absent;
        }
    }

    static double of(String cell) {
        return of(cell, Double.NaN);
    }

    /** Nanoseconds as microseconds, one decimal: {@code 84.1}. */
    static String micros(double nanos) {
        return Double.isNaN(nanos) ? "-" : String.format(Locale.ROOT, "%.1f", nanos / 1000);
    }

    /** A rate people read: {@code 3649}, {@code 14.5k}. */
    static String rate(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return "-";
        }
        return perSecond >= 10_000 ? String.format(Locale.ROOT, "%.1fk", perSecond / 1000)
                : String.format(Locale.ROOT, "%.0f", perSecond);
    }

    static String ratio(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.2fx", r);
    }

    static long count(String cell) {
        double v = of(cell, 0);
        return Double.isNaN(v) ? 0 : (long) v;
    }
}
