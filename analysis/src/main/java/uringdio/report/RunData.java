package uringdio.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uringdio.cli.BadInputException;
import uringdio.results.Columns;
import uringdio.results.Metadata;
import uringdio.results.ResultsCsv;
import uringdio.results.RunFiles;

/**
 * Everything a report draws from one run directory, read once and checked before a page is
 * written: the rows of scenarios.csv, metadata.json, findings.txt, the verdict, and each
 * scenario's latency log. Files that later issues add (rounds.csv, phases.csv, verdict.txt, new
 * columns) are optional: a page says "not in this run" where they are absent.
 */
final class RunData {

    static final String ROUNDS = "rounds.csv";
    static final String PHASES = "phases.csv";
    static final String VERDICT = "verdict.txt";

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path directory;
    final List<Map<String, String>> rows;
    final Set<String> columns;
    /** metadata.json, or an empty object when the run has none. */
    final JsonNode metadata;
    final Optional<String> findings;
    final Optional<String> verdict;
    /**
     * Why the run is not whole (its INCOMPLETE file: stopped, or still under way), or, for a run
     * from before that file, that it never wrote summary.txt; empty for a run that reached its end.
     */
    final Optional<String> incomplete;
    final List<Map<String, String>> rounds;
    final List<Map<String, String>> phases;
    final Map<String, LatencyHistograms> latencies;

    private RunData(Path directory, List<Map<String, String>> rows, Set<String> columns, JsonNode metadata,
                    Optional<String> findings, Optional<String> verdict, Optional<String> incomplete,
                    List<Map<String, String>> rounds, List<Map<String, String>> phases,
                    Map<String, LatencyHistograms> latencies) {
        this.directory = directory;
        this.rows = rows;
        this.columns = columns;
        this.metadata = metadata;
        this.findings = findings;
        this.verdict = verdict;
        this.incomplete = incomplete;
        this.rounds = rounds;
        this.phases = phases;
        this.latencies = latencies;
    }

    /** Reads {@code directory}; anything that is not a run, or a latency log not whole, is a {@link BadInputException}. */
    static RunData read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new BadInputException("not a run directory: " + directory + " (no such directory)");
        }
        Path csv = directory.resolve(ResultsCsv.FILE);
        if (!Files.isRegularFile(csv)) {
            throw new BadInputException("not a run directory: " + directory + " (no " + ResultsCsv.FILE + ")");
        }
        Set<String> columns = header(csv);
        if (!columns.contains(Columns.SCENARIO)) {
            throw new BadInputException("not a run's " + ResultsCsv.FILE + ": " + csv + " has no " + Columns.SCENARIO + " column");
        }
        List<Map<String, String>> rows;
        try {
            rows = ResultsCsv.read(csv);
        } catch (IOException | RuntimeException e) {
            throw BadInputException.cannotRead(csv, e);
        }
        Map<String, LatencyHistograms> latencies = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            String hlog = row.getOrDefault(Columns.HLOG, "");
            if (!hlog.isBlank()) {
                long expected = (long) Numbers.of(row.get(Columns.latency("e2e", "count")), 0);
                latencies.put(row.get(Columns.SCENARIO), LatencyHistograms.read(directory.resolve(hlog), expected));
            }
        }
        return new RunData(directory, rows, columns, metadata(directory), text(directory.resolve(RunFiles.FINDINGS)),
                text(directory.resolve(VERDICT)), incompleteness(directory),
                optionalCsv(directory.resolve(ROUNDS)), optionalCsv(directory.resolve(PHASES)), latencies);
    }

    boolean has(String column) {
        return columns.contains(column);
    }

    /** The columns of today's schema this run's scenarios.csv lacks: an older run. */
    List<String> missingColumns() {
        List<String> missing = new ArrayList<>();
        for (String c : Columns.ALL) {
            if (!columns.contains(c)) {
                missing.add(c);
            }
        }
        return missing;
    }

    /** How many scenarios the run planned, when metadata.json says. */
    Optional<Integer> plannedScenarios() {
        JsonNode n = metadata.get("scenarios");
        if (n == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(n.asText()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A top-level fact of metadata.json, or "" when absent. */
    String fact(String name) {
        JsonNode n = metadata.get(name);
        return n == null || n.isContainerNode() ? "" : n.asText();
    }

    /** The run's name: its directory's. */
    String name() {
        Path f = directory.toAbsolutePath().normalize().getFileName();
        return f == null ? directory.toString() : f.toString();
    }

    Map<String, String> row(String scenario) {
        for (Map<String, String> r : rows) {
            if (r.get(Columns.SCENARIO).equals(scenario)) {
                return r;
            }
        }
        return null;
    }

    static String label(Map<String, String> row) {
        String label = row.getOrDefault(Columns.LABEL, "");
        return label.isBlank() ? row.get(Columns.SCENARIO) : label;
    }

    private static Set<String> header(Path csv) {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(READ.parse(r).getHeaderNames()));
        } catch (IOException | RuntimeException e) {
            throw BadInputException.cannotRead(csv, e);
        }
    }

    private static Optional<String> incompleteness(Path directory) {
        Optional<String> marked = RunFiles.incompleteReason(directory);
        if (marked.isPresent() || Files.isRegularFile(directory.resolve(RunFiles.SUMMARY))) {
            return marked;
        }
        return Optional.of("it wrote no " + RunFiles.SUMMARY);
    }

    private static JsonNode metadata(Path directory) {
        Path file = directory.resolve(Metadata.FILE);
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            return n != null && n.isObject() ? n : JSON.createObjectNode();
        } catch (IOException e) {
            throw BadInputException.cannotRead(file, e);
        }
    }

    private static Optional<String> text(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        } catch (IOException e) {
            throw BadInputException.cannotRead(file, e);
        }
    }

    private static List<Map<String, String>> optionalCsv(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : READ.parse(r)) {
                rows.add(new LinkedHashMap<>(rec.toMap()));
            }
        } catch (IOException | RuntimeException e) {
            throw BadInputException.cannotRead(file, e);
        }
        return List.copyOf(rows);
    }
}
