package uringdio.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text the kernel hands back (trace lines, cpulists, filters, device numbers), parsed without a kernel. */
class TraceTextTest {

    @Test
    void aFieldsLineGivesTaskPidCpuMonoTimeAndDecimalFields() {
        TraceRecord r = TraceRecord.parse("     iou-wrk-1234-1240    [001] d..1.   314.992746: iomap_dio_complete: "
                + "dev=0xfe00000 (266338304) ino=0x160053 (1441875) aio=(1) error=0xfffffff5 (-11) ret=0x1000 (4096)").orElseThrow();
        assertEquals("iou-wrk-1234", r.task());
        assertEquals(1240, r.pid());
        assertEquals(1, r.cpu());
        assertEquals(314_992_746_000L, r.timestampNanos());
        assertEquals("iomap_dio_complete", r.event());
        assertEquals(266338304L, r.longField("dev"));
        assertEquals(1, r.longField("aio"));
        assertEquals(-11, r.longField("error"));
        assertEquals(4096, r.longField("ret"));
        assertThrows(IllegalArgumentException.class, () -> r.field("done_before"));
    }

    @Test
    void aCommWithSpacesAndAStringFieldParse() {
        TraceRecord r = TraceRecord.parse("   my worker 2-77      [000] .....  5.000001: io_uring_submit_req: "
                + "ctx=0xffff888100000000 (18446612686364999680) opcode=0x0 (0) op_str=NOP").orElseThrow();
        assertEquals("my worker 2", r.task());
        assertEquals(77, r.pid());
        assertEquals("NOP", r.field("op_str"));
        assertEquals(0, r.longField("opcode"));
        assertEquals(0xffff888100000000L, r.longField("ctx"));
    }

    @Test
    void headersAndLostEventNotesAreNotRecords() {
        assertTrue(TraceRecord.parse("# tracer: nop").isEmpty());
        assertTrue(TraceRecord.parse("CPU:1 [LOST 12 EVENTS]").isEmpty());
        assertTrue(TraceRecord.parse("").isEmpty());
    }

    @Test
    void cpulistsExpandRanges() {
        assertEquals(List.of(0, 1), OnlineCpus.parse("0-1"));
        assertEquals(List.of(0, 2, 3, 4, 7), OnlineCpus.parse("0,2-4,7"));
        assertEquals(List.of(5), OnlineCpus.parse("5\n".trim()));
    }

    @Test
    void theKernelDevTIsMkdevNotTheUserSpaceEncoding() {
        assertEquals(0xfe00000L, KernelDev.of(254, 0));
        assertEquals(7340032L, KernelDev.of(7, 0)); // loop0, as the seed's filters name it
        assertEquals(0xfe00000L, KernelDev.ofStDev(0xfe00L)); // glibc makedev(254, 0)
        assertEquals(KernelDev.of(259, 300), KernelDev.ofStDev(0x11032cL)); // makedev(259, 300): minor's high bits move
        assertThrows(IllegalArgumentException.class, () -> KernelDev.of(1, 1 << 20));
    }

    @Test
    void filterFieldsAreTheLeftSidesOfComparisons() {
        assertEquals(List.of("dev", "done_before", "error"),
                TraceEvent.filterFields("dev == 7340032 && (done_before > 0 || error == -11)"));
        TraceEvent e = new TraceEvent(EventName.IOMAP_DIO_COMPLETE, 1, java.util.Set.of("dev", "error", "ret"));
        e.checkFilter("dev == 1 && ret == 0");
        e.checkFilter("");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> e.checkFilter("done_before > 0"));
        assertTrue(bad.getMessage().contains("[done_before]"), bad.getMessage());
    }

    @Test
    void eventNamesAndMountPathsParse() {
        assertEquals(EventName.IO_URING_COMPLETE, EventName.of("io_uring/io_uring_complete"));
        assertThrows(IllegalArgumentException.class, () -> EventName.of("io_uring_complete"));
        assertEquals("/var/tmp/a b", Tracefs.unescapeOctal("/var/tmp/a\\040b"));
    }

    @Test
    void aDeltaIsAfterMinusBeforeByName() {
        CounterSnapshot before = new CounterSnapshot(Map.of("punts", 3L, "restarts", 1L));
        CounterSnapshot after = new CounterSnapshot(Map.of("punts", 10L, "restarts", 1L));
        CounterSnapshot d = CounterSnapshot.delta(before, after);
        assertEquals(7, d.get("punts"));
        assertEquals(0, d.get("restarts"));
        assertThrows(IllegalArgumentException.class, () -> d.get("reads"));
        assertThrows(IllegalArgumentException.class,
                () -> CounterSnapshot.delta(before, new CounterSnapshot(Map.of("punts", 1L))));
    }
}
