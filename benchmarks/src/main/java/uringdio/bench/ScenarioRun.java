package uringdio.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import uringdio.attribution.Attribution;
import uringdio.fixture.ExtentFile;
import uringdio.fixture.PageCache;
import uringdio.fixture.SystemFacts;
import uringdio.fixture.Target;
import uringdio.fixture.TargetEnvironment;
import uringdio.libc.FileHandle;
import uringdio.libc.LibC;
import uringdio.read.Findings;
import uringdio.read.ReadRecorder;
import uringdio.results.AtomicFiles;
import uringdio.results.Columns;
import uringdio.results.LatencyLog;
import uringdio.results.Metadata;
import uringdio.results.PhasesCsv;
import uringdio.results.ResultsCsv;
import uringdio.results.RunFiles;
import uringdio.results.ScenarioMeasurements;
import uringdio.scenario.Scenario;
import uringdio.scenario.SubmitMode;

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
        Target target = ForkTarget.acquire(scenario.fs().label(), scenario.fileSpec().fileBytes() * 3);
        try {
            TargetEnvironment env = target.environment();
            if (env.logicalSectorSize() > 0) {
                scenario.requireRunnable(env.logicalSectorSize());
            }
            ExtentFile file = ExtentFile.obtain(target.directory(), scenario.fileSpec());
            try (FileHandle h = FileHandle.open(file.path(), LibC.O_RDONLY)) {
                // A read btrfs served with buffered I/O in an earlier scenario must not serve this one.
                PageCache.drop(h, file.size());
            }
            Path results = ResultsDirectory.resolve();
            Files.createDirectories(results);
            Metadata.addTarget(results, SystemFacts.collect(), scenario.fs().label(), env.asMap());
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

    /** For PREAD, the reads no io_uring event counts: the measured ones. */
    long synchronousReads() {
        return scenario.mode() == SubmitMode.PREAD ? recorder.measuredReads() : 0;
    }

    /** Writes the scenario's row, latency log, findings and, when it was traced, its phases. */
    void writeResults(String ringFlags, long patternChecks, long patternMismatches, Attribution attribution) {
        long cached;
        try (FileHandle h = FileHandle.open(file.path(), LibC.O_RDONLY)) {
            cached = PageCache.residentPages(h, file.size());
        }
        String hlog = scenario.id() + ".hlog";
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        for (String metric : Columns.LATENCIES) {
            latencies.put(metric, recorder.total(metric));
        }
        long reads = Math.max(1, recorder.measuredReads());
        ScenarioMeasurements measured = new ScenarioMeasurements(file.spec().extentSize(), file.layout().measuredMin(),
                file.layout().measuredMax(), file.layout().encoded(), file.size(), ringFlags,
                new ScenarioMeasurements.TargetFacts(environment.kind(), environment.filesystem(),
                        environment.mountOptions(), environment.device(), environment.loopBackingFile(),
                        environment.loopDirectIo(), environment.logicalSectorSize(), environment.pageSize()),
                new ScenarioMeasurements.Counts(recorder.measuredReads(), recorder.completions(), recorder.shortReads(),
                        recorder.dataMismatches(), recorder.eagain(), recorder.errors(), patternChecks,
                        patternMismatches, findings.count()),
                recorder.measuredSeconds(), recorder.readsPerSecond(), recorder.mibPerSecond(), latencies,
                recorder.rearmMeanNanos(), recorder.checkMeanNanos(), recorder.measuredCpu().userSeconds() * 1e6 / reads,
                recorder.measuredCpu().systemSeconds() * 1e6 / reads, recorder.ioWqWorkersSeen(), cached, hlog,
                new ScenarioMeasurements.CpuPerRead(
                        (recorder.measuredCpu().userSeconds() + recorder.measuredCpu().systemSeconds()) * 1e9 / reads,
                        recorder.measuredMachineNanos() / reads, (double) recorder.measuredWorkerNanos() / reads), attribution);
        Map<String, String> row = Columns.row(scenario, measured);
        try {
            LatencyLog.write(results.resolve(hlog), recorder.startTimeMillis(),
                    "uring-dio-bench " + scenario.id() + ", values in ns, tags submit/completion/e2e",
                    recorder.intervals());
            appendFindings();
            if (attribution.traced() != null) {
                PhasesCsv.write(results, scenario.id(), attribution.traced().phases());
            }
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

    @Override
    public void close() {
        target.close();
    }
}
