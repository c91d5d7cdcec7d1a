package uringdio.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import uringdio.fixture.ExtentFile;
import uringdio.fixture.PageCache;
import uringdio.fixture.Target;
import uringdio.fixture.TargetEnvironment;
import uringdio.libc.FileHandle;
import uringdio.libc.LibC;
import uringdio.read.Findings;
import uringdio.read.ReadRecorder;
import uringdio.read.Scenario;
import uringdio.results.AtomicFiles;
import uringdio.results.Columns;
import uringdio.results.LatencyLog;
import uringdio.results.Metadata;
import uringdio.results.ResultsCsv;
import uringdio.results.RunFiles;
import uringdio.run.SystemFacts;

/**
 * One scenario's life in a benchmark JVM: its target and fixture file, made or found; its
 * recorder and findings; and at the end its row in scenarios.csv, its .hlog and its findings,
 * each written atomically so a scenario is in the results whole or not at all.
 */
final class ScenarioRun implements AutoCloseable {


    private final Scenario scenario;
    private final Target target;
    private final TargetEnvironment environment;
    private final ExtentFile file;
    private final ReadRecorder recorder = new ReadRecorder();
    private final Findings findings;
    private final Path results;

    private ScenarioRun(Scenario scenario, Target target, TargetEnvironment environment, ExtentFile file, Path results) {
        this.scenario = scenario;
        this.target = target;
        this.environment = environment;
        this.file = file;
        this.results = results;
        this.findings = new Findings(scenario.extents() + " extents, pattern " + scenario.pattern() + ", "
                + scenario.mode() + ", qd " + scenario.queueDepth() + ", kernel " + SystemFacts.kernel());
    }

    /** Finds or makes the scenario's target and fixture file, with no page of it left in the page cache. */
    static ScenarioRun open(Scenario scenario) {
        Target target = ForkTarget.acquire(scenario.fs(), scenario.fileSpec().fileBytes() * 3);
        try {
            TargetEnvironment env = target.environment();
            if (env.logicalSectorSize() > 0) {
                scenario.validate(env.logicalSectorSize());
            }
            ExtentFile file = ExtentFile.obtain(target.directory(), scenario.fileSpec());
            try (FileHandle h = FileHandle.open(file.path(), LibC.O_RDONLY)) {
                // A read btrfs served with buffered I/O in an earlier scenario must not serve this one.
                PageCache.drop(h, file.size());
            }
            Path results = ResultsDirectory.resolve();
            Files.createDirectories(results);
            Metadata.addTarget(results, SystemFacts.collect(), scenario.fs(), env.asMap());
            return new ScenarioRun(scenario, target, env, file, results);
        } catch (IOException e) {
            target.close();
            throw new UncheckedIOException("cannot write results: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    Scenario scenario() {
        return scenario;
    }

    Target target() {
        return target;
    }

    ExtentFile file() {
        return file;
    }

    ReadRecorder recorder() {
        return recorder;
    }

    Findings findings() {
        return findings;
    }

    /** Writes the scenario's row, latency log and findings. */
    void writeResults(String ringFlags, long patternChecks, long patternMismatches) {
        long cached;
        try (FileHandle h = FileHandle.open(file.path(), LibC.O_RDONLY)) {
            cached = PageCache.residentPages(h, file.size());
        }
        String hlog = scenario.id() + ".hlog";
        Map<String, String> row = new LinkedHashMap<>();
        row.put(Columns.SCENARIO, scenario.id());
        row.put(Columns.LABEL, scenario.label());
        row.put(Columns.BENCHMARK, scenario.benchmark());
        row.put(Columns.FS, scenario.fs());
        row.put(Columns.READ_SIZE, Integer.toString(scenario.readSize()));
        row.put(Columns.EXTENTS_REQUESTED, Integer.toString(scenario.extents()));
        row.put(Columns.EXTENT_SIZE, Integer.toString(file.spec().extentSize()));
        row.put(Columns.EXTENTS_MEASURED_MIN, Integer.toString(file.layout().measuredMin()));
        row.put(Columns.EXTENTS_MEASURED_MAX, Integer.toString(file.layout().measuredMax()));
        row.put(Columns.EXTENTS_ENCODED, Integer.toString(file.layout().encoded()));
        row.put(Columns.VARIANT, scenario.variant().name());
        row.put(Columns.PATTERN, scenario.pattern().name());
        row.put(Columns.TOUCH_FRACTION, Double.toString(scenario.touchFraction()));
        row.put(Columns.MODE, scenario.mode().name());
        row.put(Columns.RETRY_EAGAIN, Boolean.toString(scenario.retryEagain()));
        row.put(Columns.QUEUE_DEPTH, Integer.toString(scenario.queueDepth()));
        row.put(Columns.SUBMIT_BATCH, Integer.toString(scenario.submitBatch()));
        row.put(Columns.FILE_SIZE, Long.toString(file.size()));
        row.put(Columns.RING_FLAGS, ringFlags);
        row.put(Columns.TARGET_KIND, environment.kind());
        row.put(Columns.FILESYSTEM, environment.filesystem());
        row.put(Columns.MOUNT_OPTIONS, environment.mountOptions());
        row.put(Columns.DEVICE, environment.device());
        row.put(Columns.LOOP_BACKING_FILE, environment.loopBackingFile());
        row.put(Columns.LOOP_DIRECT_IO, environment.loopDirectIo());
        row.put(Columns.LOGICAL_SECTOR_SIZE, Integer.toString(environment.logicalSectorSize()));
        row.put(Columns.PAGE_SIZE, Integer.toString(environment.pageSize()));
        row.put(Columns.READS, Long.toString(recorder.measuredReads()));
        row.put(Columns.COMPLETIONS, Long.toString(recorder.completions()));
        row.put(Columns.SHORT_READS, Long.toString(recorder.shortReads()));
        row.put(Columns.DATA_MISMATCHES, Long.toString(recorder.dataMismatches()));
        row.put(Columns.EAGAIN, Long.toString(recorder.eagain()));
        row.put(Columns.ERRORS, Long.toString(recorder.errors()));
        row.put(Columns.PATTERN_CHECKS, Long.toString(patternChecks));
        row.put(Columns.PATTERN_MISMATCHES, Long.toString(patternMismatches));
        row.put(Columns.FINDINGS, Long.toString(findings.count()));
        row.put(Columns.MEASURED_SECONDS, fmt(recorder.measuredSeconds()));
        row.put(Columns.READS_PER_SECOND, fmt(recorder.readsPerSecond()));
        row.put(Columns.MIB_PER_SECOND, fmt(recorder.mibPerSecond()));
        for (String metric : Columns.LATENCIES) {
            Histogram h = recorder.total(metric);
            boolean any = h.getTotalCount() > 0;
            row.put(Columns.latency(metric, "count"), Long.toString(h.getTotalCount()));
            row.put(Columns.latency(metric, "mean"), any ? fmt(h.getMean()) : "");
            row.put(Columns.latency(metric, "p50"), any ? Long.toString(h.getValueAtPercentile(50)) : "");
            row.put(Columns.latency(metric, "p90"), any ? Long.toString(h.getValueAtPercentile(90)) : "");
            row.put(Columns.latency(metric, "p99"), any ? Long.toString(h.getValueAtPercentile(99)) : "");
            row.put(Columns.latency(metric, "p999"), any ? Long.toString(h.getValueAtPercentile(99.9)) : "");
            row.put(Columns.latency(metric, "max"), any ? Long.toString(h.getMaxValue()) : "");
        }
        row.put(Columns.REARM_MEAN_NS, fmt(recorder.rearmMeanNanos()));
        row.put(Columns.CHECK_MEAN_NS, fmt(recorder.checkMeanNanos()));
        long reads = Math.max(1, recorder.measuredReads());
        row.put(Columns.CPU_USER_US_PER_READ, fmt(recorder.measuredCpu().userSeconds() * 1e6 / reads));
        row.put(Columns.CPU_SYS_US_PER_READ, fmt(recorder.measuredCpu().systemSeconds() * 1e6 / reads));
        row.put(Columns.IOWQ_WORKERS_SEEN, Integer.toString(recorder.ioWqWorkersSeen()));
        row.put(Columns.PAGE_CACHE_PAGES, Long.toString(cached));
        row.put(Columns.HLOG, hlog);
        try {
            LatencyLog.write(results.resolve(hlog), recorder.startTimeMillis(),
                    "uring-dio-bench " + scenario.id() + ", values in ns, tags submit/completion/e2e",
                    recorder.intervals());
            appendFindings();
            ResultsCsv.add(results.resolve(ResultsCsv.FILE), row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results of " + scenario.id() + " to " + results
                    + ": " + e.getMessage(), e);
        }
    }

    private void appendFindings() throws IOException {
        if (findings.count() == 0) {
            return;
        }
        Path f = results.resolve(RunFiles.FINDINGS);
        AtomicFiles.locked(f, () -> {
            StringBuilder b = new StringBuilder(Files.exists(f) ? Files.readString(f) : "");
            b.append(scenario.id()).append(": ").append(findings.count()).append(" finding(s)\n");
            for (String line : findings.kept()) {
                b.append("  ").append(line).append('\n');
            }
            AtomicFiles.write(f, b.toString());
            return null;
        });
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    @Override
    public void close() {
        target.close();
    }
}
