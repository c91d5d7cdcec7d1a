package uringdio.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uringdio.attribution.Phase;

/**
 * Where each read went in the kernel, once a run carries attribution: what share of reads was
 * punted to io-wq, waited, finished buffered or stayed inline (from the per-read columns), and
 * how long the forced wait's phases took (from phases.csv).
 */
final class AttributionCharts {

    static final String PUNTS = "punts_per_read";
    /** Per-read columns and what the chart calls them; absent columns are left out. */
    static final Map<String, String> PER_READ = perRead();

    private AttributionCharts() {
    }

    private static Map<String, String> perRead() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(PUNTS, "punted to io-wq");
        m.put("restarts_per_read", "forced wait (restarted)");
        m.put("partial_per_read", "partial direct I/O");
        m.put("zero_progress_per_read", "no direct progress");
        m.put("buffered_per_read", "finished buffered");
        m.put("eagain_per_read", "-EAGAIN");
        return m;
    }

    /** Whether the run carries the per-read attribution columns. */
    static boolean inRun(RunData run) {
        return run.has(PUNTS);
    }

    static Optional<Chart> perRead(RunData run) {
        if (!inRun(run)) {
            return Optional.empty();
        }
        List<String> labels = run.rows.stream().map(RunData::label).toList();
        List<Object> series = new ArrayList<>();
        // Inline is what was not punted: the one share the columns do not give directly.
        series.add(bar("stayed inline", run.rows.stream()
                .map(r -> (Object) ForestPlot.round(Math.max(0, 1 - Numbers.of(r.get(PUNTS), 0)))).toList()));
        PER_READ.forEach((column, name) -> {
            // A share that is zero for every scenario is said by its absence, not by an empty bar per row.
            if (run.has(column) && run.rows.stream().anyMatch(r -> Numbers.of(r.get(column), 0) > 0)) {
                series.add(bar(name, run.rows.stream().map(r -> (Object) ForestPlot.round(Numbers.of(r.get(column), 0))).toList()));
            }
        });
        Map<String, Object> option = horizontal(labels, "per read", series);
        return Optional.of(new Chart("attribution", "Where the reads went",
                "Per read, from the kernel's own counts (kernel_counts in scenarios.csv says when they are not exact).",
                option, 80 + labels.size() * (12 + 9 * series.size())));
    }

    static Optional<Chart> phases(RunData run) {
        if (run.phases.isEmpty()) {
            return Optional.empty();
        }
        List<String> scenarios = new ArrayList<>();
        run.phases.forEach(p -> {
            if (!scenarios.contains(p.get("scenario"))) {
                scenarios.add(p.get("scenario"));
            }
        });
        List<String> labels = new ArrayList<>();
        for (String s : scenarios) {
            Map<String, String> row = run.row(s);
            labels.add(row == null ? s : RunData.label(row));
        }
        List<Object> series = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            List<Object> values = new ArrayList<>();
            boolean any = false;
            for (String s : scenarios) {
                double ns = run.phases.stream()
                        .filter(p -> s.equals(p.get("scenario")) && phase.words().equals(p.get("phase")))
                        .mapToDouble(p -> Numbers.of(p.get("p50_ns"), 0)).findFirst().orElse(0);
                any |= ns > 0;
                values.add(Math.round(ns / 100) / 10.0);
            }
            if (any) {
                Map<String, Object> bar = bar(phase.words(), values);
                bar.put("stack", "phases");
                series.add(bar);
            }
        }
        Map<String, Object> option = horizontal(labels, "median phase time (us)", series);
        return Optional.of(new Chart("phases", "Phases of a read",
                "Each phase's median time, stacked in the order a read goes through them (from phases.csv).",
                option, 80 + 32 * labels.size()));
    }

    private static Map<String, Object> bar(String name, List<Object> data) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "bar");
        s.put("name", name);
        s.put("data", data);
        return s;
    }

    private static Map<String, Object> horizontal(List<String> labels, String axis, List<Object> series) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("legend", Map.of("top", 0, "type", "scroll"));
        option.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        option.put("grid", Map.of("left", 300, "right", 30, "top", 36, "bottom", 40));
        option.put("xAxis", Map.of("type", "value", "name", axis, "nameLocation", "middle", "nameGap", 26));
        option.put("yAxis", Map.of("type", "category", "data", labels, "inverse", true,
                "axisLabel", Map.of("width", 290, "overflow", "truncate")));
        option.put("series", series);
        return option;
    }

    /** A row's kernel path words, or "" (used by the table). */
    static String kernelPath(Map<String, String> row) {
        return row.getOrDefault("kernel_path", "");
    }
}
