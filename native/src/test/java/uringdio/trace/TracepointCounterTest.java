package uringdio.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uringdio.libc.FileHandle;
import uringdio.libc.MappedMemory;
import uringdio.libc.NativeCallException;
import uringdio.platform.Availability;
import uringdio.testing.Require;
import uringdio.uring.IoUring;
import uringdio.uring.Opcode;

/** Exact counts of the kernel's events for requests this test submits, on the running kernel. */
class TracepointCounterTest {

    private static final int N = 64;
    private static Tracefs tracefs;

    @BeforeAll
    static void openTracefs() {
        if (Availability.perfCounters().usable()) {
            tracefs = Tracefs.open();
        }
    }

    @AfterAll
    static void closeTracefs() {
        if (tracefs != null) {
            tracefs.close();
        }
    }

    @BeforeEach
    void needCounters() {
        Require.ioUring();
        Require.perfCounters();
    }

    @Test
    void theBindingsPerfConstantsAreTheHeaders() {
        assertEquals(List.of(), PerfEventCalls.constantMismatches());
    }

    @Test
    void eachNopIsSubmittedAndCompletedExactlyOnce() {
        Submissions batch = Submissions.of(N);
        try (CounterSet counters = CounterSet.open(tracefs, List.of(
                new CounterSpec("submitted", EventName.IO_URING_SUBMIT_REQ, "opcode == " + Opcode.NOP + " && " + batch.userDataFilter()),
                new CounterSpec("completed", EventName.IO_URING_COMPLETE, batch.userDataFilter()),
                new CounterSpec("punted", EventName.IO_URING_QUEUE_ASYNC_WORK, batch.userDataFilter())));
                IoUring ring = IoUring.builder().entries(4).build()) {
            counters.enable();
            CounterSnapshot before = counters.snapshot();
            batch.nops(ring);
            CounterSnapshot d = CounterSnapshot.delta(before, counters.snapshot());
            assertEquals(N, d.get("submitted"));
            assertEquals(N, d.get("completed"));
            assertEquals(0, d.get("punted"), "an inline NOP never goes to io-wq");
        }
    }

    @Test
    void resetEnableAndDisableBracketWhatIsCounted() {
        try (IoUring ring = IoUring.builder().entries(4).build()) {
            Submissions whileDisabled = Submissions.of(N);
            try (TracepointCounter c = TracepointCounter.open(tracefs.event(EventName.IO_URING_COMPLETE),
                    whileDisabled.userDataFilter())) {
                whileDisabled.nops(ring);
                assertEquals(0, c.read(), "opened disabled");
                c.enable();
                whileDisabled.nops(ring); // same user_data again: now counted
                c.disable();
                assertEquals(N, c.read());
                whileDisabled.nops(ring);
                assertEquals(N, c.read(), "nothing counted once disabled");
                c.reset();
                assertEquals(0, c.read());
            }
        }
    }

    @Test
    void directReadsCountOnTheirDeviceAndNothingOnAnother() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/var/tmp"), "uring-dio-bench-trace-");
        Require.directIo(dir);
        Path path = dir.resolve("file");
        int length = 4096;
        long size = 16L * length;
        try (FileHandle file = FileHandle.createDirect(path); MappedMemory buf = MappedMemory.anonymous(size);
                IoUring ring = IoUring.builder().entries(4).build()) {
            buf.byteBuffer().put(0, (byte) 1);
            for (long off = 0; off < size; off += length) {
                file.pwriteFully(buf.address(), length, off);
            }
            file.fsync();
            long dev = KernelDev.ofPath(path);
            long ino = (Long) Files.getAttribute(path, "unix:ino");
            String thisFile = "dev == " + dev + " && ino == " + ino;
            Submissions batch = Submissions.of(N);
            try (CounterSet counters = CounterSet.open(tracefs, List.of(
                    new CounterSpec("begin", EventName.IOMAP_DIO_RW_BEGIN, thisFile),
                    new CounterSpec("begin elsewhere", EventName.IOMAP_DIO_RW_BEGIN,
                            "dev == " + (dev + 1) + " && ino == " + ino),
                    new CounterSpec("restarts", EventName.IOMAP_DIO_RW_BEGIN, thisFile + " && done_before > 0"),
                    new CounterSpec("complete", EventName.IOMAP_DIO_COMPLETE, thisFile + " && ret == " + length),
                    new CounterSpec("eagain", EventName.IOMAP_DIO_COMPLETE, thisFile + " && error == -11"),
                    new CounterSpec("buffered", EventName.MM_FILEMAP_GET_PAGES, "s_dev == " + dev + " && i_ino == " + ino),
                    new CounterSpec("cqes", EventName.IO_URING_COMPLETE, batch.userDataFilter() + " && res == " + length)))) {
                counters.reset();
                counters.enable();
                batch.reads(ring, file, buf, length, size);
                counters.disable();
                CounterSnapshot c = counters.snapshot();
                // ext4: the NOWAIT read is issued inline, once, and completes whole.
                assertEquals(N, c.get("begin"), c.toString());
                assertEquals(0, c.get("begin elsewhere"), "a filter on another device counts nothing");
                assertEquals(0, c.get("restarts"));
                assertEquals(N, c.get("complete"), c.toString());
                assertEquals(0, c.get("eagain"));
                assertEquals(0, c.get("buffered"), "O_DIRECT reads never touch the page cache");
                assertEquals(N, c.get("cqes"));
            }
        } finally {
            Files.deleteIfExists(path);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void aFilterOnAFieldTheEventLacksIsRefusedBeforeTheKernelSeesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TracepointCounter.open(tracefs.event(EventName.IO_URING_COMPLETE), "done_before > 0"));
        assertTrue(e.getMessage().contains("done_before"), e.getMessage());
        NativeCallException k = assertThrows(NativeCallException.class,
                () -> TracepointCounter.open(tracefs.event(EventName.IO_URING_COMPLETE), "res == "));
        assertTrue(k.getMessage().startsWith("ioctl PERF_EVENT_IOC_SET_FILTER `res == `: EINVAL"), k.getMessage());
    }
}
