package uringdio.fidelity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import uringdio.stats.PairedRatio;
import uringdio.stats.RatioInterval;

/**
 * fio's and the suite's figures for one {@link SameRead}, over every repetition: each tool's
 * figure is the median of its runs (with two runs, their mean), and the ratio is suite / fio, so
 * above 1 means the suite saw slower reads (latency) or more of them (reads/s). Repetition i of
 * fio and of the suite ran next to each other, so they are a pair: the ratio's 95% interval is
 * {@link PairedRatio}'s over the per-repetition ratios, and a ratio is "within 5%" only when its
 * whole interval lies inside [0.95, 1.05].
 */
final class Comparison {

    /** How far from fio the suite may be, either way. */
    static final double TOLERANCE = 0.05;

    private final SameRead read;
    private final List<FioResult> fio = new ArrayList<>();
    private final List<SuiteResult> suite = new ArrayList<>();

    Comparison(SameRead read) {
        this.read = read;
    }

    SameRead read() {
        return read;
    }

    void add(FioResult r) {
        fio.add(r);
    }

    void add(SuiteResult r) {
        suite.add(r);
    }

    List<FioResult> fioRuns() {
        return List.copyOf(fio);
    }

    List<SuiteResult> suiteRuns() {
        return List.copyOf(suite);
    }

    double fioP50Ns() {
        return median(fio, FioResult::latP50Ns);
    }

    double suiteP50Ns() {
        return median(suite, SuiteResult::e2eP50Ns);
    }

    double fioReadsPerSecond() {
        return median(fio, FioResult::readsPerSecond);
    }

    double suiteReadsPerSecond() {
        return median(suite, SuiteResult::readsPerSecond);
    }

    double latencyRatio() {
        return suiteP50Ns() / fioP50Ns();
    }

    double throughputRatio() {
        return suiteReadsPerSecond() / fioReadsPerSecond();
    }

    /** Suite / fio p50 latency with its 95% interval over the paired repetitions; null with fewer than 2. */
    RatioInterval latencyInterval() {
        return paired(suite.stream().mapToDouble(SuiteResult::e2eP50Ns).toArray(),
                fio.stream().mapToDouble(FioResult::latP50Ns).toArray());
    }

    /** Suite / fio reads/s with its 95% interval over the paired repetitions; null with fewer than 2. */
    RatioInterval throughputInterval() {
        return paired(suite.stream().mapToDouble(SuiteResult::readsPerSecond).toArray(),
                fio.stream().mapToDouble(FioResult::readsPerSecond).toArray());
    }

    private static RatioInterval paired(double[] suiteRuns, double[] fioRuns) {
        int n = Math.min(suiteRuns.length, fioRuns.length);
        return n < 2 ? null : PairedRatio.of(Arrays.copyOf(suiteRuns, n), Arrays.copyOf(fioRuns, n));
    }

    boolean latencyWithin() {
        return within(latencyInterval());
    }

    boolean throughputWithin() {
        return within(throughputInterval());
    }

    boolean bothWithin() {
        return latencyWithin() && throughputWithin();
    }

    /** Reads either tool got wrong (short, wrong bytes, errors): the figures are then not of correct reads. */
    long wrongReads() {
        return fio.stream().mapToLong(FioResult::wrongReads).sum() + suite.stream().mapToLong(SuiteResult::wrongReads).sum();
    }

    /** Whether the whole interval lies inside [0.95, 1.05]: with no interval (one repetition), never. */
    static boolean within(RatioInterval interval) {
        return interval != null && interval.lower() >= 1 - TOLERANCE && interval.upper() <= 1 + TOLERANCE;
    }

    static <T> double median(List<T> runs, ToDoubleFunction<T> figure) {
        double[] v = runs.stream().mapToDouble(figure).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    @Override
    public String toString() {
        return read.label() + " fio " + Arrays.toString(fio.stream().mapToDouble(FioResult::latP50Ns).toArray())
                + " suite " + Arrays.toString(suite.stream().mapToDouble(SuiteResult::e2eP50Ns).toArray());
    }
}
