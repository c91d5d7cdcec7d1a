package uringdio.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import uringdio.platform.Availability;
import uringdio.platform.Availability.Answer;

/**
 * Test preconditions taken from {@link Availability}: a test that cannot run here is skipped
 * with its reason printed, never passed silently.
 */
public final class Require {

    private Require() {
    }

    public static void that(Answer answer, String what) {
        if (!answer.usable()) {
            String reason = what + ": " + answer.reason();
            System.err.println("SKIPPED (" + caller() + ") " + reason);
            Assumptions.abort(reason);
        }
    }

    public static void ioUring() {
        that(Availability.ioUring(), "io_uring");
    }

    public static void root() {
        that(Availability.root(), "root");
    }

    /** Everything a loop-mounted {@code fs} needs: root, loop devices, the kernel's fs, its mkfs. */
    public static void scratchFilesystem(String fs) {
        that(Availability.loopDevices(), fs + " scratch filesystem");
        that(Availability.filesystem(fs), fs + " scratch filesystem");
    }

    /** tracefs with every event the suite traces (root). */
    public static void tracepoints() {
        that(Availability.tracepoints(), "tracepoints");
    }

    /** CPU-wide perf counters of tracepoints (root or CAP_PERFMON). */
    public static void perfCounters() {
        that(Availability.perfCounters(), "tracepoint counters");
    }

    public static void directIo(Path dir) {
        that(Availability.directIo(dir), "O_DIRECT in " + dir);
    }

    private static String caller() {
        return StackWalker.getInstance().walk(s -> s
                .filter(f -> !f.getClassName().equals(Require.class.getName()))
                .findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
                .orElse("?"));
    }
}
