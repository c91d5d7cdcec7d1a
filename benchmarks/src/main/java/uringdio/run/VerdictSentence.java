package uringdio.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import uringdio.results.Columns;
import uringdio.stats.RatioInterval;

/**
 * The run's answer in one sentence, from its rows: the kernel, how many reads were checked and
 * how many came back short or wrong, and what the seed's read (16 KiB over 4 extents into a buffer
 * with only its first page resident, {@code btrfs 16K x4 FIRST INLINE qd1}) costs against the same
 * read into a fully resident buffer, with its interval, on btrfs and on ext4. When the rows carry
 * the kernel path of each read ({@code kernel_path}, {@code punts_per_read}, {@code partial_per_read})
 * the sentence says which path the seed's reads took.
 */
final class VerdictSentence {

    private VerdictSentence() {
    }

    static String of(String kernel, List<Map<String, String>> rows) {
        long checked = 0;
        long shortReads = 0;
        long wrong = 0;
        for (Map<String, String> r : rows) {
            checked += count(r, Columns.COMPLETIONS);
            shortReads += count(r, Columns.SHORT_READS);
            wrong += count(r, Columns.DATA_MISMATCHES);
        }
        StringBuilder b = new StringBuilder();
        List<String> filesystems = rows.stream().map(r -> r.get(Columns.FS)).distinct().toList();
        b.append(String.format(Locale.ROOT, "Linux %s (%s): %,d short reads and %,d wrong reads in %,d checked reads",
                kernel, String.join(", ", filesystems), shortReads, wrong, checked));
        Optional<Map<String, String>> btrfs = seed(rows, "btrfs");
        Optional<Map<String, String>> ext4 = seed(rows, "ext4");
        btrfs.flatMap(r -> interval(r, "e2e_p50")).ifPresent(p50 -> {
            b.append("; a 16 KiB read over 4 extents into a buffer with only its first page resident ").append(cost(p50, "p50"));
            interval(btrfs.get(), "e2e_p99").ifPresent(p99 -> b.append(" and ").append(cost(p99, "p99")));
            b.append(" against a fully resident one on btrfs");
            path(btrfs.get()).ifPresent(p -> b.append(", ").append(p));
        });
        ext4.flatMap(r -> interval(r, "e2e_p50")).ifPresent(p50 -> b.append("; on ext4 the same read ").append(cost(p50, "p50")));
        return b.append('.').toString();
    }

    /** The seed's read on {@code fs}, if the run measured it with an interval against ALL. */
    private static Optional<Map<String, String>> seed(List<Map<String, String>> rows, String fs) {
        return rows.stream().filter(r -> fs.equals(r.get(Columns.FS)) && "extent-read".equals(r.get(Columns.BENCHMARK))
                && "16384".equals(r.get(Columns.READ_SIZE)) && "4".equals(r.get(Columns.EXTENTS_REQUESTED))
                && "FIRST".equals(r.get(Columns.PATTERN)) && "INLINE".equals(r.get(Columns.MODE))
                && "PLAIN".equals(r.get(Columns.VARIANT)) && "1".equals(r.get(Columns.QUEUE_DEPTH))
                && "ALL".equals(r.get(Columns.VS_CONTROL))).findFirst();
    }

    static Optional<RatioInterval> interval(Map<String, String> row, String metric) {
        try {
            double r = Double.parseDouble(row.getOrDefault(Columns.ratio(metric, ""), ""));
            double l = Double.parseDouble(row.getOrDefault(Columns.ratio(metric, "lower"), ""));
            double u = Double.parseDouble(row.getOrDefault(Columns.ratio(metric, "upper"), ""));
            return Optional.of(new RatioInterval(r, l, u, (int) count(row, Columns.ROUNDS), "paired by round"));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code costs +56% [+49%, +63%] in p50}, {@code costs 2.2x [1.9x, 2.6x] in p99} from twice as
     * much, or {@code makes no measurable difference to p50 ([-3%, +4%])} when the interval holds 1.
     */
    static String cost(RatioInterval i, String metric) {
        if (i.includesOne()) {
            return String.format(Locale.ROOT, "makes no measurable difference to %s ([%+.0f%%, %+.0f%%])", metric,
                    (i.lower() - 1) * 100, (i.upper() - 1) * 100);
        }
        String figure = i.ratio() >= 2 ? String.format(Locale.ROOT, "%.1fx [%.1fx, %.1fx]", i.ratio(), i.lower(), i.upper())
                : i.formatPercent();
        return "costs " + figure + " in " + metric;
    }

    /** The path the reads took, in words, when the attribution columns are there. */
    private static Optional<String> path(Map<String, String> row) {
        List<String> words = new ArrayList<>();
        double punts = number(row, Columns.PUNTS_PER_READ);
        double partial = number(row, Columns.PARTIAL_PER_READ);
        double buffered = number(row, Columns.BUFFERED_PER_READ);
        if (punts >= 0.99) {
            words.add("every read punted to io-wq");
        } else if (punts > 0.01) {
            words.add(String.format(Locale.ROOT, "%.0f%% of reads punted to io-wq", punts * 100));
        }
        if (partial >= 0.99 && partial < 1.5) {
            words.add("with one forced wait");
        } else if (partial > 0.01) {
            words.add(String.format(Locale.ROOT, "%.2f forced waits per read", partial));
        }
        if (buffered > 0.01) {
            words.add(String.format(Locale.ROOT, "%.0f%% served buffered", buffered * 100));
        }
        String kernelPath = row.getOrDefault(Columns.KERNEL_PATH, "").strip();
        if (words.isEmpty() && kernelPath.isEmpty()) {
            return Optional.empty();
        }
        String said = words.isEmpty() ? "path " + kernelPath : String.join(" ", words);
        return Optional.of(said + " (attribution)");
    }

    private static double number(Map<String, String> row, String column) {
        try {
            return Double.parseDouble(row.getOrDefault(column, ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static long count(Map<String, String> row, String column) {
        double v = number(row, column);
        return Double.isNaN(v) ? 0 : (long) v;
    }
}
