package uringdio.fidelity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fio command line for a {@link SameRead}: fio's io_uring engine with direct=1 doing what the
 * suite's read loop does. Each option that is not fio's default is here because the suite does
 * it that way:
 *
 * <ul>
 *   <li>{@code --norandommap}: the suite draws every offset uniformly from the whole file, with
 *       repeats; fio's default map would read each block once per pass instead.</li>
 *   <li>{@code --iodepth_batch_submit=B --iodepth_batch_complete_min=1
 *       --iodepth_batch_complete_max=QD}: the suite submits B reads per submit call, waits for at
 *       least one completion and takes every completion that is ready.</li>
 *   <li>{@code --nonvectored=1}: IORING_OP_READ, as the suite prepares (fio 3.33 probes for it
 *       and would choose it anyway; saying so keeps a kernel without it from silently using READV).</li>
 *   <li>{@code --lat_percentiles=1}: percentiles of {@code lat} (from fio's prep of the SQE to its
 *       reap of the CQE), which is what the suite's end-to-end latency measures; fio's default
 *       percentiles are of {@code clat}, which starts after the submit call.</li>
 *   <li>{@code --clocksource=clock_gettime}: the clock the suite reads (System.nanoTime is
 *       CLOCK_MONOTONIC through the vDSO). fio's default on a CPU with an invariant TSC reads the
 *       TSC and converts with a rate it calibrates at start; the same clock leaves no question of
 *       calibration between the two figures.</li>
 *   <li>{@code --readonly --allow_file_create=0}: the file is the suite's fixture, whose bytes the
 *       suite checks on every read; fio must neither write nor lay it out again.</li>
 * </ul>
 *
 * <p>What fio does that no option changes: fio 3.33 sets up its ring with
 * IORING_SETUP_CQSIZE|COOP_TASKRUN|SINGLE_ISSUER|DEFER_TASKRUN (dropping them where the kernel
 * refuses) and passes IORING_ENTER_GETEVENTS on every submit. The suite's ring is given the same
 * three flags instead ({@link RingFlagsProperty}); its submit call passes no GETEVENTS, and its
 * wait for a completion does, as fio's does.
 *
 * @param read       the read both tools make
 * @param jsonOutput where fio writes its JSON report
 */
public record FioJob(SameRead read, Path jsonOutput) {

    /** The job's name in fio's report. */
    public static final String NAME = "fidelity";

    /** {@code fio} and its arguments. */
    public List<String> commandLine() {
        List<String> c = new ArrayList<>();
        c.add(FioProcess.EXECUTABLE);
        c.add("--name=" + NAME);
        c.add("--filename=" + escapeFilename(read.file().toString()));
        c.add("--size=" + read.fileBytes());
        c.add("--readonly");
        c.add("--allow_file_create=0");
        c.add("--ioengine=io_uring");
        c.add("--direct=1");
        c.add("--nonvectored=1");
        c.add("--rw=randread");
        c.add("--norandommap");
        c.add("--bs=" + read.readSize());
        c.add("--iodepth=" + read.queueDepth());
        c.add("--iodepth_batch_submit=" + read.submitBatch());
        c.add("--iodepth_batch_complete_min=1");
        c.add("--iodepth_batch_complete_max=" + read.queueDepth());
        c.add("--time_based");
        c.add("--ramp_time=" + read.warmupSeconds());
        c.add("--runtime=" + read.measuredSeconds());
        c.add("--clocksource=clock_gettime");
        c.add("--lat_percentiles=1");
        c.add("--percentile_list=" + FioResult.P50 + ":" + FioResult.P99);
        c.add("--output-format=json");
        c.add("--output=" + jsonOutput);
        return c;
    }

    /** The value of {@code --option=} on the command line, or null: what a reader (or a test) sees fio was told. */
    public String option(String name) {
        String prefix = "--" + name + "=";
        for (String arg : commandLine()) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return null;
    }

    /** The command line as one line a person can paste into a shell. */
    public String shellLine() {
        StringBuilder b = new StringBuilder();
        for (String arg : commandLine()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(arg.matches("[A-Za-z0-9_./=:,+@%-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }

    /** fio splits {@code --filename} at colons (several files); a colon in a path is escaped with a backslash. */
    static String escapeFilename(String path) {
        return path.replace(":", "\\:");
    }
}
