package uringdio.overhead;

import java.util.Arrays;
import java.util.Locale;
import uringdio.stats.PairedRatio;
import uringdio.stats.RatioInterval;

/**
 * One loop measured both ways over alternating rounds (C then Java, Java then C, ...): each
 * tool's median, the Java / C ratio with its 95% interval over the rounds (each round's two runs
 * ran side by side, so they are a pair), and whether the whole interval is within the target.
 * Lower is better for both.
 *
 * @param loop        what was measured, with its unit
 * @param c           the C loop's figure of each round
 * @param java        the binding's figure of each round
 * @param targetRatio the largest Java / C ratio that meets the target
 */
record LoopComparison(String loop, double[] c, double[] java, double targetRatio) {

    double cMedian() {
        return median(c);
    }

    double javaMedian() {
        return median(java);
    }

    /** Java / C with its 95% interval; null with fewer than two rounds. */
    RatioInterval ratio() {
        return c.length < 2 ? null : PairedRatio.of(java, c);
    }

    /** Met when the whole interval is at or below the target; with one round, the ratio of the two runs. */
    boolean met() {
        RatioInterval r = ratio();
        return r == null ? javaMedian() / cMedian() <= targetRatio : r.upper() <= targetRatio;
    }

    static String header() {
        return String.format(Locale.ROOT, "%-26s %10s %15s %-24s %8s  %s", "loop", "C", "Java (binding)",
                "ratio [95% interval]", "target", "");
    }

    String row() {
        RatioInterval r = ratio();
        String ratio = r == null ? String.format(Locale.ROOT, "%.3fx (one round)", javaMedian() / cMedian())
                : String.format(Locale.ROOT, "%.3fx [%.3f, %.3f]", r.ratio(), r.lower(), r.upper());
        return String.format(Locale.ROOT, "%-26s %10s %15s %-24s %8s  %s", loop, figure(cMedian()), figure(javaMedian()),
                ratio, String.format(Locale.ROOT, "<=%.2fx", targetRatio), met() ? "met" : "NOT met");
    }

    /** Each round's C and Java figures, in the order of the rounds. */
    String rounds() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-26s", loop));
        for (int i = 0; i < c.length; i++) {
            b.append(String.format(Locale.ROOT, "  C %s / Java %s", figure(c[i]), figure(java[i])));
        }
        return b.toString();
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    /** One decimal below 10 000 (NOP ns), whole numbers above (read ns). */
    private static String figure(double v) {
        return v < 10_000 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
    }
}
