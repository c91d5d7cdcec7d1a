package uringdio.results;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * One scenario's per-read latencies as an HdrHistogram log ({@code .hlog}): one interval
 * histogram per measurement iteration and metric, tagged with the metric (submit, completion,
 * e2e), values in nanoseconds. HistogramLogProcessor reads it ({@code -tag e2e}).
 */
public final class LatencyLog {

    /** One interval: a metric's histogram over one measurement iteration. */
    public record Interval(String tag, Histogram histogram) {
    }

    private LatencyLog() {
    }

    /** Writes {@code intervals} to {@code file} atomically, in the header order HistogramLogWriter defines. */
    public static void write(Path file, long startTimeMillis, String comment, List<Interval> intervals) throws IOException {
        AtomicFiles.write(file, out -> {
            PrintStream ps = new PrintStream(out, false, java.nio.charset.StandardCharsets.UTF_8);
            HistogramLogWriter w = new HistogramLogWriter(ps);
            w.outputComment(comment);
            w.outputLogFormatVersion();
            w.outputStartTime(startTimeMillis);
            w.setBaseTime(startTimeMillis);
            w.outputLegend();
            for (Interval i : intervals) {
                i.histogram().setTag(i.tag());
                w.outputIntervalHistogram(i.histogram());
            }
            ps.flush();
        });
    }

    /**
     * Reads {@code file} back interval by interval, in file order: each is one measurement
     * iteration of one tag, which is what tells a run's spread from one iteration to the next.
     */
    public static List<Interval> readIntervals(Path file) throws IOException {
        List<Interval> intervals = new ArrayList<>();
        try (HistogramLogReader r = new HistogramLogReader(file.toFile())) {
            EncodableHistogram h;
            while ((h = r.nextIntervalHistogram()) != null) {
                Histogram hist = (Histogram) h;
                intervals.add(new Interval(hist.getTag(), hist));
            }
        }
        return intervals;
    }

    /** Reads {@code file} back: every interval of each tag added together, by tag in file order. */
    public static Map<String, Histogram> readTotals(Path file) throws IOException {
        Map<String, Histogram> totals = new LinkedHashMap<>();
        try (HistogramLogReader r = new HistogramLogReader(file.toFile())) {
            EncodableHistogram h;
            while ((h = r.nextIntervalHistogram()) != null) {
                Histogram hist = (Histogram) h;
                totals.computeIfAbsent(hist.getTag(), t -> new Histogram(3)).add(hist);
            }
        }
        return totals;
    }
}
