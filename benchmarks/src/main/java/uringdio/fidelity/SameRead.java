package uringdio.fidelity;

import java.nio.file.Path;
import java.util.Locale;
import uringdio.bench.PlannedScenario;
import uringdio.scenario.ExtentFileSpec;
import uringdio.scenario.FaultPattern;
import uringdio.scenario.FileSizes;
import uringdio.scenario.FileVariant;
import uringdio.scenario.SubmitMode;
import uringdio.scenario.Workload;

/**
 * The one read that fio and the suite are both asked to make: the same file, read size, queue
 * depth and submit batch, warmed up and then measured for the same number of seconds. Both jobs
 * are built from this, so nothing they have in common is written twice.
 *
 * <p>The suite's side does by default what fio does with a buffer: {@link FaultPattern#RESIDENT}
 * (allocated once, faulted in by the first read, never dropped) read with io_uring's own issue
 * ({@link SubmitMode#INLINE}: no RWF_NOWAIT, no IOSQE_ASYNC), as fio's io_uring engine reads by
 * default. {@code --like-profile} reads with the default profile's seed read and its
 * {@link FaultPattern#ALL} buffer instead (every page dropped and touched again before each read),
 * so that the comparison speaks for the table's figures.
 *
 * @param fs              the filesystem's name as the suite knows it (btrfs, ext4, xfs)
 * @param file            the file both read
 * @param spec            the file's layout: its size is {@code spec.fileBytes()}
 * @param queueDepth      reads in flight
 * @param submitBatch     reads per submit call
 * @param warmupSeconds   fio's ramp_time, the suite's warm-up iterations of one second
 * @param measuredSeconds fio's runtime, the suite's measurement iterations of one second
 * @param pattern         the suite's buffer pattern
 */
public record SameRead(String fs, Path file, ExtentFileSpec spec, int queueDepth, int submitBatch, int warmupSeconds,
                       int measuredSeconds, FaultPattern pattern) {

    /** What fio does with its buffers: faulted in once, never dropped. */
    public static final FaultPattern FIO_PATTERN = FaultPattern.RESIDENT;
    public static final SubmitMode MODE = SubmitMode.INLINE;

    /** The read with fio's own buffer pattern. */
    public SameRead(String fs, Path file, ExtentFileSpec spec, int queueDepth, int submitBatch, int warmupSeconds,
                    int measuredSeconds) {
        this(fs, file, spec, queueDepth, submitBatch, warmupSeconds, measuredSeconds, FIO_PATTERN);
    }

    public SameRead {
        if (spec.variant() != FileVariant.PLAIN) {
            throw new IllegalArgumentException("fio reads a plain file: the " + spec.variant() + " variant is the suite's own");
        }
        if (warmupSeconds < 0 || measuredSeconds < 1) {
            throw new IllegalArgumentException("warm-up must be 0 s or more and the measurement at least 1 s, not "
                    + warmupSeconds + " s and " + measuredSeconds + " s");
        }
    }

    /** Bytes per read: one read range of the file. */
    public int readSize() {
        return (int) spec.rangeBytes();
    }

    public long fileBytes() {
        return spec.fileBytes();
    }

    /**
     * The suite's scenario for this read, as the run command would plan it: ExtentReadBenchmark's
     * parameters, checked by the same parser the benchmark's fork uses.
     */
    public PlannedScenario scenario() {
        return PlannedScenario.of(Workload.EXTENT_READ, new FileSizes(spec.ranges(), FileSizes.DEFAULT_LARGE_FILE,
                        FileSizes.DEFAULT_LARGE_EXTENT),
                "fs=" + fs,
                "readSize=" + String.format(Locale.ROOT, "%07d", readSize()),
                "extents=" + String.format(Locale.ROOT, "%02d", spec.extentsPerRange()),
                "variant=" + FileVariant.PLAIN.name(),
                "pattern=" + pattern.name(),
                "mode=" + MODE.name(),
                "retryEagain=false",
                "queueDepth=" + String.format(Locale.ROOT, "%02d", queueDepth),
                "submitBatch=" + String.format(Locale.ROOT, "%02d", submitBatch));
    }

    /** {@code ext4 QD16}, for progress lines and the table. */
    public String label() {
        return fs + " QD" + queueDepth + (submitBatch > 1 ? " batch " + submitBatch : "");
    }
}
