package uringdio.overhead;

import java.util.Locale;

/**
 * One loop measured both ways: the C figure (from the runs before and after the Java one), the
 * Java figure, their ratio and whether it is within the target. Lower is better for both.
 *
 * @param loop        what was measured, with its unit
 * @param cBefore     the C loop's figure from its run before the Java loop
 * @param cAfter      the C loop's figure from its run after it
 * @param java        the binding's figure
 * @param targetRatio the largest Java / C ratio that meets the target
 */
record LoopComparison(String loop, double cBefore, double cAfter, double java, double targetRatio) {

    /** The C figure compared against: the median of its two runs, which is their mean. */
    double c() {
        return (cBefore + cAfter) / 2;
    }

    double ratio() {
        return java / c();
    }

    boolean met() {
        return ratio() <= targetRatio;
    }

    static String header() {
        return String.format(Locale.ROOT, "%-26s %10s %10s %10s %15s %7s %8s  %s", "loop", "C", "C before", "C after",
                "Java (binding)", "ratio", "target", "");
    }

    String row() {
        return String.format(Locale.ROOT, "%-26s %10s %10s %10s %15s %6.3fx %7s  %s", loop, figure(c()),
                figure(cBefore), figure(cAfter), figure(java), ratio(),
                String.format(Locale.ROOT, "<=%.2fx", targetRatio), met() ? "met" : "NOT met");
    }

    /** One decimal below 10 000 (NOP ns), whole numbers above (read ns). */
    private static String figure(double v) {
        return v < 10_000 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
    }
}
