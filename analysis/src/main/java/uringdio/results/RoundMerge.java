package uringdio.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario's scenarios.csv row over all its rounds so far: the latest round's row, whose
 * latency columns the fork already computed from every round's histograms added together, with
 * the counts of the earlier rounds added to it and the rates and means over all rounds.
 */
public final class RoundMerge {

    /** Counts summed over rounds. */
    private static final List<String> SUMMED = List.of(Columns.READS, Columns.COMPLETIONS, Columns.SHORT_READS,
            Columns.DATA_MISMATCHES, Columns.EAGAIN, Columns.ERRORS, Columns.PATTERN_CHECKS, Columns.PATTERN_MISMATCHES,
            Columns.FINDINGS, Columns.ROUNDS, Columns.KERNEL_SUBMISSIONS);
    /** Means per read, weighted by each side's reads. */
    private static final List<String> PER_READ = List.of(Columns.REARM_MEAN_NS, Columns.CHECK_MEAN_NS,
            Columns.CPU_USER_US_PER_READ, Columns.CPU_SYS_US_PER_READ, Columns.PROCESS_CPU_NS_PER_READ,
            Columns.MACHINE_CPU_NS_PER_READ, Columns.IOWQ_CPU_NS_PER_READ);
    /** The kernel's events per read, weighted by each side's counted submissions. */
    private static final List<String> PER_KERNEL_READ = List.of(Columns.PUNTS_PER_READ, Columns.DIO_ATTEMPTS_PER_READ,
            Columns.RESTARTS_PER_READ, Columns.EAGAIN_PER_READ, Columns.PARTIAL_PER_READ, Columns.ZERO_PROGRESS_PER_READ,
            Columns.BUFFERED_PER_READ);
    /** The most any round saw: a single round served from the page cache is what matters. */
    private static final List<String> MOST = List.of(Columns.IOWQ_WORKERS_SEEN, Columns.PAGE_CACHE_PAGES);

    private RoundMerge() {
    }

    /** {@code latest} merged with {@code earlier} (the row of the rounds before it); {@code latest} alone if none. */
    public static Map<String, String> merge(Map<String, String> earlier, Map<String, String> latest) {
        if (earlier == null) {
            return latest;
        }
        Map<String, String> m = new LinkedHashMap<>(latest);
        double earlierReads = number(earlier, Columns.READS);
        double latestReads = number(latest, Columns.READS);
        for (String c : PER_READ) {
            double total = earlierReads + latestReads;
            double v = total == 0 ? number(latest, c)
                    : (number(earlier, c) * earlierReads + number(latest, c) * latestReads) / total;
            m.put(c, fmt(v));
        }
        boolean counted = !latest.getOrDefault(Columns.KERNEL_PATH, "").isEmpty()
                && !earlier.getOrDefault(Columns.KERNEL_PATH, "").isEmpty();
        if (counted) {
            double earlierSubmissions = number(earlier, Columns.KERNEL_SUBMISSIONS);
            double latestSubmissions = number(latest, Columns.KERNEL_SUBMISSIONS);
            double total = earlierSubmissions + latestSubmissions;
            for (String c : PER_KERNEL_READ) {
                double v = total == 0 ? 0 : (number(earlier, c) * earlierSubmissions + number(latest, c) * latestSubmissions) / total;
                m.put(c, String.format(Locale.ROOT, "%.3f", v));
            }
        }
        for (String c : SUMMED) {
            if (!c.equals(Columns.KERNEL_SUBMISSIONS) || counted) {
                m.put(c, Long.toString((long) (number(earlier, c) + number(latest, c))));
            }
        }
        if (counted) {
            // The path in words is that of every round's counts together.
            PathCells.describeAgain(m);
        }
        for (String c : MOST) {
            m.put(c, Long.toString((long) Math.max(number(earlier, c), number(latest, c))));
        }
        double seconds = number(earlier, Columns.MEASURED_SECONDS) + number(latest, Columns.MEASURED_SECONDS);
        m.put(Columns.MEASURED_SECONDS, fmt(seconds));
        if (seconds > 0) {
            double perSecond = number(m, Columns.READS) / seconds;
            m.put(Columns.READS_PER_SECOND, fmt(perSecond));
            m.put(Columns.MIB_PER_SECOND, fmt(perSecond * number(latest, Columns.READ_SIZE) / (1 << 20)));
        }
        return m;
    }

    private static double number(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null || v.isBlank()) {
            return 0;
        }
        return Double.parseDouble(v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
