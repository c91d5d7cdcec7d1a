package uringdio.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import uringdio.attribution.PhaseBreakdown;
import uringdio.attribution.SuiteStamp;
import uringdio.attribution.TracedEvent;
import uringdio.trace.BufferLoss;
import uringdio.trace.EventName;
import uringdio.trace.TraceInstance;
import uringdio.trace.TraceRecord;
import uringdio.trace.Tracefs;

/**
 * Where a scenario's reads spend their time: a pass of its own after the measured iterations (the
 * trace buffer costs the reads something, the counters nothing), in a tracefs instance of the
 * suite's own with the {@code mono} clock, so the kernel's timestamps and {@code System.nanoTime()}
 * are one clock. Only the scenario's events are recorded: its file's direct I/O and page-cache
 * lookups by device and inode, io_uring's by the tag in the user_data of this process's
 * SQEs. Events the buffer lost are counted and reported, never ignored.
 */
public final class TracedPass {

    /** Per CPU: room for some 40,000 events each, far more than the pass makes. */
    private static final int BUFFER_KB = 8192;

    /** What the pass saw. */
    public record Result(PhaseBreakdown phases, long events, BufferLoss loss) {
    }

    private TracedPass() {
    }

    /**
     * Traces the reads made by calling {@code step} until the loop has stamped {@code reads} of them
     * or {@code maxNanos} have passed (each step reaps at least one), {@code stampInto} turning the
     * loop's stamping on (a list) and off (null).
     */
    public static Result run(FixtureEvents events, int reads, long maxNanos, Runnable step,
                             Consumer<List<SuiteStamp>> stampInto) {
        try (Tracefs tracefs = Tracefs.open(); TraceInstance trace = TraceInstance.create(tracefs, BUFFER_KB)) {
            trace.enable(EventName.IO_URING_SUBMIT_REQ, events.suiteReads());
            trace.enable(EventName.IO_URING_QUEUE_ASYNC_WORK, events.suiteReads());
            trace.enable(EventName.IO_URING_COMPLETE, events.suiteCompletions());
            trace.enable(EventName.IOMAP_DIO_RW_BEGIN, events.directIo());
            trace.enable(EventName.IOMAP_DIO_COMPLETE, events.directIo());
            trace.enable(EventName.IOMAP_DIO_RW_QUEUED, events.directIo());
            trace.enable(EventName.MM_FILEMAP_GET_PAGES, events.pageCache());
            List<SuiteStamp> stamps = new ArrayList<>(reads + 64);
            trace.start();
            stampInto.accept(stamps);
            try {
                long deadline = System.nanoTime() + maxNanos;
                while (stamps.size() < reads && System.nanoTime() < deadline) {
                    step.run();
                }
            } finally {
                stampInto.accept(null);
                trace.stop();
            }
            List<TracedEvent> traced = new ArrayList<>();
            for (TraceRecord r : trace.records()) {
                traced.add(new TracedEvent(r.timestampNanos(), r.task(), r.event(), r.fields()));
            }
            return new Result(PhaseBreakdown.of(traced, stamps, events.readSize()), traced.size(), trace.loss());
        }
    }
}
