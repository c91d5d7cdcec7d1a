package uringdio.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.HdrHistogram.Histogram;
import uringdio.attribution.Phase;
import uringdio.results.Columns;
import uringdio.results.LatencyLog;
import uringdio.results.Metadata;
import uringdio.results.ResultsCsv;
import uringdio.results.RunFiles;

/**
 * A crafted run directory for the report's tests: scenarios.csv written with Commons CSV (so it
 * can carry the columns later issues add, which {@link ResultsCsv#add} does not know yet), each
 * scenario's .hlog through the suite's own {@link LatencyLog} (HdrHistogram's log writer, tags
 * submit, completion, e2e), metadata.json with Jackson, and on request findings.txt, rounds.csv,
 * phases.csv and the ratio columns. Latencies are log-normal around a median, from a fixed seed,
 * so percentiles and spectra look like a real run's.
 */
final class RunDirectoryFixture {

    static final int READS_PER_ITERATION = 2000;

    private final Path directory;
    private final Random random = new Random(42);
    private final List<Scenario> scenarios = new ArrayList<>();
    private String kernel = "6.18.44";
    private String findings;
    private String incomplete;
    private int rounds;
    private boolean ratioColumns;
    private boolean attribution;
    private final Set<String> dropped = new LinkedHashSet<>();

    private RunDirectoryFixture(Path directory) {
        this.directory = directory;
    }

    static RunDirectoryFixture in(Path directory) {
        return new RunDirectoryFixture(directory);
    }

    RunDirectoryFixture kernel(String kernel) {
        this.kernel = kernel;
        return this;
    }

    /** findings.txt with this text (as a run writes when a read came back wrong). */
    RunDirectoryFixture findings(String text) {
        this.findings = text;
        return this;
    }

    /** An INCOMPLETE file with {@code reason}: the run stopped before its end. */
    RunDirectoryFixture incomplete(String reason) {
        this.incomplete = reason;
        return this;
    }

    /** rounds.csv with {@code n} rounds per scenario, each round's values around the scenario's. */
    RunDirectoryFixture rounds(int n) {
        this.rounds = n;
        return this;
    }

    /** The confidence columns: control_scenario, vs_control, ratio_e2e_p50 and its interval, rounds. */
    RunDirectoryFixture ratioColumns() {
        this.ratioColumns = true;
        return this;
    }

    /** The attribution columns (kernel_path, punts_per_read, ...) and phases.csv. */
    RunDirectoryFixture attribution() {
        this.attribution = true;
        return this;
    }

    /** Leaves {@code columns} out of scenarios.csv, as a run of an older schema would. */
    RunDirectoryFixture without(String... columns) {
        dropped.addAll(List.of(columns));
        return this;
    }

    Scenario scenario(String fs, int readSize, int extents, String pattern, String mode, int queueDepth) {
        Scenario s = new Scenario(fs, readSize, extents, pattern, mode, queueDepth);
        scenarios.add(s);
        return s;
    }

    Path path() {
        return directory;
    }

    /** One scenario: its identity, its median latency, its counts. */
    final class Scenario {
        final Map<String, String> row = new LinkedHashMap<>();
        double medianMicros = 100;
        double spread = 0.25;
        int iterations = 4;
        boolean hlog = true;
        String controlId = "";
        String vsControl = "";

        Scenario(String fs, int readSize, int extents, String pattern, String mode, int queueDepth) {
            String id = String.format(Locale.ROOT, "extent-read_%s_r%07d_x%02d_plain_%s_%s_qd%02d_b01", fs, readSize, extents,
                    pattern, mode, queueDepth);
            row.put(Columns.SCENARIO, id);
            row.put(Columns.LABEL, String.format(Locale.ROOT, "%s %dK x%d %s %s qd%d", fs, readSize / 1024, extents, pattern,
                    mode, queueDepth));
            row.put(Columns.BENCHMARK, "extent-read");
            row.put(Columns.FS, fs);
            row.put(Columns.READ_SIZE, Integer.toString(readSize));
            row.put(Columns.EXTENTS_REQUESTED, Integer.toString(extents));
            row.put(Columns.EXTENT_SIZE, Integer.toString(readSize / extents));
            row.put(Columns.EXTENTS_MEASURED_MIN, Integer.toString(extents));
            row.put(Columns.EXTENTS_MEASURED_MAX, Integer.toString(extents));
            row.put(Columns.VARIANT, "PLAIN");
            row.put(Columns.PATTERN, pattern);
            row.put(Columns.TOUCH_FRACTION, "0.5");
            row.put(Columns.MODE, mode);
            row.put(Columns.RETRY_EAGAIN, "false");
            row.put(Columns.QUEUE_DEPTH, Integer.toString(queueDepth));
            row.put(Columns.SUBMIT_BATCH, "1");
            row.put(Columns.RING_FLAGS, "none");
            row.put(Columns.FILESYSTEM, fs);
            row.put(Columns.MOUNT_OPTIONS, "rw,relatime");
            for (String c : List.of(Columns.SHORT_READS, Columns.DATA_MISMATCHES, Columns.EAGAIN, Columns.ERRORS,
                    Columns.PATTERN_MISMATCHES, Columns.FINDINGS, Columns.PAGE_CACHE_PAGES)) {
                row.put(c, "0");
            }
        }

        Scenario medianMicros(double micros) {
            this.medianMicros = micros;
            return this;
        }

        Scenario iterations(int n) {
            this.iterations = n;
            return this;
        }

        Scenario set(String column, String value) {
            row.put(column, value);
            return this;
        }

        Scenario withoutHlog() {
            hlog = false;
            return this;
        }

        /** The control the run names (with {@link #ratioColumns}). */
        Scenario control(Scenario control, String differsBy) {
            this.controlId = control.id();
            this.vsControl = differsBy;
            return this;
        }

        String id() {
            return row.get(Columns.SCENARIO);
        }

        String label() {
            return row.get(Columns.LABEL);
        }

        /** One latency in ns: log-normal around the median, with a tail of one read in fifty 3-8x slower. */
        long latency(double median) {
            double v = median * Math.exp(spread * random.nextGaussian());
            if (random.nextInt(50) == 0) {
                v *= 3 + 5 * random.nextDouble();
            }
            return Math.max(1000, Math.round(v * 1000));
        }
    }

    Path write() throws IOException {
        Files.createDirectories(directory);
        writeMetadata();
        List<Map<String, String>> rows = new ArrayList<>();
        for (Scenario s : scenarios) {
            rows.add(measure(s));
        }
        List<String> header = new ArrayList<>(Columns.ALL);
        if (ratioColumns) {
            header.addAll(List.of("rounds", ControlRatio.CONTROL_SCENARIO, ControlRatio.VS_CONTROL, ControlRatio.RATIO,
                    ControlRatio.RATIO + "_lower", ControlRatio.RATIO + "_upper"));
            for (Map<String, String> row : rows) {
                Scenario s = scenarios.get(rows.indexOf(row));
                if (!s.controlId.isEmpty()) {
                    Scenario c = scenarios.stream().filter(o -> o.id().equals(s.controlId)).findFirst().orElseThrow();
                    double r = s.medianMicros / c.medianMicros;
                    row.put("rounds", "6");
                    row.put(ControlRatio.CONTROL_SCENARIO, s.controlId);
                    row.put(ControlRatio.VS_CONTROL, s.vsControl);
                    row.put(ControlRatio.RATIO, fmt(r));
                    row.put(ControlRatio.RATIO + "_lower", fmt(r * 0.94));
                    row.put(ControlRatio.RATIO + "_upper", fmt(r * 1.06));
                }
            }
        }
        if (attribution) {
            header.addAll(List.of("kernel_path", "punts_per_read", "restarts_per_read", "partial_per_read", "eagain_per_read",
                    "zero_progress_per_read", "buffered_per_read", "dio_attempts_per_read", "kernel_counts",
                    Findings.PATH_MISMATCH));
            for (Map<String, String> row : rows) {
                boolean btrfs = "btrfs".equals(row.get(Columns.FS));
                boolean partial = !List.of("ALL", "RESIDENT").contains(row.get(Columns.PATTERN));
                row.put("punts_per_read", btrfs ? "1.0" : "0.0");
                row.put("restarts_per_read", btrfs && partial ? "1.0" : "0.0");
                row.put("partial_per_read", btrfs && partial ? "1.0" : "0.0");
                row.put("eagain_per_read", btrfs ? "1.0" : "0.0");
                row.put("zero_progress_per_read", "0.0");
                row.put("buffered_per_read", "0.0");
                row.put("dio_attempts_per_read", btrfs && partial ? "2.0" : "1.0");
                row.put("kernel_path", btrfs ? (partial ? "io-wq 100%, forced wait 100%" : "io-wq 100%") : "inline 100%");
                row.put("kernel_counts", "exact");
            }
            writePhases(rows);
        }
        header.removeAll(dropped);
        try (Writer w = Files.newBufferedWriter(directory.resolve(ResultsCsv.FILE), StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                     .setRecordSeparator('\n').get())) {
            for (Map<String, String> row : rows) {
                List<String> values = new ArrayList<>();
                header.forEach(c -> values.add(row.getOrDefault(c, "")));
                p.printRecord(values);
            }
        }
        if (rounds > 0) {
            writeRounds(rows);
        }
        if (findings != null) {
            Files.writeString(directory.resolve(RunFiles.FINDINGS), findings + "\n");
        }
        Files.writeString(directory.resolve(RunFiles.SUMMARY), "(table)\n\nVERDICT: crafted for a test.\n");
        if (incomplete != null) {
            RunFiles.markIncomplete(directory, incomplete);
        }
        return directory;
    }

    private Map<String, String> measure(Scenario s) throws IOException {
        Map<String, String> row = new LinkedHashMap<>(s.row);
        List<LatencyLog.Interval> intervals = new ArrayList<>();
        Histogram total = new Histogram(3);
        for (int i = 0; i < s.iterations; i++) {
            // Each iteration drifts a little, as a real one does.
            double median = s.medianMicros * Math.exp(0.03 * random.nextGaussian());
            Histogram e2e = new Histogram(3);
            Histogram submit = new Histogram(3);
            for (int r = 0; r < READS_PER_ITERATION; r++) {
                long e = s.latency(median);
                e2e.recordValue(e);
                submit.recordValue(Math.max(500, e / 20));
            }
            intervals.add(new LatencyLog.Interval("submit", submit));
            intervals.add(new LatencyLog.Interval("e2e", e2e));
            total.add(e2e);
        }
        row.put(Columns.READS, Long.toString(total.getTotalCount()));
        row.put(Columns.COMPLETIONS, Long.toString(total.getTotalCount()));
        row.put(Columns.latency("e2e", "count"), Long.toString(total.getTotalCount()));
        row.put(Columns.latency("e2e", "mean"), fmt(total.getMean()));
        row.put(Columns.latency("e2e", "p50"), Long.toString(total.getValueAtPercentile(50)));
        row.put(Columns.latency("e2e", "p90"), Long.toString(total.getValueAtPercentile(90)));
        row.put(Columns.latency("e2e", "p99"), Long.toString(total.getValueAtPercentile(99)));
        row.put(Columns.latency("e2e", "p999"), Long.toString(total.getValueAtPercentile(99.9)));
        row.put(Columns.latency("e2e", "max"), Long.toString(total.getMaxValue()));
        double readsPerSecond = Integer.parseInt(row.get(Columns.QUEUE_DEPTH)) * 1e6 / total.getMean() * 1000;
        row.putIfAbsent(Columns.READS_PER_SECOND, fmt(readsPerSecond));
        row.put(Columns.MEASURED_SECONDS, Integer.toString(s.iterations));
        if (s.hlog) {
            String name = s.id() + ".hlog";
            LatencyLog.write(directory.resolve(name), 1_795_597_250_000L, "crafted " + s.id(), intervals);
            row.put(Columns.HLOG, name);
        }
        return row;
    }

    private void writeMetadata() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = json.createObjectNode();
        m.put("time", "2026-11-25T09:00:00Z");
        m.put("kernel", kernel);
        m.put("distribution", "Debian GNU/Linux 12 (bookworm)");
        m.put("host", "vm");
        m.put("cpu_model", "AMD EPYC");
        m.put("cpu_count", "2");
        m.put("liburing", "2.3");
        m.put("jdk", "OpenJDK 64-Bit Server VM 17.0.15");
        m.put("profile", "crafted");
        m.put("scenarios", Integer.toString(scenarios.size() + (incomplete == null ? 0 : 3)));
        ObjectNode targets = m.putObject("targets");
        for (String fs : List.of("btrfs", "ext4", "xfs")) {
            ObjectNode t = targets.putObject(fs);
            t.put("kind", "scratch-loop");
            t.put("filesystem", fs);
            t.put("mount_options", "btrfs".equals(fs) ? "rw,relatime,discard=async,space_cache=v2" : "rw,relatime");
            t.put("device", "/dev/loop" + fs.length());
            t.put("loop_direct_io", "on");
            t.put("logical_sector_size", "512");
        }
        json.writerWithDefaultPrettyPrinter().writeValue(directory.resolve(Metadata.FILE).toFile(), m);
    }

    private void writeRounds(List<Map<String, String>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(directory.resolve(RunData.ROUNDS), StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                     .setHeader("scenario", "round", "e2e_p50_ns", "e2e_p99_ns", "e2e_mean_ns", "reads_per_s")
                     .setRecordSeparator('\n').get())) {
            for (int round = 1; round <= rounds; round++) {
                // One factor per round for every scenario: a round slowed the whole machine, which pairing cancels.
                double machine = Math.exp(0.05 * random.nextGaussian());
                for (Map<String, String> row : rows) {
                    double own = machine * Math.exp(0.02 * random.nextGaussian());
                    double p50 = Double.parseDouble(row.get(Columns.latency("e2e", "p50"))) * own;
                    p.printRecord(row.get(Columns.SCENARIO), round, fmt(p50),
                            fmt(Double.parseDouble(row.get(Columns.latency("e2e", "p99"))) * own),
                            fmt(Double.parseDouble(row.get(Columns.latency("e2e", "mean"))) * own),
                            fmt(Double.parseDouble(row.get(Columns.READS_PER_SECOND)) / own));
                }
            }
        }
    }

    private void writePhases(List<Map<String, String>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(directory.resolve(RunData.PHASES), StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                     .setHeader("scenario", "phase", "reads", "p50_ns", "p99_ns").setRecordSeparator('\n').get())) {
            for (Map<String, String> row : rows) {
                if (!"btrfs".equals(row.get(Columns.FS))) {
                    continue;
                }
                boolean partial = !List.of("ALL", "RESIDENT").contains(row.get(Columns.PATTERN));
                for (Phase phase : Phase.values()) {
                    double ns = switch (phase) {
                        case SUBMIT -> 3_000;
                        case NOWAIT_REFUSED -> 4_000;
                        case PUNT -> 18_000;
                        case FORCED_WAIT -> partial ? 60_000 : 0;
                        case FAULT_IN -> partial ? 9_000 : 0;
                        case DIRECT_IO -> 90_000;
                        case POSTED -> 2_000;
                        case STAMP_LAG -> 1_500;
                        default -> 0;
                    };
                    if (ns > 0) {
                        p.printRecord(row.get(Columns.SCENARIO), phase.words(), row.get(Columns.READS), fmt(ns), fmt(ns * 3));
                    }
                }
            }
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
