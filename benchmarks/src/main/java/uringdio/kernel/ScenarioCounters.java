package uringdio.kernel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uringdio.attribution.PathCounts;
import uringdio.trace.CounterSet;
import uringdio.trace.CounterSnapshot;
import uringdio.trace.CounterSpec;
import uringdio.trace.EventName;
import uringdio.trace.Tracefs;

/**
 * Exact counts of what the kernel did for a scenario's reads, over its measured iterations only:
 * perf_event_open tracepoint counters, one per CPU (io-wq workers and completion kworkers run
 * anywhere), enabled at the start of each measured iteration and read at its end, so warm-up and
 * setup are never counted. Reading them costs a few system calls per iteration, nothing per read.
 */
public final class ScenarioCounters implements AutoCloseable {

    static final String SUBMISSIONS = "submissions";
    static final String PUNTS = "punts";
    static final String DIO_ATTEMPTS = "dio_attempts";
    static final String RESTARTS = "restarts";
    static final String EAGAIN = "eagain";
    static final String PARTIAL = "partial";
    static final String ZERO_PROGRESS = "zero_progress";
    static final String BUFFERED = "buffered";

    private final Tracefs tracefs;
    private final CounterSet counters;
    private CounterSnapshot atStart;
    private final Map<String, Long> total = new HashMap<>();

    private ScenarioCounters(Tracefs tracefs, CounterSet counters) {
        this.tracefs = tracefs;
        this.counters = counters;
    }

    /** Opens the counters for {@code events}' file; throws (having closed what it opened) when the kernel refuses. */
    public static ScenarioCounters open(FixtureEvents events) {
        Tracefs tracefs = Tracefs.open();
        try {
            CounterSet set = CounterSet.open(tracefs, specs(events));
            set.reset();
            return new ScenarioCounters(tracefs, set);
        } catch (RuntimeException e) {
            tracefs.close();
            throw e;
        }
    }

    static List<CounterSpec> specs(FixtureEvents e) {
        return List.of(
                new CounterSpec(SUBMISSIONS, EventName.IO_URING_SUBMIT_REQ, e.suiteReads()),
                new CounterSpec(PUNTS, EventName.IO_URING_QUEUE_ASYNC_WORK, e.suiteReads()),
                new CounterSpec(DIO_ATTEMPTS, EventName.IOMAP_DIO_RW_BEGIN, e.directIo()),
                new CounterSpec(RESTARTS, EventName.IOMAP_DIO_RW_BEGIN, e.directIo("done_before > 0")),
                new CounterSpec(EAGAIN, EventName.IOMAP_DIO_COMPLETE, e.directIo("error == -11")),
                new CounterSpec(PARTIAL, EventName.IOMAP_DIO_COMPLETE, e.partialCompletion()),
                new CounterSpec(ZERO_PROGRESS, EventName.IOMAP_DIO_COMPLETE, e.directIo("error == 0 && ret == 0")),
                new CounterSpec(BUFFERED, EventName.MM_FILEMAP_GET_PAGES, e.pageCache()));
    }

    /** A measured iteration begins: count from here. */
    public void startMeasured() {
        atStart = counters.snapshot();
        counters.enable();
    }

    /** The measured iteration ends (its reads reaped): add what was counted since {@link #startMeasured()}. */
    public void endMeasured() {
        if (atStart == null) {
            return;
        }
        counters.disable();
        CounterSnapshot d = CounterSnapshot.delta(atStart, counters.snapshot());
        atStart = null;
        for (String name : counters.names()) {
            total.merge(name, d.get(name), Long::sum);
        }
    }

    /**
     * What was counted over every measured iteration. {@code synchronousReads}, when positive, stands
     * for the submissions of reads made without io_uring (pread), which no io_uring event counts.
     */
    public PathCounts counts(long synchronousReads) {
        long submissions = synchronousReads > 0 ? synchronousReads : counted(SUBMISSIONS);
        return new PathCounts(submissions, counted(PUNTS), counted(DIO_ATTEMPTS), counted(RESTARTS), counted(EAGAIN),
                counted(PARTIAL), counted(ZERO_PROGRESS), counted(BUFFERED));
    }

    private long counted(String name) {
        return total.getOrDefault(name, 0L);
    }

    @Override
    public void close() {
        try {
            counters.close();
        } finally {
            tracefs.close();
        }
    }
}
