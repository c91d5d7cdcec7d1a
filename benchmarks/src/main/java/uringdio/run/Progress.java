package uringdio.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uringdio.results.Columns;
import uringdio.results.SummaryTable;

/** What the run prints as it goes: each scenario's line when it finishes, and now and then the time left. */
final class Progress {

    private final PrintStream out;
    private final int total;
    private final Instant start = Instant.now();

    Progress(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    /** {@code [ 1/10] btrfs 16K x4 FIRST INLINE qd1 }, before the scenario runs. */
    void starting(int index, String label) {
        out.printf(Locale.ROOT, "[%2d/%d] %-44s ", index + 1, total, label);
        out.flush();
    }

    /** The end of a scenario's line: its figures, or why it failed. */
    void finished(int done, Map<String, String> row, Path log, Path runDir) {
        out.println(row == null ? "FAILED: " + firstErrorLine(log) + " (log: " + runDir.relativize(log) + ")"
                : line(row));
        if (done < total && done % 5 == 0) {
            Duration spent = Duration.between(start, Instant.now());
            long left = spent.toSeconds() * (total - done) / done;
            out.printf(Locale.ROOT, "        (%d s so far, about %d s to go)%n", spent.toSeconds(), left);
        }
    }

    static String line(Map<String, String> row) {
        String[] cells = SummaryTable.cells(row, List.of(row));
        long wrong = Long.parseLong(row.getOrDefault(Columns.SHORT_READS, "0"))
                + Long.parseLong(row.getOrDefault(Columns.DATA_MISMATCHES, "0"))
                + Long.parseLong(row.getOrDefault(Columns.ERRORS, "0"));
        StringBuilder b = new StringBuilder();
        b.append("p50 ").append(cells[1]).append("  p99 ").append(cells[2]).append("  ").append(cells[3]).append(" reads/s");
        b.append(wrong == 0 ? "  ok" : "  " + wrong + " WRONG READ(S)");
        String path = SummaryTable.path(row);
        if (!path.equals("-")) {
            b.append("  ").append(path);
        }
        String notes = cells[cells.length - 1];
        if (!notes.isEmpty()) {
            b.append("  (").append(notes).append(')');
        }
        return b.toString();
    }

    /** The fork's own words: the first line of its log that says what went wrong. */
    static String firstErrorLine(Path log) {
        try {
            for (String line : Files.readAllLines(log)) {
                String t = line.trim();
                if (t.contains("Exception: ") || t.startsWith("Caused by: ")) {
                    return t.substring(t.indexOf(": ") + 2);
                }
            }
        } catch (IOException e) {
            // no log
        }
        return "the benchmark failed";
    }
}
