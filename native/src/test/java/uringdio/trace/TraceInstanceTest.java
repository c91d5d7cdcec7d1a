package uringdio.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uringdio.testing.Require;
import uringdio.uring.IoUring;

/** A trace instance of our own: events with mono timestamps, parsed, and losses read, on the running kernel. */
class TraceInstanceTest {

    private static final int N = 32;

    @BeforeEach
    void needTracepoints() {
        Require.ioUring();
        Require.tracepoints();
    }

    @Test
    void theInstanceSeesEachCompletionBetweenTwoNanoTimeStamps() throws Exception {
        Submissions batch = Submissions.of(N);
        Path dir;
        try (Tracefs tracefs = Tracefs.open(); TraceInstance trace = TraceInstance.create(tracefs, 1024);
                IoUring ring = IoUring.builder().entries(4).build()) {
            dir = trace.dir();
            assertEquals(tracefs.root().resolve("instances"), dir.getParent());
            assertTrue(dir.getFileName().toString().startsWith("uring-dio-bench-" + ProcessHandle.current().pid()));
            assertTrue(Files.readString(dir.resolve("trace_clock")).contains("[mono]"));
            trace.enable(EventName.IO_URING_COMPLETE, batch.userDataFilter());
            trace.start();
            long before = System.nanoTime();
            batch.nops(ring);
            long after = System.nanoTime();
            trace.stop();

            List<TraceRecord> records = trace.records();
            assertEquals(N, records.size(), "one record per completion");
            for (int i = 0; i < N; i++) {
                TraceRecord r = records.get(i);
                assertEquals("io_uring_complete", r.event());
                assertEquals(batch.firstUserData + i, r.longField("user_data"), "in submission order");
                assertEquals(0, r.longField("res"));
                // The kernel prints microseconds: the record is the event's time rounded down to one.
                assertTrue(r.timestampNanos() >= before / 1000 * 1000 && r.timestampNanos() <= after,
                        r.timestampNanos() + " not within [" + before + ", " + after + "]");
            }
            assertEquals(new BufferLoss(0, 0, 0), trace.loss());
        }
        assertFalse(Files.exists(dir), "instance removed on close");
    }

    @Test
    void aBufferTooSmallForThePassReportsWhatItDropped() {
        Submissions batch = Submissions.of(4000);
        try (Tracefs tracefs = Tracefs.open(); TraceInstance trace = TraceInstance.create(tracefs, 4);
                IoUring ring = IoUring.builder().entries(4).build()) {
            trace.enable(EventName.IO_URING_COMPLETE, batch.userDataFilter());
            trace.start();
            batch.nops(ring);
            trace.stop();
            int seen = trace.records().size();
            BufferLoss loss = trace.loss();
            assertTrue(loss.dropped() > 0, "a 4 KiB-per-CPU buffer cannot hold 4000 events: " + loss);
            assertTrue(seen + loss.total() >= batch.count, seen + " seen + " + loss + " lost < " + batch.count);
        }
    }
}
