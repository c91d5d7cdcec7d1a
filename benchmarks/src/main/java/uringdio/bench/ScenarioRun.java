package uringdio.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import uringdio.results.RoundMerge;
import uringdio.results.RoundsCsv;
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
        int round = round();
        Path hlogFile = results.resolve(hlog);
        try {
            // The rounds before this one (earlier forks of this scenario): their intervals stay in
            // the .hlog, their histograms are added to this round's, their counts to its counts.
            List<LatencyLog.Interval> intervals = new ArrayList<>();
            Map<String, String> earlier = null;
            if (round > 0 && Files.exists(hlogFile)) {
                intervals.addAll(LatencyLog.readIntervals(hlogFile));
                earlier = ResultsCsv.read(results.resolve(ResultsCsv.FILE)).stream()
                        .filter(r -> scenario.id().equals(r.get(Columns.SCENARIO))).findFirst().orElse(null);
            }
            long start = intervals.stream().mapToLong(i -> i.histogram().getStartTimeStamp()).filter(t -> t > 0).min()
                    .orElse(recorder.startTimeMillis());
            intervals.addAll(recorder.intervals());
            Map<String, Histogram> latencies = new LinkedHashMap<>();
            for (String metric : Columns.LATENCIES) {
                Histogram total = new Histogram(3);
                intervals.stream().filter(i -> metric.equals(i.tag())).forEach(i -> total.add(i.histogram()));
                latencies.put(metric, total);
            }
            Map<String, String> row = RoundMerge.merge(earlier, Columns.row(scenario, measurements(ringFlags, patternChecks,
                    patternMismatches, cached, hlog, latencies, attribution)));
            LatencyLog.write(hlogFile, start, "uring-dio-bench " + scenario.id() + ", values in ns, tags submit/completion/e2e",
                    intervals);
            appendFindings();
            if (attribution.traced() != null) {
                PhasesCsv.write(results, scenario.id(), attribution.traced().phases());
            }
            RoundsCsv.add(results.resolve(RoundsCsv.FILE), roundRow(round, cached));
            ResultsCsv.add(results.resolve(ResultsCsv.FILE), row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results of " + scenario.id() + " to " + results
                    + ": " + e.getMessage(), e);
        }
    }

    /** Which round of the run this fork is (0 for a fork run alone). */
    static int round() {
        return Integer.parseInt(BenchConfig.get("round", "0"));
    }

    /** This fork's own figures, its row of rounds.csv. */
    private Map<String, String> roundRow(int round, long cached) {
        Histogram e2e = recorder.total("e2e");
        boolean any = e2e.getTotalCount() > 0;
        Map<String, String> r = new LinkedHashMap<>();
        r.put(Columns.SCENARIO, scenario.id());
        r.put(RoundsCsv.ROUND, Integer.toString(round));
        r.put(Columns.latency("e2e", "p50"), any ? Long.toString(e2e.getValueAtPercentile(50)) : "0");
        r.put(Columns.latency("e2e", "p99"), any ? Long.toString(e2e.getValueAtPercentile(99)) : "0");
        r.put(Columns.latency("e2e", "mean"), any ? String.format(Locale.ROOT, "%.1f", e2e.getMean()) : "0");
        r.put(Columns.READS_PER_SECOND, String.format(Locale.ROOT, "%.3f", recorder.readsPerSecond()));
        r.put(Columns.READS, Long.toString(recorder.measuredReads()));
        r.put(Columns.SHORT_READS, Long.toString(recorder.shortReads()));
        r.put(Columns.DATA_MISMATCHES, Long.toString(recorder.dataMismatches()));
        r.put(Columns.ERRORS, Long.toString(recorder.errors()));
        r.put(Columns.PAGE_CACHE_PAGES, Long.toString(cached));
        r.put(RoundsCsv.LOAD, loadAverage());
        return r;
    }

    /** The 1-minute load average, the first field of /proc/loadavg; empty if it cannot be read. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private ScenarioMeasurements measurements(String ringFlags, long patternChecks, long patternMismatches, long cached,
                                              String hlog, Map<String, Histogram> latencies, Attribution attribution) {
        long reads = Math.max(1, recorder.measuredReads());
        return new ScenarioMeasurements(file.spec().extentSize(), file.layout().measuredMin(),
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
