package uringdio.results.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import uringdio.cli.BadInputException;
import uringdio.results.Columns;
import uringdio.results.LatencyLog;
import uringdio.results.Metadata;
import uringdio.results.ResultsCsv;
import uringdio.results.RoundsCsv;
import uringdio.results.RunFiles;
import uringdio.scenario.Scenario;

/**
 * One run's results directory as the comparison reads it: its scenarios.csv rows by scenario,
 * the kernel and host from metadata.json, and each scenario's .hlog, read only when a latency
 * metric asks for its iterations. Every way the directory can be unusable is a
 * {@link BadInputException} naming the file.
 */
public final class RunResults {

    static final String UNKNOWN = "unknown";

    private final String role;
    private final Path directory;
    private final Map<String, Map<String, String>> rowsByScenario;
    private final String kernel;
    private final String host;
    private final Map<String, Optional<List<LatencyLog.Interval>>> intervalsByScenario = new HashMap<>();
    private final Map<String, String> environment;
    private final Map<String, TreeMap<Integer, Map<String, Double>>> rounds;

    private RunResults(String role, Path directory, Map<String, Map<String, String>> rowsByScenario, Map<String, String> environment,
                       Map<String, TreeMap<Integer, Map<String, Double>>> rounds) {
        this.role = role;
        this.directory = directory;
        this.rowsByScenario = rowsByScenario;
        this.environment = environment;
        this.kernel = environment.getOrDefault("kernel", UNKNOWN);
        this.host = environment.getOrDefault("host", UNKNOWN);
        this.rounds = rounds;
    }

    /** Reads the run in {@code directory}; {@code role} ("baseline", "candidate") names it in messages. */
    public static RunResults load(String role, Path directory) {
        if (!Files.exists(directory)) {
            throw new BadInputException(role + " run directory " + directory + " does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw new BadInputException(role + " run directory " + directory + " is not a directory");
        }
        RunFiles.incompleteReason(directory).ifPresent(reason -> {
            throw new BadInputException(role + " run directory " + directory + " is an incomplete run: " + reason);
        });
        Path csv = directory.resolve(ResultsCsv.FILE);
        if (!Files.isRegularFile(csv)) {
            throw new BadInputException(role + " run directory " + directory + " has no " + ResultsCsv.FILE
                    + ": not a results directory, or the run finished no scenario");
        }
        Map<String, String> facts = readMetadata(directory.resolve(Metadata.FILE));
        Map<String, Map<String, String>> rows = rowsByScenario(csv);
        Map<String, TreeMap<Integer, Map<String, Double>>> rounds = RoundsCsv.readIn(directory);
        checkRounds(directory, rows, rounds);
        RunResults run = new RunResults(role, directory, rows, facts, rounds);
        rows.keySet().forEach(run::intervals); // a truncated .hlog is bad input now, whichever metric reads it
        return run;
    }

    /** Every round a row says it merges is in rounds.csv: a run directory with rounds missing is bad input. */
    private static void checkRounds(Path directory, Map<String, Map<String, String>> rows,
                                    Map<String, TreeMap<Integer, Map<String, Double>>> rounds) {
        if (!Files.isRegularFile(directory.resolve(RoundsCsv.FILE))) {
            return; // a run made before rounds were recorded: judged on whole-run values
        }
        for (Map.Entry<String, Map<String, String>> e : rows.entrySet()) {
            String said = e.getValue().getOrDefault(Columns.ROUNDS, "").strip();
            int have = rounds.getOrDefault(e.getKey(), new TreeMap<>()).size();
            if (!said.isEmpty() && !said.equals(Integer.toString(have))) {
                throw new BadInputException(directory.resolve(RoundsCsv.FILE) + " has " + have + " round(s) of " + e.getKey()
                        + " where " + ResultsCsv.FILE + " says " + said + ": rounds are missing");
            }
        }
    }

    /**
     * The run's environment as flat keys: metadata.json's facts, and each target's as
     * {@code targets.btrfs.mount_options}; what compare's header lists when it differs.
     */
    public Map<String, String> environment() {
        return environment;
    }

    /** The scenario's per-round figures (round to {@link RoundsCsv#METRICS} and counts); empty without rounds.csv. */
    public TreeMap<Integer, Map<String, Double>> rounds(String scenario) {
        return rounds.getOrDefault(scenario, new TreeMap<>());
    }

    /** The mean 1-minute load average over every round of every scenario; empty when rounds.csv has none. */
    public OptionalDouble meanLoad() {
        return rounds.values().stream().flatMap(r -> r.values().stream())
                .filter(v -> v.containsKey(RoundsCsv.LOAD)).mapToDouble(v -> v.get(RoundsCsv.LOAD)).average();
    }

    /** The scenario's value in {@code column} as written, "" when missing. */
    public String text(String scenario, String column) {
        return row(scenario).getOrDefault(column, "").strip();
    }

    private static Map<String, Map<String, String>> rowsByScenario(Path csv) {
        List<Map<String, String>> rows;
        try {
            rows = ResultsCsv.read(csv);
        } catch (IOException | RuntimeException e) {
            // Commons CSV reports a malformed file with unchecked exceptions.
            throw BadInputException.cannotRead(csv, e);
        }
        if (rows.isEmpty()) {
            throw new BadInputException(csv + " has no scenarios");
        }
        Map<String, Map<String, String>> byScenario = new LinkedHashMap<>();
        int line = 1;
        for (Map<String, String> row : rows) {
            line++;
            String scenario = row.getOrDefault(Columns.SCENARIO, "").strip();
            if (scenario.isEmpty()) {
                throw new BadInputException(csv + " line " + line + " has no value in the " + Columns.SCENARIO + " column");
            }
            if (byScenario.put(scenario, Collections.unmodifiableMap(row)) != null) {
                throw new BadInputException(csv + " lists scenario " + scenario + " twice");
            }
        }
        return Collections.unmodifiableMap(byScenario);
    }

    /** The run's top-level facts; none when there is no metadata.json (the run stopped before its first scenario wrote it). */
    private static Map<String, String> readMetadata(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            Metadata m = Metadata.read(file.getParent());
            Map<String, String> flat = new LinkedHashMap<>(m.facts());
            m.targets().forEach((target, facts) -> facts.forEach((k, v) -> flat.put("targets." + target + "." + k, v)));
            return flat;
        } catch (IOException | RuntimeException e) {
            throw BadInputException.cannotRead(file, e);
        }
    }

    public String role() {
        return role;
    }

    public Path directory() {
        return directory;
    }

    public String kernel() {
        return kernel;
    }

    public String host() {
        return host;
    }

    /** The scenarios, in scenarios.csv order. */
    public List<String> scenarios() {
        return List.copyOf(rowsByScenario.keySet());
    }

    /** The scenario a row describes, read back through the scenario model; empty if the row does not say it whole. */
    public Optional<Scenario> scenario(String id) {
        Map<String, String> row = rowsByScenario.get(id);
        return row == null ? Optional.empty() : Columns.scenarioOf(row);
    }

    public boolean has(String scenario) {
        return rowsByScenario.containsKey(scenario);
    }

    /** The scenario's value in {@code column}; empty when the column is missing or blank (a latency no read had). */
    public OptionalDouble value(String scenario, String column) {
        String text = row(scenario).getOrDefault(column, "").strip();
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            throw new BadInputException(directory.resolve(ResultsCsv.FILE) + ": scenario " + scenario + ", column "
                    + column + ": '" + text + "' is not a number");
        }
    }

    /** The scenario's value in a count column, 0 when blank. */
    public long count(String scenario, String column) {
        OptionalDouble v = value(scenario, column);
        return v.isPresent() ? (long) v.getAsDouble() : 0;
    }

    /**
     * The scenario's per-iteration histograms of {@code tag}, from its .hlog; empty when the row
     * names no .hlog or the file is gone (the whole-run value then decides alone).
     */
    public Optional<List<Histogram>> iterations(String scenario, String tag) {
        return intervals(scenario).map(all -> {
            List<Histogram> ofTag = new ArrayList<>();
            for (LatencyLog.Interval i : all) {
                if (tag.equals(i.tag())) {
                    ofTag.add(i.histogram());
                }
            }
            return ofTag;
        });
    }

    private Optional<List<LatencyLog.Interval>> intervals(String scenario) {
        return intervalsByScenario.computeIfAbsent(scenario, s -> {
            String name = row(s).getOrDefault(Columns.HLOG, "").strip();
            if (name.isEmpty()) {
                return Optional.empty();
            }
            Path hlog = directory.resolve(name);
            if (!Files.isRegularFile(hlog)) {
                return Optional.empty();
            }
            try {
                return Optional.of(LatencyLog.readIntervals(hlog));
            } catch (IOException | RuntimeException e) {
                // HdrHistogram reports a malformed log with unchecked exceptions.
                throw BadInputException.cannotRead(hlog, e);
            }
        });
    }

    private Map<String, String> row(String scenario) {
        Map<String, String> row = rowsByScenario.get(scenario);
        if (row == null) {
            throw new IllegalArgumentException("no scenario " + scenario + " in the " + role + " run");
        }
        return row;
    }
}
