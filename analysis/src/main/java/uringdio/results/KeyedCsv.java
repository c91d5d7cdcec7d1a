package uringdio.results;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV file of a run directory written by several JMH forks: one fork's rows replace that
 * fork's earlier rows (same value in the key column), and the file is rewritten whole, atomically,
 * under a lock, so it always holds every fork's rows and nothing half written.
 */
final class KeyedCsv {

    private final List<String> header;
    private final String key;
    private final CSVFormat format;

    KeyedCsv(List<String> header, String key) {
        this.header = List.copyOf(header);
        this.key = key;
        this.format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator('\n').get();
    }

    /** Replaces the rows whose key is {@code keyValue} by {@code rows}. */
    void replace(Path csv, String keyValue, List<Map<String, String>> rows) throws IOException {
        for (Map<String, String> row : rows) {
            for (String column : row.keySet()) {
                if (!header.contains(column)) {
                    throw new IllegalArgumentException("no column named " + column + " in " + csv.getFileName());
                }
            }
        }
        AtomicFiles.locked(csv, () -> {
            List<Map<String, String>> all = Files.exists(csv) ? ResultsCsv.read(csv) : new ArrayList<>();
            all.removeIf(r -> keyValue.equals(r.get(key)));
            all.addAll(rows);
            AtomicFiles.write(csv, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                try (CSVPrinter p = new CSVPrinter(w, format)) {
                    for (Map<String, String> r : all) {
                        List<String> values = new ArrayList<>();
                        for (String c : header) {
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
}
