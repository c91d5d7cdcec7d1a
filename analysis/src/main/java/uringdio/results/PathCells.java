package uringdio.results;

import java.util.Locale;
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
                .map(c -> KernelPath.describe(c, returnedEagain(s, c, m), s.mode() == SubmitMode.PREAD)).orElse("");
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
    private static long returnedEagain(Scenario s, PathCounts c, ScenarioMeasurements m) {
        long completions = m.counts().completions();
        if (s.mode() != SubmitMode.RWF_NOWAIT) {
            return 0;
        }
        return completions == 0 ? 0 : Math.round((double) c.submissions() * m.counts().eagain() / completions);
    }
}
