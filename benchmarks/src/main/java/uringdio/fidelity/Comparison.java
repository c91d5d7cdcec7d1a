package uringdio.fidelity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * fio's and the suite's figures for one {@link SameRead}, over every repetition: each tool's
 * figure is the median of its runs (with two runs, their mean), and the ratio is suite / fio, so
 * above 1 means the suite saw slower reads (latency) or more of them (reads/s).
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

    boolean latencyWithin() {
        return within(latencyRatio());
    }

    boolean throughputWithin() {
        return within(throughputRatio());
    }

    boolean bothWithin() {
        return latencyWithin() && throughputWithin();
    }

    /** Reads either tool got wrong (short, wrong bytes, errors): the figures are then not of correct reads. */
    long wrongReads() {
        return fio.stream().mapToLong(FioResult::wrongReads).sum() + suite.stream().mapToLong(SuiteResult::wrongReads).sum();
    }

    static boolean within(double ratio) {
        return Math.abs(ratio - 1) <= TOLERANCE;
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
