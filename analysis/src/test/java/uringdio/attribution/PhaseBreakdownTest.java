package uringdio.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Phases of reads built from the events a 6.18 kernel traced for the suite's reads of a 16 KiB,
 * 4-extent file on btrfs (times in microseconds after an arbitrary origin, fields by their format's names).
 */
class PhaseBreakdownTest {

    private static final int READ = 16384;

    /** {@code "12.5 task event k=v k=v"}: one traced event. */
    private static TracedEvent ev(String line) {
        String[] w = line.trim().split(" +");
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 3; i < w.length; i++) {
            String[] kv = w[i].split("=", 2);
            fields.put(kv[0], kv[1]);
        }
        return new TracedEvent(Math.round(Double.parseDouble(w[0]) * 1000), w[1], w[2], fields);
    }

    private static List<TracedEvent> events(String... lines) {
        List<TracedEvent> out = new ArrayList<>();
        for (String l : lines) {
            out.add(ev(l));
        }
        return out;
    }

    /** A read of the seed's scenario (FIRST): refused, punted, partial, waited, faulted in, restarted. */
    private static final String[] FIRST_READ = {
        "100.0 bench io_uring_submit_req user_data=0x1",
        "101.0 bench iomap_dio_rw_begin pos=0x3c000 done_before=0x0 ki_flags=8",
        "101.5 bench iomap_dio_complete pos=0x3c000 error=-11 ret=-11",
        "102.0 bench io_uring_queue_async_work user_data=0x1",
        "123.0 iou-wrk iomap_dio_rw_begin pos=0x3c000 done_before=0x0 ki_flags=0",
        "204.0 iou-wrk iomap_dio_complete pos=0x3d000 error=0 ret=4096",
        "213.0 iou-wrk iomap_dio_rw_begin pos=0x3d000 done_before=0x1000 ki_flags=0",
        "225.0 iou-wrk iomap_dio_rw_queued",
        "310.0 kworker iomap_dio_complete pos=0x40000 error=0 ret=16384",
        "335.0 bench io_uring_complete user_data=0x1 result=16384",
    };

    @Test
    void theSeedsReadIsCutIntoItsPhasesWhichAddUp() {
        SuiteStamp stamp = new SuiteStamp(1, 0x3c000, 98_000, 337_000);
        PhaseBreakdown b = PhaseBreakdown.of(events(FIRST_READ), List.of(stamp), READ);
        assertEquals(1, b.reads());
        assertEquals(0, b.incomplete());
        assertEquals(List.of(Phase.SUBMIT, Phase.NOWAIT_REFUSED, Phase.PUNT, Phase.FORCED_WAIT, Phase.FAULT_IN,
                Phase.DIRECT_IO, Phase.POSTED, Phase.STAMP_LAG), b.phases());
        assertEquals(2_000, b.percentile(Phase.SUBMIT, 50), 10);
        assertEquals(1_500, b.percentile(Phase.NOWAIT_REFUSED, 50), 10);
        assertEquals(21_500, b.percentile(Phase.PUNT, 50), 30);
        assertEquals(81_000, b.percentile(Phase.FORCED_WAIT, 50), 100);
        assertEquals(9_000, b.percentile(Phase.FAULT_IN, 50), 10);
        assertEquals(97_000, b.percentile(Phase.DIRECT_IO, 50), 100);
        assertEquals(25_000, b.percentile(Phase.POSTED, 50), 30);
        assertEquals(2_000, b.percentile(Phase.STAMP_LAG, 50), 10);
        assertEquals(239_000, b.endToEndPercentile(50), 300);
        assertTrue(b.addsUp(), "sum " + b.medianReadTotal() + " against " + b.endToEndPercentile(50));
        assertEquals(81_000, b.medianRead(Phase.FORCED_WAIT), 1);
        assertEquals(239_000, b.medianReadTotal(), 1);
    }

    @Test
    void aReadIntoAResidentBufferHasNoForcedWait() {
        SuiteStamp stamp = new SuiteStamp(0, 0x1c000, 10_000, 160_000);
        PhaseBreakdown b = PhaseBreakdown.of(events(
                "11.0 bench io_uring_submit_req user_data=0x0",
                "11.5 bench iomap_dio_rw_begin pos=0x1c000 done_before=0x0 ki_flags=8",
                "12.0 bench iomap_dio_complete pos=0x1c000 error=-11 ret=-11",
                "30.0 iou-wrk iomap_dio_rw_begin pos=0x1c000 done_before=0x0 ki_flags=0",
                "140.0 kworker iomap_dio_complete pos=0x20000 error=0 ret=16384",
                "150.0 bench io_uring_complete user_data=0x0 result=16384"), List.of(stamp), READ);
        assertEquals(List.of(Phase.SUBMIT, Phase.NOWAIT_REFUSED, Phase.PUNT, Phase.DIRECT_IO, Phase.POSTED,
                Phase.STAMP_LAG), b.phases());
        assertEquals(0, b.count(Phase.FORCED_WAIT));
        assertEquals(110_000, b.percentile(Phase.DIRECT_IO, 50), 100);
    }

    @Test
    void aReadWithNoResidentPageEndsBuffered() {
        SuiteStamp stamp = new SuiteStamp(0, 0, 0, 90_000);
        PhaseBreakdown b = PhaseBreakdown.of(events(
                "1.0 bench io_uring_submit_req user_data=0x0",
                "1.5 bench iomap_dio_rw_begin pos=0x0 done_before=0x0 ki_flags=8",
                "2.0 bench iomap_dio_complete pos=0x0 error=-11 ret=-11",
                "20.0 iou-wrk iomap_dio_rw_begin pos=0x0 done_before=0x0 ki_flags=0",
                "22.0 iou-wrk iomap_dio_complete pos=0x0 error=0 ret=0",
                "23.0 iou-wrk mm_filemap_get_pages",
                "85.0 bench io_uring_complete user_data=0x0 result=16384"), List.of(stamp), READ);
        assertEquals(List.of(Phase.SUBMIT, Phase.NOWAIT_REFUSED, Phase.PUNT, Phase.NO_PROGRESS, Phase.BUFFERED,
                Phase.STAMP_LAG), b.phases());
        assertEquals(63_000, b.percentile(Phase.BUFFERED, 50), 100);
    }

    @Test
    void readsOfTheSameOffsetInFlightTogetherAreMatchedInOrder() {
        List<SuiteStamp> stamps = List.of(new SuiteStamp(0, 0x4000, 0, 60_000), new SuiteStamp(1, 0x4000, 1_000, 80_000));
        PhaseBreakdown b = PhaseBreakdown.of(events(
                "2.0 bench io_uring_submit_req user_data=0x0",
                "3.0 bench io_uring_submit_req user_data=0x1",
                "4.0 bench iomap_dio_rw_begin pos=0x4000 done_before=0x0 ki_flags=8",
                "5.0 bench iomap_dio_rw_begin pos=0x4000 done_before=0x0 ki_flags=8",
                "50.0 irq iomap_dio_complete pos=0x8000 error=0 ret=16384",
                "55.0 bench io_uring_complete user_data=0x0 result=16384",
                "70.0 irq iomap_dio_complete pos=0x8000 error=0 ret=16384",
                "75.0 bench io_uring_complete user_data=0x1 result=16384"), stamps, READ);
        assertEquals(2, b.reads());
        assertEquals(List.of(Phase.SUBMIT, Phase.DIRECT_IO, Phase.POSTED, Phase.STAMP_LAG), b.phases());
        assertEquals(48_000, b.percentile(Phase.DIRECT_IO, 50), 100);
        assertEquals(67_000, b.percentile(Phase.DIRECT_IO, 100), 100);
    }

    @Test
    void readsCutOffAtThePassesEdgesAreCountedNotTimed() {
        List<SuiteStamp> stamps = List.of(new SuiteStamp(1, 0x3c000, 98_000, 337_000), new SuiteStamp(0, 0, 400_000, 500_000));
        PhaseBreakdown b = PhaseBreakdown.of(events(FIRST_READ), stamps, READ);
        assertEquals(1, b.reads());
        assertEquals(1, b.incomplete());
    }

    @Test
    void aStampOfAReadSubmittedBeforeTheTraceBeganIsNotMistakenForTheNext() {
        List<SuiteStamp> stamps = List.of(new SuiteStamp(1, 0x10000, 50_000, 90_000),
                new SuiteStamp(1, 0x3c000, 98_000, 337_000));
        PhaseBreakdown b = PhaseBreakdown.of(events(FIRST_READ), stamps, READ);
        assertEquals(1, b.reads());
        assertEquals(1, b.incomplete());
        assertEquals(239_000, b.endToEndPercentile(50), 300);
    }

    @Test
    void aSubmissionPrintedUpToAMicrosecondBeforeItsStampStillMatches() {
        SuiteStamp stamp = new SuiteStamp(1, 0x3c000, 100_900, 337_000);
        PhaseBreakdown b = PhaseBreakdown.of(events(FIRST_READ), List.of(stamp), READ);
        assertEquals(1, b.reads());
        assertEquals(0, b.percentile(Phase.SUBMIT, 50));
    }

    @Test
    void aTypicalReadsPhasesAddUpEvenWhenMediansOfPhasesDoNot() {
        // Half the reads wait long and post fast, half the other way round: the phases' medians
        // add up to less than any read took, the typical read's phases to exactly its time.
        List<TracedEvent> events = new ArrayList<>();
        List<SuiteStamp> stamps = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long t0 = i * 1_000L;
            boolean slowIo = i % 2 == 0;
            long io = slowIo ? 150 : 50;
            long post = slowIo ? 10 : 110;
            stamps.add(new SuiteStamp(0, 0x4000, t0 * 1000, (t0 + 1 + io + post + 1) * 1000));
            events.addAll(events(
                    (t0 + 1) + " bench io_uring_submit_req user_data=0",
                    (t0 + 1 + io) + " irq iomap_dio_complete pos=0x8000 error=0 ret=16384",
                    (t0 + 1 + io + post) + " bench io_uring_complete user_data=0"));
        }
        PhaseBreakdown b = PhaseBreakdown.of(events, stamps, READ);
        assertEquals(100, b.reads());
        assertEquals(162_000, b.endToEndPercentile(50), 200);
        assertTrue(b.addsUp(), b.medianReadTotal() + " against " + b.endToEndPercentile(50));
    }
}
