package uringdio.attribution;

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

    private final Map<Phase, Histogram> phases;
    private final Histogram endToEnd;
    private final int incomplete;

    private PhaseBreakdown(Map<Phase, Histogram> phases, Histogram endToEnd, int incomplete) {
        this.phases = phases;
        this.endToEnd = endToEnd;
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
        int incomplete = join.unmatchedStamps();
        for (ReadTimeline r : join.reads()) {
            if (!r.complete()) {
                incomplete++;
                continue;
            }
            e2e.recordValue(r.endToEnd());
            for (ReadTimeline.Timed t : r.phases()) {
                phases.computeIfAbsent(t.phase(), p -> new Histogram(3)).recordValue(t.nanos());
            }
        }
        return new PhaseBreakdown(phases, e2e, incomplete);
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

    /** The sum of the phases' medians, each weighted by the share of reads that went through it. */
    public double sumOfMedians() {
        double sum = 0;
        for (Map.Entry<Phase, Histogram> e : phases.entrySet()) {
            sum += (double) e.getValue().getValueAtPercentile(50) * e.getValue().getTotalCount() / Math.max(1, reads());
        }
        return sum;
    }

    /** Whether the phases' medians add up to the median end to end within {@link #ADDS_UP_WITHIN}. */
    public boolean addsUp() {
        long median = endToEndPercentile(50);
        return reads() > 0 && Math.abs(sumOfMedians() - median) <= ADDS_UP_WITHIN * median;
    }
}
