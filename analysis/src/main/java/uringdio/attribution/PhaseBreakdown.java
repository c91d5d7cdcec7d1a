package uringdio.attribution;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Where a scenario's reads spent their time, from a traced pass: each read's tracepoints joined to
 * the suite's own stamps ({@link TraceJoin}), cut into {@link Phase}s, and each phase's p50 and
 * p99 over the reads that went through it.
 */
public final class PhaseBreakdown {

    /** How far the sum of the phases' medians may be from the median end to end and still "add up". */
    public static final double ADDS_UP_WITHIN = 0.05;

    /** The median read's band: reads whose end to end lies between these percentiles. */
    private static final double BAND_LOW = 40;
    private static final double BAND_HIGH = 60;

    private final Map<Phase, Histogram> phases;
    private final Histogram endToEnd;
    private final Map<Phase, Double> medianRead;
    private final int incomplete;

    private PhaseBreakdown(Map<Phase, Histogram> phases, Histogram endToEnd, Map<Phase, Double> medianRead, int incomplete) {
        this.phases = phases;
        this.endToEnd = endToEnd;
        this.medianRead = medianRead;
        this.incomplete = incomplete;
    }

    /**
     * Joins {@code events} (any order) to {@code stamps}, the suite's reads in the order they were
     * prepared, whose {@code readSize} tells a partial completion from a whole one.
     */
    public static PhaseBreakdown of(List<TracedEvent> events, List<SuiteStamp> stamps, int readSize) {
        TraceJoin join = TraceJoin.of(events, stamps, readSize);
        Map<Phase, Histogram> phases = new EnumMap<>(Phase.class);
        Histogram e2e = new Histogram(3);
        List<ReadTimeline> whole = new ArrayList<>();
        for (ReadTimeline r : join.reads()) {
            if (r.complete()) {
                whole.add(r);
                e2e.recordValue(r.endToEnd());
                for (ReadTimeline.Timed t : r.phases()) {
                    phases.computeIfAbsent(t.phase(), p -> new Histogram(3)).recordValue(t.nanos());
                }
            }
        }
        int incomplete = join.unmatchedStamps() + join.reads().size() - whole.size();
        return new PhaseBreakdown(phases, e2e, medianRead(whole, e2e), incomplete);
    }

    /**
     * The phases of a typical read: each phase's mean over the reads whose end to end lies in the
     * middle fifth (p40 to p60). Each read's phases add up to its end to end exactly, so these add
     * up to the band's mean end to end, which is close to the median; medians of phases taken one
     * by one need not add up to anything when the phases vary a lot.
     */
    private static Map<Phase, Double> medianRead(List<ReadTimeline> reads, Histogram e2e) {
        Map<Phase, Double> mean = new EnumMap<>(Phase.class);
        if (reads.isEmpty()) {
            return mean;
        }
        // Whole histogram buckets: from the lowest value of p40's to the highest of p60's.
        long low = e2e.lowestEquivalentValue(e2e.getValueAtPercentile(BAND_LOW));
        long high = e2e.getValueAtPercentile(BAND_HIGH);
        int inBand = 0;
        for (ReadTimeline r : reads) {
            long t = r.endToEnd();
            if (t >= low && t <= high) {
                inBand++;
                for (ReadTimeline.Timed p : r.phases()) {
                    mean.merge(p.phase(), (double) p.nanos(), Double::sum);
                }
            }
        }
        int n = Math.max(1, inBand);
        mean.replaceAll((phase, sum) -> sum / n);
        return mean;
    }

    /** Reads seen whole, from SQE to reap. */
    public long reads() {
        return endToEnd.getTotalCount();
    }

    /** Reads (or stamps) that could not be followed from SQE to reap: at the pass's edges, or events lost. */
    public int incomplete() {
        return incomplete;
    }

    /** The phases some read went through, in order. */
    public List<Phase> phases() {
        return List.copyOf(phases.keySet());
    }

    /** How many reads went through {@code phase}. */
    public long count(Phase phase) {
        Histogram h = phases.get(phase);
        return h == null ? 0 : h.getTotalCount();
    }

    /** The {@code percentile} (0 to 100) of {@code phase}'s time, in ns, over the reads that went through it. */
    public long percentile(Phase phase, double percentile) {
        Histogram h = phases.get(phase);
        return h == null ? 0 : h.getValueAtPercentile(percentile);
    }

    public long endToEndPercentile(double percentile) {
        return endToEnd.getValueAtPercentile(percentile);
    }

    /** {@code phase}'s time in a typical read, in ns: its mean over the reads of the median band (0 if none went through it). */
    public double medianRead(Phase phase) {
        return medianRead.getOrDefault(phase, 0.0);
    }

    /** The typical read's phases added up. */
    public double medianReadTotal() {
        return medianRead.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Whether the typical read's phases add up to the median end to end within {@link #ADDS_UP_WITHIN}. */
    public boolean addsUp() {
        long median = endToEndPercentile(50);
        return reads() > 0 && Math.abs(medianReadTotal() - median) <= ADDS_UP_WITHIN * median;
    }
}
