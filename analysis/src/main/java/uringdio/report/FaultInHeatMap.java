package uringdio.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import uringdio.results.Columns;

/**
 * The fault-in cost over extent count and fault pattern, one heat map per filesystem: each cell
 * is a scenario's median end-to-end latency over the same read into a fully touched buffer.
 * Only plain-data INLINE reads take part, so a cell varies by its two axes alone.
 */
final class FaultInHeatMap {

    private FaultInHeatMap() {
    }

    /** One chart per filesystem with at least two cells. */
    static List<Chart> of(List<ControlRatio> ratios) {
        Map<String, Map<String, Map<Integer, ControlRatio>>> byFs = new TreeMap<>();
        for (ControlRatio r : ratios) {
            Map<String, String> row = r.row();
            if (!"ALL".equals(r.differsBy()) || !"INLINE".equals(row.get(Columns.MODE))
                    || !"PLAIN".equals(row.getOrDefault(Columns.VARIANT, "PLAIN")) || !(r.ratio() > 0)) {
                continue;
            }
            int extents = (int) Numbers.of(row.get(Columns.EXTENTS_REQUESTED), 0);
            byFs.computeIfAbsent(row.getOrDefault(Columns.FS, "?"), f -> new TreeMap<>())
                    .computeIfAbsent(row.getOrDefault(Columns.PATTERN, "?"), p -> new TreeMap<>())
                    .putIfAbsent(extents, r);
        }
        List<Chart> charts = new ArrayList<>();
        byFs.forEach((fs, cells) -> chart(fs, cells).ifPresent(charts::add));
        return charts;
    }

    private static String sizes(Map<String, Map<Integer, ControlRatio>> cells, int extents) {
        TreeSet<Integer> sizes = new TreeSet<>();
        cells.values().forEach(m -> {
            ControlRatio r = m.get(extents);
            if (r != null) {
                sizes.add((int) Numbers.of(r.row().get(Columns.READ_SIZE), 0) / 1024);
            }
        });
        return sizes.stream().map(s -> s + "K").collect(java.util.stream.Collectors.joining("/"));
    }

    private static Optional<Chart> chart(String fs, Map<String, Map<Integer, ControlRatio>> cells) {
        TreeSet<Integer> extents = new TreeSet<>();
        cells.values().forEach(m -> extents.addAll(m.keySet()));
        List<String> patterns = new ArrayList<>(cells.keySet());
        // A read of more extents is often a larger read too: the column says which size it was.
        List<String> extentLabels = extents.stream().map(e -> e + " extents, " + sizes(cells, e)).toList();
        List<Object> data = new ArrayList<>();
        double max = 1;
        for (int y = 0; y < patterns.size(); y++) {
            for (Map.Entry<Integer, ControlRatio> e : cells.get(patterns.get(y)).entrySet()) {
                int x = extents.headSet(e.getKey()).size();
                double ratio = ForestPlot.round(e.getValue().ratio());
                max = Math.max(max, ratio);
                data.add(Map.of("value", List.of(x, y, ratio), "label", Map.of("formatter", Numbers.ratio(ratio))));
            }
        }
        if (data.size() < 2) {
            return Optional.empty();
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("grid", Map.of("left", 110, "right", 30, "top", 10, "bottom", 80));
        option.put("xAxis", Map.of("type", "category", "data", extentLabels, "splitArea", Map.of("show", true)));
        option.put("yAxis", Map.of("type", "category", "data", patterns, "splitArea", Map.of("show", true)));
        double top = Math.max(2, Math.ceil(max));
        option.put("visualMap", Map.of("min", 0.5, "max", top, "text", List.of(Numbers.ratio(top), "0.50x"), "orient", "horizontal",
                "left", "center", "bottom", 0, "inRange", Map.of("color", List.of("#2471a3", "#f7f7f7", "#c0392b"))));
        option.put("series", List.of(Map.of("type", "heatmap", "name", "ratio to ALL", "data", data,
                "label", Map.of("show", true, "color", "#111"))));
        return Optional.of(new Chart("heatmap-" + fs, fs + ": fault-in cost by extent count and pattern",
                "Each cell: median e2e latency of a read into a buffer armed by the pattern, over the same read into a fully "
                        + "touched buffer (ALL). Plain data, INLINE submission.",
                option, 110 + 40 * patterns.size()));
    }
}
