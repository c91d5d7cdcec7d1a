package uringdio.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import uringdio.cli.BadInputException;
import uringdio.results.LatencyLog;

/**
 * One scenario's end-to-end latency histograms from its {@code .hlog}: the whole measurement and
 * each iteration on its own (an iteration is a round when a run has no {@code rounds.csv}).
 *
 * <p>A log that cannot be read whole is bad input, named in one line: a page drawn from half a
 * log would show a shape that was never measured. "Whole" is checked twice, because
 * HistogramLogReader stops quietly at a line cut at its end: the log must decode, and its e2e
 * reads must add up to the count scenarios.csv gives.
 */
record LatencyHistograms(Histogram e2e, List<Histogram> e2eIterations) {

    static final String E2E = "e2e";

    static LatencyHistograms read(Path hlog, long expectedE2eCount) {
        if (!Files.isRegularFile(hlog)) {
            throw new BadInputException("missing latency log " + hlog + ": scenarios.csv names it");
        }
        List<LatencyLog.Interval> intervals;
        try {
            intervals = LatencyLog.readIntervals(hlog);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("truncated or damaged latency log " + hlog + ": " + firstLine(e), e);
        }
        Histogram total = new Histogram(3);
        List<Histogram> iterations = new ArrayList<>();
        for (LatencyLog.Interval i : intervals) {
            if (E2E.equals(i.tag())) {
                total.add(i.histogram());
                iterations.add(i.histogram());
            }
        }
        if (total.getTotalCount() == 0) {
            throw new BadInputException("truncated latency log " + hlog + ": no e2e interval in it");
        }
        if (expectedE2eCount > 0 && total.getTotalCount() != expectedE2eCount) {
            throw new BadInputException("truncated latency log " + hlog + ": it holds " + total.getTotalCount()
                    + " e2e reads, scenarios.csv counts " + expectedE2eCount);
        }
        return new LatencyHistograms(total, List.copyOf(iterations));
    }

    /** Each iteration's value at {@code percentile}, in ns: the per-round values of a run without rounds.csv. */
    double[] iterationValues(double percentile) {
        return e2eIterations.stream().mapToDouble(h -> h.getValueAtPercentile(percentile)).toArray();
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
