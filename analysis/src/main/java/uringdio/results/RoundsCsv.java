package uringdio.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uringdio.cli.BadInputException;

/**
 * {@code rounds.csv}: one row per scenario and round, the figures of that round's fork alone.
 * A run measures its whole matrix several times, each round in a rotated order, so a scenario and
 * its control are measured close together in every round; intervals between a scenario and its
 * control (paired by round) and between two runs (over rounds) are computed from these rows.
 */
public final class RoundsCsv {

    public static final String FILE = "rounds.csv";
    public static final String ROUND = "round";
    /**
     * The machine's 1-minute load average (/proc/loadavg) when the round's fork ended: not a
     * figure of the scenario, but what tells a slower run from a busier machine. Optional on read.
     */
    public static final String LOAD = "load_avg_1m";

    /** The per-round figures an interval can be computed on, as their scenarios.csv column names. */
    public static final List<String> METRICS = List.of(Columns.latency("e2e", "p50"), Columns.latency("e2e", "p99"),
            Columns.latency("e2e", "mean"), Columns.READS_PER_SECOND);

    /** Every column in file order: scenario, round, the metrics, then counts a gate needs per round. */
    public static final List<String> ALL;

    static {
        List<String> c = new ArrayList<>(List.of(Columns.SCENARIO, ROUND));
        c.addAll(METRICS);
        c.addAll(List.of(Columns.READS, Columns.SHORT_READS, Columns.DATA_MISMATCHES, Columns.ERRORS,
                Columns.PAGE_CACHE_PAGES, LOAD));
        ALL = List.copyOf(c);
    }

    private RoundsCsv() {
    }

    /** Adds one round's row (replacing an earlier row of the same scenario and round). */
    public static void add(Path csv, Map<String, String> row) throws IOException {
        ResultsCsv.add(csv, ALL, row, r -> r.get(Columns.SCENARIO).equals(row.get(Columns.SCENARIO))
                && r.get(ROUND).equals(row.get(ROUND)));
    }

    /**
     * Each scenario's rounds, scenario to round number to its figures, every value checked: a
     * truncated or hand-edited file is bad input naming the file, the line and the column.
     */
    public static Map<String, TreeMap<Integer, Map<String, Double>>> read(Path csv) {
        List<Map<String, String>> rows;
        try {
            rows = ResultsCsv.read(csv);
        } catch (IOException | RuntimeException e) {
            throw BadInputException.cannotRead(csv, e);
        }
        Map<String, TreeMap<Integer, Map<String, Double>>> byScenario = new LinkedHashMap<>();
        int line = 1;
        for (Map<String, String> row : rows) {
            line++;
            String scenario = row.getOrDefault(Columns.SCENARIO, "").strip();
            if (scenario.isEmpty()) {
                throw new BadInputException(csv + " line " + line + ": no scenario");
            }
            int round = (int) number(csv, line, row, ROUND);
            Map<String, Double> values = new LinkedHashMap<>();
            for (String m : METRICS) {
                values.put(m, number(csv, line, row, m));
            }
            for (String c : ALL.subList(2 + METRICS.size(), ALL.size())) {
                if (!c.equals(LOAD) || (row.get(c) != null && !row.get(c).isBlank())) {
                    values.put(c, number(csv, line, row, c));
                }
            }
            if (byScenario.computeIfAbsent(scenario, s -> new TreeMap<>()).put(round, values) != null) {
                throw new BadInputException(csv + " line " + line + ": round " + round + " of " + scenario + " twice");
            }
        }
        return byScenario;
    }

    /** The rounds of a run directory, none when it has no rounds.csv (a run made before rounds were recorded). */
    public static Map<String, TreeMap<Integer, Map<String, Double>>> readIn(Path runDir) {
        Path csv = runDir.resolve(FILE);
        return Files.isRegularFile(csv) ? read(csv) : Map.of();
    }

    private static double number(Path csv, int line, Map<String, String> row, String column) {
        String text = row.get(column);
        if (text == null || text.isBlank()) {
            throw new BadInputException(csv + " line " + line + ": no value in column " + column + " (truncated?)");
        }
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v) || v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInputException(csv + " line " + line + ": column " + column + " holds '" + text
                    + "', not a number of 0 or more");
        }
    }
}
