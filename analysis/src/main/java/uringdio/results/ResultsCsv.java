package uringdio.results;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code scenarios.csv}: one row per finished scenario, in {@link Columns#ALL} order. Each row is
 * added by rewriting the whole file atomically under a lock, so the file on disk always holds
 * every scenario finished so far and nothing half written.
 */
public final class ResultsCsv {

    public static final String FILE = "scenarios.csv";

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).get();

    private ResultsCsv() {
    }

    /** Adds {@code row} (replacing an earlier row of the same scenario) to {@code csv}. */
    public static void add(Path csv, Map<String, String> row) throws IOException {
        add(csv, Columns.ALL, row, r -> r.get(Columns.SCENARIO).equals(row.get(Columns.SCENARIO)));
    }

    /**
     * Adds {@code row} to a CSV file of {@code columns} (replacing the rows {@code replaces}
     * accepts), rewriting it atomically under its lock.
     */
    static void add(Path csv, List<String> columns, Map<String, String> row, Predicate<Map<String, String>> replaces)
            throws IOException {
        for (String column : row.keySet()) {
            if (!columns.contains(column)) {
                throw new IllegalArgumentException("no column named " + column + " in " + csv.getFileName());
            }
        }
        AtomicFiles.locked(csv, () -> {
            List<Map<String, String>> rows = Files.exists(csv) ? read(csv) : new ArrayList<>();
            // In place: a scenario keeps the row it had in the first round, whatever order later rounds ran in.
            int at = -1;
            for (int i = 0; i < rows.size() && at < 0; i++) {
                at = replaces.test(rows.get(i)) ? i : -1;
            }
            rows.removeIf(replaces);
            rows.add(at < 0 ? rows.size() : at, row);
            writeAll(csv, columns, rows);
            return null;
        });
    }

    /** Rewrites {@code csv} with {@code rows} (the ratio columns added at the end of a run, say), under its lock. */
    public static void rewrite(Path csv, List<Map<String, String>> rows) throws IOException {
        AtomicFiles.locked(csv, () -> {
            writeAll(csv, Columns.ALL, rows);
            return null;
        });
    }

    private static void writeAll(Path csv, List<String> columns, List<Map<String, String>> rows) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).setRecordSeparator('\n').get();
        AtomicFiles.write(csv, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter p = new CSVPrinter(w, format)) {
                for (Map<String, String> r : rows) {
                    List<String> values = new ArrayList<>();
                    for (String c : columns) {
                        values.add(r.getOrDefault(c, ""));
                    }
                    p.printRecord(values);
                }
                p.flush();
            }
        });
    }

    /** Every row of {@code csv}, as column name to value, in file order. */
    public static List<Map<String, String>> read(Path csv) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : READ.parse(r)) {
                rows.add(new LinkedHashMap<>(rec.toMap()));
            }
        }
        return rows;
    }
}
