package uringdio.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The table a person reads at the end of a run: each scenario's median and p99 end-to-end
 * latency, reads per second, its latency against its control's, and its wrong reads.
 *
 * <p>A scenario's control is the same read with one thing changed, the first that applies:
 * <ol>
 *   <li>a buffer not fully resident (NONE, FIRST, ...): the same read into a fully touched
 *       buffer (ALL): what faulting the buffer in during the read costs, forced wait included;</li>
 *   <li>a btrfs variant (nodatacow, compressed): the same read of plain data;</li>
 *   <li>on btrfs or xfs: the same read on ext4: what the filesystem's path costs;</li>
 *   <li>a mode other than INLINE on ext4: the same read submitted INLINE: what the mode costs.</li>
 * </ol>
 */
public final class SummaryTable {

    /** The columns that say what a scenario is (everything but results and environment). */
    private static final List<String> IDENTITY = List.of(Columns.BENCHMARK, Columns.FS, Columns.READ_SIZE,
            Columns.EXTENTS_REQUESTED, Columns.VARIANT, Columns.PATTERN, Columns.TOUCH_FRACTION, Columns.MODE,
            Columns.RETRY_EAGAIN, Columns.QUEUE_DEPTH, Columns.SUBMIT_BATCH);

    private static final List<String> RESIDENT_PATTERNS = List.of("ALL", "RESIDENT", "REGISTERED");

    private SummaryTable() {
    }

    /** The row's control within {@code rows}, and what it differs by ("ALL", "ext4", "INLINE"), if there is one. */
    public static Optional<Map.Entry<String, Map<String, String>>> control(Map<String, String> row,
                                                                          List<Map<String, String>> rows) {
        Map<String, String> want = new LinkedHashMap<>();
        IDENTITY.forEach(c -> want.put(c, row.getOrDefault(c, "")));
        String what;
        if (!RESIDENT_PATTERNS.contains(row.get(Columns.PATTERN))) {
            want.put(Columns.PATTERN, "ALL");
            what = "ALL";
        } else if (!"PLAIN".equals(row.getOrDefault(Columns.VARIANT, "PLAIN"))) {
            want.put(Columns.VARIANT, "PLAIN");
            what = "plain";
        } else if (!"ext4".equals(row.get(Columns.FS))) {
            want.put(Columns.FS, "ext4");
            what = "ext4";
        } else if (!"INLINE".equals(row.get(Columns.MODE))) {
            want.put(Columns.MODE, "INLINE");
            want.put(Columns.RETRY_EAGAIN, "false");
            if ("REGISTERED".equals(row.get(Columns.PATTERN))) {
                want.put(Columns.PATTERN, "ALL");
            }
            what = "INLINE";
        } else {
            return Optional.empty();
        }
        for (Map<String, String> other : rows) {
            boolean same = true;
            for (Map.Entry<String, String> e : want.entrySet()) {
                if (!e.getValue().equals(other.getOrDefault(e.getKey(), ""))) {
                    same = false;
                    break;
                }
            }
            // The touch fraction only tells RANDOM scenarios apart.
            if (same || matchesIgnoringFraction(want, other)) {
                return Optional.of(Map.entry(what, other));
            }
        }
        return Optional.empty();
    }

    private static boolean matchesIgnoringFraction(Map<String, String> want, Map<String, String> other) {
        if ("RANDOM".equals(want.get(Columns.PATTERN))) {
            return false;
        }
        for (Map.Entry<String, String> e : want.entrySet()) {
            if (!e.getKey().equals(Columns.TOUCH_FRACTION) && !e.getValue().equals(other.getOrDefault(e.getKey(), ""))) {
                return false;
            }
        }
        return true;
    }

    /** The header of {@link #render}'s table. */
    public static final List<String> HEADER = List.of("scenario", "p50", "p99", "reads/s", "vs control", "short", "wrong",
            "path", "notes");

    /** Columns of words, left-aligned; the rest are numbers, right-aligned. */
    private static final Set<String> TEXT = Set.of("scenario", "path", "notes");

    /** One row's cells, in {@link #HEADER} order; its control is looked for among {@code rows}. */
    public static String[] cells(Map<String, String> row, List<Map<String, String>> rows) {
        String ratio = intervalCell(row).orElseGet(() -> control(row, rows)
                .map(c -> ratio(row, c.getValue()) + " vs " + c.getKey())
                .orElse("-"));
        long wrong = count(row, Columns.DATA_MISMATCHES) + count(row, Columns.ERRORS);
        return new String[] {
            row.getOrDefault(Columns.LABEL, row.get(Columns.SCENARIO)),
            micros(row.get(Columns.latency("e2e", "p50"))),
            micros(row.get(Columns.latency("e2e", "p99"))),
            thousands(row.get(Columns.READS_PER_SECOND)),
            ratio,
            Long.toString(count(row, Columns.SHORT_READS)),
            Long.toString(wrong),
            path(row),
            notes(row)};
    }

    /** The kernel path counted, in words ({@code io-wq 100%, forced wait 100%}), or "-" where none was counted. */
    public static String path(Map<String, String> row) {
        String path = row.getOrDefault(Columns.KERNEL_PATH, "");
        return path.isEmpty() ? "-" : path;
    }

    /**
     * What a reader must know to trust the row: reads served from the page cache (an O_DIRECT
     * read btrfs finished with buffered I/O looks faster than it is: the path says so where it
     * was counted, the page cache's residency where it was not), reads refused with EAGAIN,
     * buffers not as their pattern asked, extents not as requested.
     */
    public static String notes(Map<String, String> row) {
        List<String> notes = new ArrayList<>();
        long cached = count(row, Columns.PAGE_CACHE_PAGES);
        if (cached > 0 && path(row).equals("-")) {
            notes.add("page cache holds " + cached + " pages: reads served buffered");
        }
        long eagain = count(row, Columns.EAGAIN);
        if (eagain > 0) {
            notes.add(eagain + " EAGAIN" + ("true".equals(row.get(Columns.RETRY_EAGAIN)) ? " (retried)" : ""));
        }
        long mismatched = count(row, Columns.PATTERN_MISMATCHES);
        if (mismatched > 0) {
            notes.add(mismatched + " buffers not as armed");
        }
        String min = row.getOrDefault(Columns.EXTENTS_MEASURED_MIN, "");
        String max = row.getOrDefault(Columns.EXTENTS_MEASURED_MAX, "");
        String asked = row.getOrDefault(Columns.EXTENTS_REQUESTED, "");
        if (!min.isEmpty() && (!min.equals(asked) || !max.equals(asked))) {
            notes.add("extents " + (min.equals(max) ? min : min + "-" + max) + " not " + asked);
        }
        return notes.isEmpty() ? "" : String.join("; ", notes);
    }

    /** The table, one line per row, aligned, with a header. */
    public static String render(List<Map<String, String>> rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER.toArray(String[]::new));
        for (Map<String, String> row : rows) {
            lines.add(cells(row, rows));
        }
        int[] width = new int[lines.get(0).length];
        for (String[] l : lines) {
            for (int i = 0; i < l.length; i++) {
                width[i] = Math.max(width[i], l[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] l : lines) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < l.length; i++) {
                boolean text = TEXT.contains(HEADER.get(i));
                line.append(text ? pad(l[i], width[i]) : padLeft(l[i], width[i])).append("  ");
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    /**
     * The p50 ratio to the control with its 95% interval over rounds, {@code 1.56x [1.49, 1.63] vs ALL},
     * or {@code no difference [0.97, 1.04] vs ALL} when the interval holds 1; empty for a row
     * without these columns (a run of one round, or one written before rounds).
     */
    static Optional<String> intervalCell(Map<String, String> row) {
        double ratio = number(row.get(Columns.ratio("e2e_p50", "")));
        double lower = number(row.get(Columns.ratio("e2e_p50", "lower")));
        double upper = number(row.get(Columns.ratio("e2e_p50", "upper")));
        String vs = row.getOrDefault(Columns.VS_CONTROL, "");
        if (Double.isNaN(ratio) || Double.isNaN(lower) || Double.isNaN(upper) || vs.isBlank()) {
            return Optional.empty();
        }
        String bounds = String.format(Locale.ROOT, "[%.2f, %.2f]", lower, upper);
        String figure = lower <= 1 && 1 <= upper ? "no difference" : String.format(Locale.ROOT, "%.2fx", ratio);
        return Optional.of(figure + " " + bounds + " vs " + vs);
    }

    private static String ratio(Map<String, String> row, Map<String, String> control) {
        double mine = number(row.get(Columns.latency("e2e", "p50")));
        double theirs = number(control.get(Columns.latency("e2e", "p50")));
        if (Double.isNaN(mine) || Double.isNaN(theirs) || theirs == 0) {
            return "?";
        }
        return String.format(Locale.ROOT, "%.2fx", mine / theirs);
    }

    static long count(Map<String, String> row, String column) {
        double v = number(row.get(column));
        return Double.isNaN(v) ? 0 : (long) v;
    }

    static double number(String s) {
        if (s == null || s.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Nanoseconds as microseconds: {@code 84.1 us}. */
    static String micros(String nanos) {
        double v = number(nanos);
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f us", v / 1000);
    }

    static String thousands(String perSecond) {
        double v = number(perSecond);
        if (Double.isNaN(v)) {
            return "-";
        }
        return v >= 10_000 ? String.format(Locale.ROOT, "%.1fk", v / 1000) : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(w - s.length());
    }

    private static String padLeft(String s, int w) {
        return " ".repeat(w - s.length()) + s;
    }
}
