package uringdio.attribution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins a traced pass's events to the suite's stamps, read by read. io_uring's events name a read
 * by its SQE's user_data; the filesystem's by file offset: a read starting at {@code s} is
 * {@code iomap_dio_rw_begin} at {@code pos - done_before == s} and {@code iomap_dio_complete} at
 * {@code pos - ret == s} (-EAGAIN: {@code pos == s}). Reads of one offset in flight together are
 * matched first in, first out. The trace must hold only the scenario's file's events.
 */
final class TraceJoin {

    /** {@code IOCB_NOWAIT} in a kiocb's {@code ki_flags}: the same bit as RWF_NOWAIT (include/linux/fs.h). */
    static final long IOCB_NOWAIT = 0x8;
    /** The trace prints microseconds: a submission may show up to this much before its SQE was stamped. */
    private static final long TRACE_RESOLUTION_NANOS = 1_000;

    private final int readSize;
    private final Map<Long, Deque<SuiteStamp>> unsubmitted = new HashMap<>();
    private final Map<Long, ReadTimeline> inRing = new HashMap<>();
    private final Map<Long, Deque<ReadTimeline>> atOffset = new HashMap<>();
    private final List<ReadTimeline> reads = new ArrayList<>();
    private int unmatched;

    private TraceJoin(List<SuiteStamp> stamps, int readSize) {
        this.readSize = readSize;
        for (SuiteStamp s : stamps) {
            unsubmitted.computeIfAbsent(s.userData(), k -> new ArrayDeque<>()).add(s);
        }
    }

    /** Every read the events and stamps show, complete or not; {@code readSize} tells a partial completion from a whole one. */
    static TraceJoin of(List<TracedEvent> events, List<SuiteStamp> stamps, int readSize) {
        TraceJoin join = new TraceJoin(stamps, readSize);
        List<TracedEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparingLong(TracedEvent::nanos));
        ordered.forEach(join::apply);
        join.unmatched += join.unsubmitted.values().stream().mapToInt(Deque::size).sum();
        return join;
    }

    List<ReadTimeline> reads() {
        return reads;
    }

    /** Stamps no traced submission matched: reads submitted before the trace began. */
    int unmatchedStamps() {
        return unmatched;
    }

    private void apply(TracedEvent e) {
        switch (e.event()) {
            case "io_uring_submit_req" -> submitted(e);
            case "iomap_dio_rw_begin" -> began(e);
            case "iomap_dio_complete" -> completed(e);
            case "io_uring_complete" -> posted(e);
            default -> {
                // punts, queued bios and page-cache lookups are counted, not timed
            }
        }
    }

    private void submitted(TracedEvent e) {
        SuiteStamp s = latestPreparedBy(unsubmitted.get(e.number("user_data")), e.nanos());
        if (s == null) {
            return;
        }
        ReadTimeline r = new ReadTimeline(s);
        r.submitted = e.nanos();
        reads.add(r);
        inRing.put(s.userData(), r);
        atOffset.computeIfAbsent(s.offset(), k -> new ArrayDeque<>()).add(r);
    }

    /** The last stamp of this user_data prepared by {@code nanos}; earlier ones were submitted before the trace began. */
    private SuiteStamp latestPreparedBy(Deque<SuiteStamp> q, long nanos) {
        SuiteStamp latest = null;
        while (q != null && !q.isEmpty() && q.peek().preparedNanos() <= nanos + TRACE_RESOLUTION_NANOS) {
            if (latest != null) {
                unmatched++;
            }
            latest = q.poll();
        }
        return latest;
    }

    private void began(TracedEvent e) {
        ReadTimeline r = first(e.number("pos") - e.number("done_before"));
        if (r == null) {
            return;
        }
        if (e.number("done_before") > 0) {
            r.restarted = r.restarted == 0 ? e.nanos() : r.restarted;
        } else if (!e.hasBits("ki_flags", IOCB_NOWAIT) && r.workerStarted == 0) {
            r.workerStarted = e.nanos();
        }
    }

    private void completed(TracedEvent e) {
        long error = e.number("error");
        long ret = e.number("ret");
        if (error == -11) {
            ReadTimeline r = first(e.number("pos"));
            if (r != null && r.refused == 0) {
                r.refused = e.nanos();
            }
            return;
        }
        ReadTimeline r = error == 0 && ret >= 0 ? first(e.number("pos") - ret) : null;
        if (r == null) {
            return;
        }
        if (ret == 0) {
            r.noProgress = r.noProgress == 0 ? e.nanos() : r.noProgress;
        } else if (ret < readSize) {
            r.partial = r.partial == 0 ? e.nanos() : r.partial;
        } else {
            r.directDone = e.nanos();
        }
    }

    private void posted(TracedEvent e) {
        ReadTimeline r = inRing.remove(e.number("user_data"));
        if (r == null) {
            return;
        }
        r.posted = e.nanos();
        Deque<ReadTimeline> q = atOffset.get(r.stamp.offset());
        if (q != null) {
            q.remove(r);
        }
    }

    private ReadTimeline first(long start) {
        Deque<ReadTimeline> q = atOffset.get(start);
        return q == null ? null : q.peek();
    }
}
