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

    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder()
            .setHeader(Columns.ALL.toArray(String[]::new)).setRecordSeparator('\n').get();
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).get();

    private ResultsCsv() {
    }

    /** Adds {@code row} (replacing an earlier row of the same scenario) to {@code csv}. */
    public static void add(Path csv, Map<String, String> row) throws IOException {
        for (String column : row.keySet()) {
            if (!Columns.ALL.contains(column)) {
                throw new IllegalArgumentException("no column named " + column + " in " + FILE);
            }
        }
        AtomicFiles.locked(csv, () -> {
            List<Map<String, String>> rows = Files.exists(csv) ? read(csv) : new ArrayList<>();
            rows.removeIf(r -> r.get(Columns.SCENARIO).equals(row.get(Columns.SCENARIO)));
            rows.add(row);
            AtomicFiles.write(csv, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                try (CSVPrinter p = new CSVPrinter(w, WRITE)) {
                    for (Map<String, String> r : rows) {
                        List<String> values = new ArrayList<>();
                        for (String c : Columns.ALL) {
                            values.add(r.getOrDefault(c, ""));
                        }
                        p.printRecord(values);
                    }
                    p.flush();
                }
            });
            return null;
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
