package uringdio.results;

import java.util.Map;
import org.HdrHistogram.Histogram;
import uringdio.attribution.Attribution;

/**
 * What a benchmark measured for one scenario, as it hands it to {@link Columns#row}: the file as
 * laid out, the target it was on, the counts and the latency histograms. The benchmark fills this
 * and nothing else; which column each value goes to is {@link Columns}'s business.
 *
 * @param extentSize         bytes per extent of the file
 * @param extentsMeasuredMin fewest extents FIEMAP found in one read range
 * @param extentsMeasuredMax most extents FIEMAP found in one read range
 * @param extentsEncoded     extents FIEMAP flags as encoded (compressed)
 * @param fileSize           bytes of the file
 * @param ringFlags          the ring's setup flags as made
 * @param target             the target's facts
 * @param counts             the completions and what they were
 * @param measuredSeconds    measured iterations' time
 * @param readsPerSecond     correct reads per measured second
 * @param mibPerSecond       correct MiB per measured second
 * @param latencies          {@link Columns#LATENCIES} name to its histogram, in nanoseconds
 * @param rearmMeanNs        mean time to re-arm a buffer
 * @param checkMeanNs        mean time to check a read
 * @param cpuUserUsPerRead   process user CPU per measured read
 * @param cpuSysUsPerRead    process system CPU per measured read
 * @param ioWqWorkersSeen    io-wq worker threads seen
 * @param pageCachePages     pages of the file in the page cache after the scenario
 * @param hlog               the scenario's latency log, relative to the run directory
 * @param cpu                CPU per read in ns: the process's, the machine's, the io-wq workers'
 * @param attribution        the kernel path counted and traced, or why not
 */
public record ScenarioMeasurements(int extentSize, int extentsMeasuredMin, int extentsMeasuredMax, int extentsEncoded,
                                   long fileSize, String ringFlags, TargetFacts target, Counts counts,
                                   double measuredSeconds, double readsPerSecond, double mibPerSecond,
                                   Map<String, Histogram> latencies, double rearmMeanNs, double checkMeanNs,
                                   double cpuUserUsPerRead, double cpuSysUsPerRead, int ioWqWorkersSeen,
                                   long pageCachePages, String hlog, CpuPerRead cpu, Attribution attribution) {

    /**
     * CPU per measured read, in ns, over the measured iterations' wall time.
     *
     * @param processNs the process's user and system time (io-wq workers included), in 10 ms ticks
     * @param machineNs every CPU's busy time (/proc/stat): also btrfs's workqueues, the loop worker,
     *                  interrupts, and anything else running then
     * @param ioWqNs    the io-wq workers' own time (their schedstat), a lower bound: a worker that
     *                  exited within an iteration is missing
     */
    public record CpuPerRead(double processNs, double machineNs, double ioWqNs) {
        public static final CpuPerRead UNKNOWN = new CpuPerRead(Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Where the scenario ran.
     *
     * @param kind              scratch-loop, user-directory, formatted-device or current-directory
     * @param filesystem        the type statfs reports
     * @param mountOptions      per-mount and superblock options
     * @param device            the mount's source
     * @param loopBackingFile   the image behind a loop device, or empty
     * @param loopDirectIo      "on"/"off" for a loop device, or empty
     * @param logicalSectorSize of the block device (0 if unknown)
     * @param pageSize          the CPU page size
     */
    public record TargetFacts(String kind, String filesystem, String mountOptions, String device, String loopBackingFile,
                              String loopDirectIo, int logicalSectorSize, int pageSize) {
    }

    /**
     * Every completion counted, never dropped.
     *
     * @param reads             correct reads in measured iterations
     * @param completions       every completion checked
     * @param shortReads        completions with fewer bytes than asked
     * @param dataMismatches    completions with a wrong byte
     * @param eagain            -EAGAIN completions
     * @param errors            other errors
     * @param patternChecks     buffers checked against their pattern
     * @param patternMismatches buffers not as their pattern asked
     * @param findings          findings written
     */
    public record Counts(long reads, long completions, long shortReads, long dataMismatches, long eagain, long errors,
                         long patternChecks, long patternMismatches, long findings) {
    }
}
