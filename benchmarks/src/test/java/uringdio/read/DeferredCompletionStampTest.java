package uringdio.read;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uringdio.fixture.ExtentFile;
import uringdio.platform.Availability;
import uringdio.scenario.ExtentFileSpec;
import uringdio.scenario.FileSizes;
import uringdio.scenario.FileVariant;
import uringdio.scenario.Scenario;
import uringdio.scenario.ScenarioParser;
import uringdio.scenario.Workload;
import uringdio.testing.Require;
import uringdio.testing.ScratchFilesystems;
import uringdio.trace.EventName;
import uringdio.trace.KernelDev;
import uringdio.trace.TraceInstance;
import uringdio.trace.TraceRecord;
import uringdio.trace.Tracefs;
import uringdio.uring.SetupFlag;

/**
 * Under DEFER_TASKRUN a finished read's CQE is written only when the task enters the kernel. The
 * kernel's own timestamps say how long each read waited for that: from {@code iomap_dio_complete}
 * (the direct I/O done; ext4 at QD16, buffers RESIDENT as fidelity's, and ALL, whose re-arm
 * takes a while) to
 * {@code io_uring_complete} (the CQE posted, right before the loop stamps it). Flushing between
 * the checks and re-arms must cut that wait; the medians are printed. A measurement, not a check
 * of correctness: it runs only when asked, with {@code -DargLine=-Duringdio.measure=true}, on a
 * machine quiet enough for its figures to mean something.
 */
class DeferredCompletionStampTest {

    @RegisterExtension
    static final ScratchFilesystems SCRATCH = new ScratchFilesystems();

    private static final int READ = 16384;
    private static final int STEPS = 4000;

    @ParameterizedTest
    @ValueSource(strings = {"RESIDENT", "ALL"})
    void flushingPostsCompletionsSoonerThanTheNextWait(String pattern, @TempDir Path buffers) throws IOException {
        Require.that(new Availability.Answer(Boolean.getBoolean("uringdio.measure"),
                "run with -DargLine=-Duringdio.measure=true on a quiet machine"), "a timing measurement, not a check");
        Require.tracepoints();
        ExtentFile file = ExtentFile.obtain(SCRATCH.get("ext4").directory(),
                new ExtentFileSpec(4, 4096, 256, FileVariant.PLAIN));
        String ours = "ino == " + Files.getAttribute(file.path(), "unix:ino") + " && " + KernelDev.filter("dev", file.path());
        Scenario scenario = ScenarioParser.parseRunnable(Workload.EXTENT_READ,
                Map.of("fs", "ext4", "pattern", pattern, "queueDepth", "16", "submitBatch", "01"), FileSizes.defaults());
        double[] without = lagsMicros(scenario, file, ours, buffers, false);
        double[] with = lagsMicros(scenario, file, ours, buffers, true);
        double medianWithout = median(without);
        double medianWith = median(with);
        System.out.printf("stamp lag, iomap_dio_complete to io_uring_complete, ext4 QD16 16 KiB pattern %s, "
                        + "DEFER_TASKRUN: median %.1f us (p90 %.1f) waiting for the next wait, %.1f us (p90 %.1f) "
                        + "flushed; %d and %d reads%n", pattern, medianWithout, quantile(without, 0.9), medianWith,
                quantile(with, 0.9), without.length, with.length);
        assertTrue(without.length > STEPS / 2 && with.length > STEPS / 2, "reads matched in the trace");
        assertTrue(medianWith < medianWithout, "flushing posts completions sooner: " + medianWith + " us against "
                + medianWithout + " us");
    }

    /** Per read: posted minus done, in us, from one traced pass of the loop. */
    private static double[] lagsMicros(Scenario scenario, ExtentFile file, String ours, Path buffers, boolean flush) {
        System.setProperty(ReadLoop.FLUSH_PROPERTY, Boolean.toString(flush));
        List<TraceRecord> records;
        int self = threadId();
        try (TraceInstance trace = TraceInstance.create(Tracefs.open(), 16384);
             ReadLoop loop = new ReadLoop(scenario, file, new ReadRecorder(), new Findings("test"), buffers, 1,
                     EnumSet.of(SetupFlag.COOP_TASKRUN, SetupFlag.SINGLE_ISSUER, SetupFlag.DEFER_TASKRUN))) {
            assertTrue(loop.ringFlags().contains("DEFER_TASKRUN"), "the kernel took DEFER_TASKRUN: " + loop.ringFlags());
            trace.enable(EventName.IO_URING_SUBMIT_REQ, "");
            trace.enable(EventName.IO_URING_COMPLETE, "");
            trace.enable(EventName.IOMAP_DIO_RW_BEGIN, ours);
            trace.enable(EventName.IOMAP_DIO_COMPLETE, ours);
            loop.prime();
            trace.start();
            for (int i = 0; i < STEPS; i++) {
                loop.step();
            }
            trace.stop();
            records = trace.records();
        } finally {
            System.clearProperty(ReadLoop.FLUSH_PROPERTY);
        }
        // Submitted by this thread: user_data, then (inline, same task) the offset it reads. Done: by
        // offset. Posted by this thread (DEFER_TASKRUN runs the completion work in the task): by user_data.
        Map<Long, Long> offsetOf = new HashMap<>();
        Map<Long, Long> doneAt = new HashMap<>();
        long pendingUserData = -1;
        double[] lags = new double[records.size()];
        int n = 0;
        for (TraceRecord r : records) {
            switch (r.event()) {
                case "io_uring_submit_req" -> pendingUserData = r.pid() == self ? r.longField("user_data") : -1;
                case "iomap_dio_rw_begin" -> {
                    if (r.pid() == self && pendingUserData >= 0) {
                        offsetOf.put(pendingUserData, position(r));
                        pendingUserData = -1;
                    }
                }
                case "iomap_dio_complete" -> {
                    if (r.longField("ret") > 0) {
                        // The event prints the file position after the read: its start plus what it returned.
                        doneAt.put(position(r) - r.longField("ret"), r.timestampNanos());
                    }
                }
                case "io_uring_complete" -> {
                    if (r.pid() != self) {
                        break;
                    }
                    Long offset = offsetOf.remove(r.longField("user_data"));
                    Long done = offset == null ? null : doneAt.remove(offset);
                    if (done != null) {
                        lags[n++] = (r.timestampNanos() - done) / 1000.0;
                    }
                }
                default -> { }
            }
        }
        return Arrays.copyOf(lags, n);
    }

    /** The file offset of an iomap event: {@code pos} in the event's format ({@code offset} in older ones). */
    private static long position(TraceRecord r) {
        return r.fields().containsKey("pos") ? r.longField("pos") : r.longField("offset");
    }

    /** The kernel's id of this thread: the pid its trace events carry. */
    private static int threadId() {
        try {
            return Integer.parseInt(Path.of("/proc/thread-self").toRealPath().getFileName().toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/thread-self", e);
        }
    }

    private static double median(double[] v) {
        return quantile(v, 0.5);
    }

    private static double quantile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[Math.min(s.length - 1, (int) (q * s.length))];
    }
}
