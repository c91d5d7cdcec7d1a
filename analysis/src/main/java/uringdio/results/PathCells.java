package uringdio.results;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import uringdio.attribution.Attribution;
import uringdio.attribution.KernelPath;
import uringdio.attribution.PathCounts;
import uringdio.attribution.PathPromise;
import uringdio.scenario.Scenario;
import uringdio.scenario.SubmitMode;

/**
 * How {@link Columns} writes a scenario's kernel path into its cells: empty where nothing was
 * counted or traced (the {@code kernel_counts} and {@code traced_pass} cells say why), so a
 * missing count is never read as zero.
 */
final class PathCells {

    private PathCells() {
    }

    static String count(ScenarioMeasurements m, ToLongFunction<PathCounts> count) {
        return m.attribution().pathCounts().map(c -> Long.toString(count.applyAsLong(c))).orElse("");
    }

    static String perRead(ScenarioMeasurements m, ToLongFunction<PathCounts> count) {
        return m.attribution().pathCounts()
                .map(c -> String.format(Locale.ROOT, "%.3f", c.perRead(count.applyAsLong(c)))).orElse("");
    }

    static String path(Scenario s, ScenarioMeasurements m) {
        return m.attribution().pathCounts()
                .map(c -> KernelPath.describe(c, returnedEagain(s, c, m.counts().eagain(), m.counts().completions()),
                        s.mode() == SubmitMode.PREAD)).orElse("");
    }

    static String mismatch(Scenario s, ScenarioMeasurements m) {
        return m.attribution().pathCounts().map(c -> String.join("; ", PathPromise.broken(s, c))).orElse("");
    }

    static String traced(ScenarioMeasurements m, Function<Attribution.TracedPhases, String> cell) {
        return m.attribution().tracedPhases().map(cell).orElse("");
    }

    /**
     * The counted submissions that came back -EAGAIN to the suite under RWF_NOWAIT: its share of
     * -EAGAIN completions (over the whole scenario) applied to the measured submissions. In any
     * other mode an -EAGAIN is a finding, not a path.
     */
    private static long returnedEagain(Scenario s, PathCounts c, long eagain, long completions) {
        if (s.mode() != SubmitMode.RWF_NOWAIT) {
            return 0;
        }
        return completions == 0 ? 0 : Math.round((double) c.submissions() * eagain / completions);
    }

    /**
     * Rewrites {@code row}'s path in words and its broken promises from its counts (its
     * submissions and per-read columns), as after merging rounds.
     */
    static void describeAgain(Map<String, String> row) {
        Optional<Scenario> scenario = Columns.scenarioOf(row);
        if (scenario.isEmpty()) {
            return;
        }
        long n = (long) number(row, Columns.KERNEL_SUBMISSIONS);
        ToLongFunction<String> count = c -> Math.round(number(row, c) * n);
        PathCounts c = new PathCounts(n, count.applyAsLong(Columns.PUNTS_PER_READ),
                count.applyAsLong(Columns.DIO_ATTEMPTS_PER_READ), count.applyAsLong(Columns.RESTARTS_PER_READ),
                count.applyAsLong(Columns.EAGAIN_PER_READ), count.applyAsLong(Columns.PARTIAL_PER_READ),
                count.applyAsLong(Columns.ZERO_PROGRESS_PER_READ), count.applyAsLong(Columns.BUFFERED_PER_READ));
        Scenario s = scenario.get();
        long returned = returnedEagain(s, c, (long) number(row, Columns.EAGAIN), (long) number(row, Columns.COMPLETIONS));
        row.put(Columns.KERNEL_PATH, KernelPath.describe(c, returned, s.mode() == SubmitMode.PREAD));
        row.put(Columns.PATH_MISMATCH, String.join("; ", PathPromise.broken(s, c)));
    }

    private static double number(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isBlank() ? 0 : Double.parseDouble(v);
    }
}
