package uringdio.attribution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Where a scenario's reads spent their time, from a traced pass: each read's tracepoints joined to
 * the suite's own stamps, cut into {@link Phase}s, and each phase's p50 and p99 over the reads that
 * went through it.
 *
 * <p>io_uring's events name the read by its SQE's user_data; the filesystem's by file offset: a
 * read starting at {@code s} is {@code iomap_dio_rw_begin} at {@code pos - done_before == s}
 * and {@code iomap_dio_complete} at {@code pos - ret == s} (-EAGAIN: {@code pos == s}).
 * Reads of the same offset in flight together are matched first in, first out. The trace must
 * hold only the scenario's file's events (filtered by device and inode when it was taken).
 */
public final class PhaseBreakdown {

    /** {@code IOCB_NOWAIT} in a kiocb's {@code ki_flags}: the same bit as RWF_NOWAIT (include/linux/fs.h). */
    static final long IOCB_NOWAIT = 0x8;

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
        Map<Long, Deque<SuiteStamp>> unsubmitted = new HashMap<>();
        for (SuiteStamp s : stamps) {
            unsubmitted.computeIfAbsent(s.userData(), k -> new ArrayDeque<>()).add(s);
        }
        Map<Long, ReadTimeline> inRing = new HashMap<>();
        Map<Long, Deque<ReadTimeline>> atOffset = new HashMap<>();
        List<ReadTimeline> reads = new ArrayList<>();
        List<TracedEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparingLong(TracedEvent::nanos));
        for (TracedEvent e : ordered) {
            switch (e.event()) {
                case "io_uring_submit_req" -> {
                    Deque<SuiteStamp> q = unsubmitted.get(e.number("user_data"));
                    SuiteStamp s = q == null ? null : q.poll();
                    if (s != null && s.preparedNanos() <= e.nanos()) {
                        ReadTimeline r = new ReadTimeline(s);
                        r.submitted = e.nanos();
                        reads.add(r);
                        inRing.put(s.userData(), r);
                        atOffset.computeIfAbsent(s.offset(), k -> new ArrayDeque<>()).add(r);
                    }
                }
                case "iomap_dio_rw_begin" -> {
                    long start = e.number("pos") - e.number("done_before");
                    ReadTimeline r = first(atOffset, start);
                    if (r == null) {
                        break;
                    }
                    if (e.number("done_before") > 0) {
                        r.restarted = r.restarted == 0 ? e.nanos() : r.restarted;
                    } else if (!e.hasBits("ki_flags", IOCB_NOWAIT) && r.workerStarted == 0) {
                        r.workerStarted = e.nanos();
                    }
                }
                case "iomap_dio_complete" -> {
                    long error = e.number("error");
                    long ret = e.number("ret");
                    if (error == -11) {
                        ReadTimeline r = first(atOffset, e.number("pos"));
                        if (r != null && r.refused == 0) {
                            r.refused = e.nanos();
                        }
                    } else if (error == 0 && ret >= 0) {
                        ReadTimeline r = first(atOffset, e.number("pos") - ret);
                        if (r == null) {
                            break;
                        }
                        if (ret == 0) {
                            r.noProgress = r.noProgress == 0 ? e.nanos() : r.noProgress;
                        } else if (ret < readSize) {
                            r.partial = r.partial == 0 ? e.nanos() : r.partial;
                        } else {
                            r.directDone = e.nanos();
                        }
                    }
                }
                case "io_uring_complete" -> {
                    ReadTimeline r = inRing.remove(e.number("user_data"));
                    if (r != null) {
                        r.posted = e.nanos();
                        Deque<ReadTimeline> q = atOffset.get(r.stamp.offset());
                        if (q != null) {
                            q.remove(r);
                        }
                    }
                }
                default -> {
                    // other events (queue_async_work, rw_queued, page-cache lookups) are counted, not timed
                }
            }
        }
        Map<Phase, Histogram> phases = new EnumMap<>(Phase.class);
        Histogram e2e = new Histogram(3);
        int incomplete = 0;
        for (ReadTimeline r : reads) {
            if (!r.complete()) {
                incomplete++;
                continue;
            }
            e2e.recordValue(r.endToEnd());
            for (ReadTimeline.Timed t : r.phases()) {
                phases.computeIfAbsent(t.phase(), p -> new Histogram(3)).recordValue(t.nanos());
            }
        }
        incomplete += unsubmitted.values().stream().mapToInt(Deque::size).sum();
        return new PhaseBreakdown(phases, e2e, incomplete);
    }

    private static ReadTimeline first(Map<Long, Deque<ReadTimeline>> atOffset, long start) {
        Deque<ReadTimeline> q = atOffset.get(start);
        return q == null ? null : q.peek();
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
