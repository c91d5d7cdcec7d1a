package uringdio.results.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import uringdio.results.Columns;
import uringdio.results.LatencyLog;
import uringdio.results.Metadata;
import uringdio.results.ResultsCsv;
import uringdio.results.RoundsCsv;

/**
 * A real results directory for tests, written with the suite's own writers: metadata.json by
 * {@link Metadata}, rows by {@link ResultsCsv#add}, latency logs by {@link LatencyLog#write}.
 * A scenario's latency columns are computed from its iterations the way a run computes them.
 */
public final class RunDirectory {

    /** Reads each iteration records, all of the same latency, so each iteration's percentiles are that latency. */
    static final int READS_PER_ITERATION = 1000;

    private final Path directory;

    private RunDirectory(Path directory) {
        this.directory = directory;
    }

    /** A results directory in {@code directory}, with metadata.json naming {@code kernel} and {@code host}. */
    public static RunDirectory create(Path directory, String kernel, String host) throws IOException {
        Files.createDirectories(directory);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("time", "2026-11-25T09:00:00Z");
        facts.put("kernel", kernel);
        facts.put("host", host);
        Metadata.write(directory, facts, Map.of("btrfs", Map.of("filesystem", "btrfs")));
        return new RunDirectory(directory);
    }

    /** A results directory without metadata.json, as a run that stopped early would leave. */
    public static RunDirectory withoutMetadata(Path directory) throws IOException {
        Files.createDirectories(directory);
        return new RunDirectory(directory);
    }

    public Path path() {
        return directory;
    }

    public ScenarioRow scenario(String id) {
        return new ScenarioRow(id);
    }

    /** One scenario's row and .hlog, written by {@link #write}. */
    public final class ScenarioRow {

        private final String id;
        private final List<Long> e2eIterationNanos = new ArrayList<>();
        private final Map<String, String> columns = new LinkedHashMap<>();
        private boolean hlog = true;
        private final List<Double> roundP50 = new ArrayList<>();
        private String load = "";

        private ScenarioRow(String id) {
            this.id = id;
            columns.put(Columns.READS_PER_SECOND, "1000");
            columns.put(Columns.SHORT_READS, "0");
            columns.put(Columns.DATA_MISMATCHES, "0");
            columns.put(Columns.ERRORS, "0");
            columns.put(Columns.FINDINGS, "0");
        }

        /** One measurement iteration per value, every read of that iteration taking that long. */
        public ScenarioRow e2eIterations(long... nanos) {
            for (long n : nanos) {
                e2eIterationNanos.add(n);
            }
            return this;
        }

        public ScenarioRow readsPerSecond(double readsPerSecond) {
            return set(Columns.READS_PER_SECOND, Double.toString(readsPerSecond));
        }

        /** Sets a column to {@code value} as written, after the computed ones. */
        public ScenarioRow set(String column, String value) {
            columns.put(column, value);
            return this;
        }

        /**
         * One row of rounds.csv per value: that round's p50 in ns, its p99 twice it, its mean 1.2
         * times it, its reads/s 1e9 over it; the row says how many rounds it merges.
         */
        public ScenarioRow rounds(double... p50Nanos) {
            for (double v : p50Nanos) {
                roundP50.add(v);
            }
            return set(Columns.ROUNDS, Integer.toString(roundP50.size()));
        }

        /** The machine's load average as each round ended. */
        public ScenarioRow load(double loadAverage) {
            load = Double.toString(loadAverage);
            return this;
        }

        /** No .hlog for this scenario: its row names none. */
        public ScenarioRow withoutHlog() {
            hlog = false;
            return this;
        }

        public void write() throws IOException {
            Map<String, String> row = new LinkedHashMap<>();
            row.put(Columns.SCENARIO, id);
            List<LatencyLog.Interval> intervals = new ArrayList<>();
            Histogram total = new Histogram(3);
            for (long nanos : e2eIterationNanos) {
                Histogram iteration = new Histogram(3);
                iteration.recordValueWithCount(nanos, READS_PER_ITERATION);
                intervals.add(new LatencyLog.Interval("e2e", iteration));
                total.add(iteration);
            }
            if (total.getTotalCount() > 0) {
                row.put(Columns.READS, Long.toString(total.getTotalCount()));
                row.put(Columns.latency("e2e", "count"), Long.toString(total.getTotalCount()));
                row.put(Columns.latency("e2e", "mean"), Double.toString(total.getMean()));
                row.put(Columns.latency("e2e", "p50"), Long.toString(total.getValueAtPercentile(50)));
                row.put(Columns.latency("e2e", "p99"), Long.toString(total.getValueAtPercentile(99)));
                row.put(Columns.latency("e2e", "max"), Long.toString(total.getMaxValue()));
            }
            row.putAll(columns);
            if (hlog && !intervals.isEmpty()) {
                String name = id + ".hlog";
                LatencyLog.write(directory.resolve(name), 1_795_597_250_000L, "test " + id, intervals);
                row.put(Columns.HLOG, name);
            }
            ResultsCsv.add(directory.resolve(ResultsCsv.FILE), row);
            for (int r = 0; r < roundP50.size(); r++) {
                double v = roundP50.get(r);
                Map<String, String> round = new LinkedHashMap<>();
                round.put(Columns.SCENARIO, id);
                round.put(RoundsCsv.ROUND, Integer.toString(r));
                round.put(Columns.latency("e2e", "p50"), Double.toString(v));
                round.put(Columns.latency("e2e", "p99"), Double.toString(2 * v));
                round.put(Columns.latency("e2e", "mean"), Double.toString(1.2 * v));
                round.put(Columns.READS_PER_SECOND, Double.toString(1e9 / v));
                for (String c : List.of(Columns.READS, Columns.SHORT_READS, Columns.DATA_MISMATCHES, Columns.ERRORS,
                        Columns.PAGE_CACHE_PAGES)) {
                    round.put(c, c.equals(Columns.READS) ? "1000" : "0");
                }
                round.put(RoundsCsv.LOAD, load);
                RoundsCsv.add(directory.resolve(RoundsCsv.FILE), round);
            }
        }
    }
}
