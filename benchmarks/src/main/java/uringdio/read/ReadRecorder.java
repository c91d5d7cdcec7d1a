package uringdio.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import uringdio.results.LatencyLog;

/**
 * Everything measured about one scenario's reads: per-read latencies in nanoseconds into
 * HdrHistogram {@link Recorder}s (interval histograms recycled each iteration), and counts of
 * what each completion turned out to be.
 *
 * <p>Latencies and throughput cover measurement iterations only; the correctness counts cover
 * every read, warm-up included, because a wrong read is a finding whenever it happens.
 * Recording is safe from two threads at once (a submitter and a reaper).
 */
public final class ReadRecorder {

    private static final int DIGITS = 3;

    private final Recorder submit = new Recorder(DIGITS);
    private final Recorder completion = new Recorder(DIGITS);
    private final Recorder endToEnd = new Recorder(DIGITS);
    private Histogram submitInterval;
    private Histogram completionInterval;
    private Histogram endToEndInterval;

    private final List<LatencyLog.Interval> intervals = new ArrayList<>();
    private final Histogram submitTotal = new Histogram(DIGITS);
    private final Histogram completionTotal = new Histogram(DIGITS);
    private final Histogram endToEndTotal = new Histogram(DIGITS);

    // Correctness counts: every completion of the scenario.
    private long completions;
    private long shortReads;
    private long dataMismatches;
    private long eagain;
    private long errors;
    // Costs kept out of the latencies, reported beside them.
    private long rearmNanos;
    private long rearms;
    private long checkNanos;
    private long checks;
    // Measurement iterations only.
    private boolean measuring;
    private long iterationStart;
    private long iterationReads;
    private long measuredReads;
    private long measuredBytes;
    private long measuredNanos;
    private ProcessCpu.Times iterationCpu;
    private ProcessCpu.Times measuredCpu = new ProcessCpu.Times(0, 0);
    private final ProcessCpu cpu = new ProcessCpu();
    private double iterationMachineNanos;
    private Map<String, Long> iterationWorkers = Map.of();
    private double measuredMachineNanos;
    private long measuredWorkerNanos;
    private long startTimeMillis;

    /** Starts an iteration; only a measurement iteration's latencies and time are kept. */
    public synchronized void startIteration(boolean measurement) {
        submitInterval = submit.getIntervalHistogram(submitInterval);
        completionInterval = completion.getIntervalHistogram(completionInterval);
        endToEndInterval = endToEnd.getIntervalHistogram(endToEndInterval);
        measuring = measurement;
        iterationReads = 0;
        if (measurement && startTimeMillis == 0) {
            startTimeMillis = System.currentTimeMillis();
        }
        iterationCpu = ProcessCpu.now();
        iterationMachineNanos = ProcessCpu.machineBusyNanos();
        iterationWorkers = cpu.sampleWorkers();
        iterationStart = System.nanoTime();
    }

    /** Ends the iteration begun by {@link #startIteration}; a measurement iteration's intervals join the log. */
    public synchronized void endIteration() {
        long elapsed = System.nanoTime() - iterationStart;
        ProcessCpu.Times used = ProcessCpu.now().minus(iterationCpu);
        double machine = ProcessCpu.machineBusyNanos() - iterationMachineNanos;
        long workers = ProcessCpu.workerNanosBetween(iterationWorkers, cpu.sampleWorkers());
        submitInterval = submit.getIntervalHistogram(submitInterval);
        completionInterval = completion.getIntervalHistogram(completionInterval);
        endToEndInterval = endToEnd.getIntervalHistogram(endToEndInterval);
        if (!measuring) {
            return;
        }
        // Wall time: the suite's own work (re-arming, checking) overlaps reads in flight, except
        // for PREAD, where nothing can overlap a synchronous read.
        measuredNanos += elapsed;
        measuredReads += iterationReads;
        measuredCpu = new ProcessCpu.Times(measuredCpu.userSeconds() + used.userSeconds(),
                measuredCpu.systemSeconds() + used.systemSeconds());
        measuredMachineNanos += machine;
        measuredWorkerNanos += workers;
        keep("submit", submitInterval, submitTotal);
        keep("completion", completionInterval, completionTotal);
        keep("e2e", endToEndInterval, endToEndTotal);
    }

    private void keep(String tag, Histogram interval, Histogram total) {
        if (interval.getTotalCount() > 0) {
            intervals.add(new LatencyLog.Interval(tag, interval.copy()));
            total.add(interval);
        }
    }

    /** Time inside the submit call, once for each read it submitted. */
    public void submitted(long nanos, int reads) {
        submit.recordValueWithCount(Math.max(0, nanos), reads);
    }

    /** A completion reaped: from the submit call's return, and from preparing the read, to now. */
    public void completed(long completionNanos, long endToEndNanos) {
        completion.recordValue(Math.max(0, completionNanos));
        endToEnd.recordValue(Math.max(0, endToEndNanos));
    }

    /** A synchronous read (pread): the call is the whole read. */
    public void completedSynchronously(long nanos) {
        endToEnd.recordValue(Math.max(0, nanos));
    }

    public synchronized void rearmed(long nanos) {
        rearmNanos += nanos;
        rearms++;
    }

    public synchronized void checked(long nanos, ReadCheck.Outcome outcome, long bytes) {
        checkNanos += nanos;
        checks++;
        completions++;
        switch (outcome) {
            case OK -> {
                iterationReads++;
                if (measuring) {
                    measuredBytes += bytes;
                }
            }
            case SHORT -> shortReads++;
            case DATA -> dataMismatches++;
            case EAGAIN -> eagain++;
            case ERROR -> errors++;
        }
    }

    public synchronized long completions() {
        return completions;
    }

    public synchronized long shortReads() {
        return shortReads;
    }

    public synchronized long dataMismatches() {
        return dataMismatches;
    }

    public synchronized long eagain() {
        return eagain;
    }

    public synchronized long errors() {
        return errors;
    }

    /** Correct reads completed in the current iteration so far. */
    public synchronized long measuredReadsInIteration() {
        return iterationReads;
    }

    public synchronized long measuredReads() {
        return measuredReads;
    }

    public synchronized double measuredSeconds() {
        return measuredNanos / 1e9;
    }

    public synchronized double readsPerSecond() {
        return measuredNanos == 0 ? 0 : measuredReads / (measuredNanos / 1e9);
    }

    public synchronized double mibPerSecond() {
        return measuredNanos == 0 ? 0 : (measuredBytes / 1048576.0) / (measuredNanos / 1e9);
    }

    public synchronized double rearmMeanNanos() {
        return rearms == 0 ? 0 : (double) rearmNanos / rearms;
    }

    public synchronized double checkMeanNanos() {
        return checks == 0 ? 0 : (double) checkNanos / checks;
    }

    public synchronized ProcessCpu.Times measuredCpu() {
        return measuredCpu;
    }

    /** Whole-machine busy CPU over the measured iterations, in ns (every CPU, every task, interrupts). */
    public synchronized double measuredMachineNanos() {
        return measuredMachineNanos;
    }

    /** The io-wq workers' CPU over the measured iterations, in ns (a lower bound: see {@link ProcessCpu#workerNanosBetween}). */
    public synchronized long measuredWorkerNanos() {
        return measuredWorkerNanos;
    }

    public synchronized int ioWqWorkersSeen() {
        return cpu.workersSeen();
    }

    public synchronized Histogram total(String metric) {
        return switch (metric) {
            case "submit" -> submitTotal;
            case "completion" -> completionTotal;
            case "e2e" -> endToEndTotal;
            default -> throw new IllegalArgumentException(metric);
        };
    }

    public synchronized List<LatencyLog.Interval> intervals() {
        return List.copyOf(intervals);
    }

    public synchronized long startTimeMillis() {
        return startTimeMillis == 0 ? System.currentTimeMillis() : startTimeMillis;
    }
}
