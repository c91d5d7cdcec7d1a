package uringdio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uringdio.attribution.PathCounts;
import uringdio.attribution.Phase;
import uringdio.attribution.PhaseBreakdown;
import uringdio.trace.EventName;
import uringdio.trace.TraceInstance;
import uringdio.trace.TraceRecord;
import uringdio.trace.Tracefs;
import uringdio.testing.Require;
import uringdio.testing.ScratchFilesystems;

/**
 * The traced pass on real reads of the seed's scenario on btrfs (16 KiB over 4 extents, only the
 * buffer's first page resident), and the counters checked against an independent count of the
 * same events: every one the trace buffer recorded, tested in Java against each counter's filter.
 */
class TracedPassTest {

    @RegisterExtension
    static final ScratchFilesystems SCRATCH = new ScratchFilesystems();

    @Test
    void theSeedsReadsPhasesAddUpToTheirEndToEnd() {
        Require.tracepoints();
        try (CountedReads reads = new CountedReads(SCRATCH.get("btrfs").directory(), Map.of("pattern", "FIRST"))) {
            reads.loop.prime();
            TracedPass.Result r = TracedPass.run(reads.events(), 500, 5_000_000_000L, reads.loop::step,
                    reads.loop::stampInto);
            PhaseBreakdown p = r.phases();
            assertEquals(0, r.loss().total(), "no event lost");
            assertTrue(p.reads() >= 490, "reads followed whole: " + p.reads() + ", not: " + p.incomplete());
            assertEquals(List.of(Phase.SUBMIT, Phase.NOWAIT_REFUSED, Phase.PUNT, Phase.FORCED_WAIT, Phase.FAULT_IN,
                    Phase.DIRECT_IO, Phase.POSTED, Phase.STAMP_LAG), p.phases());
            for (Phase phase : p.phases()) {
                assertEquals(p.reads(), p.count(phase), "every read went through " + phase);
            }
            assertTrue(p.addsUp(), "the typical read's phases " + p.medianReadTotal() + " ns against the median "
                    + p.endToEndPercentile(50) + " ns");
        }
    }

    @Test
    void theCountersAgreeWithEveryEventTheTraceRecorded() {
        Require.perfCounters();
        Require.tracepoints();
        try (CountedReads reads = new CountedReads(SCRATCH.get("btrfs").directory(), Map.of("pattern", "FIRST"));
             ScenarioCounters counters = ScenarioCounters.open(reads.events());
             Tracefs tracefs = Tracefs.open();
             TraceInstance trace = TraceInstance.create(tracefs, 8192)) {
            FixtureEvents events = reads.events();
            trace.enable(EventName.IO_URING_SUBMIT_REQ, events.suiteReads());
            trace.enable(EventName.IO_URING_QUEUE_ASYNC_WORK, events.suiteReads());
            trace.enable(EventName.IOMAP_DIO_RW_BEGIN, events.directIo());
            trace.enable(EventName.IOMAP_DIO_COMPLETE, events.directIo());
            trace.enable(EventName.MM_FILEMAP_GET_PAGES, events.pageCache());
            trace.start();
            counters.startMeasured();
            reads.read(300);
            counters.endMeasured();
            trace.stop();
            assertEquals(0, trace.loss().total(), "no event lost");
            List<TraceRecord> records = trace.records();
            PathCounts counted = counters.counts(0);
            Map<String, Long> traced = new HashMap<>();
            count(traced, records, "submissions", "io_uring_submit_req", r -> true);
            count(traced, records, "punts", "io_uring_queue_async_work", r -> true);
            count(traced, records, "dio_attempts", "iomap_dio_rw_begin", r -> true);
            count(traced, records, "restarts", "iomap_dio_rw_begin", r -> r.longField("done_before") > 0);
            count(traced, records, "eagain", "iomap_dio_complete", r -> r.longField("error") == -11);
            count(traced, records, "partial", "iomap_dio_complete",
                    r -> r.longField("error") == 0 && r.longField("ret") > 0 && r.longField("ret") < 16384);
            count(traced, records, "zero_progress", "iomap_dio_complete",
                    r -> r.longField("error") == 0 && r.longField("ret") == 0);
            count(traced, records, "buffered", "mm_filemap_get_pages", r -> true);
            assertEquals(new PathCounts(traced.get("submissions"), traced.get("punts"), traced.get("dio_attempts"),
                    traced.get("restarts"), traced.get("eagain"), traced.get("partial"), traced.get("zero_progress"),
                    traced.get("buffered")), counted);
            assertTrue(counted.submissions() > 300, counted.toString());
        }
    }

    private static void count(Map<String, Long> into, List<TraceRecord> records, String name, String event,
                              Predicate<TraceRecord> when) {
        into.put(name, records.stream().filter(r -> r.event().equals(event)).filter(when).count());
    }
}
