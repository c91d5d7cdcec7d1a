package uringdio.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import uringdio.results.Columns;

/**
 * Reads per second against queue depth, one line per read that a run measured at several
 * depths (same filesystem, size, extents, variant, pattern and mode).
 */
final class QueueDepthChart {

    private static final List<String> SAME = List.of(Columns.BENCHMARK, Columns.FS, Columns.READ_SIZE,
            Columns.EXTENTS_REQUESTED, Columns.VARIANT, Columns.PATTERN, Columns.TOUCH_FRACTION, Columns.MODE,
            Columns.RETRY_EAGAIN);

    private QueueDepthChart() {
    }

    static Optional<Chart> of(RunData run) {
        Map<String, TreeMap<Integer, Double>> lines = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Map<String, String> row : run.rows) {
            int depth = (int) Numbers.of(row.get(Columns.QUEUE_DEPTH), 0);
            double rate = Numbers.of(row.get(Columns.READS_PER_SECOND));
            if (depth > 0 && rate > 0) {
                String key = key(row);
                names.putIfAbsent(key, RunData.label(row).replaceAll("\\s+qd\\d+(\\s+b\\d+)?$", ""));
                lines.computeIfAbsent(key, k -> new TreeMap<>()).putIfAbsent(depth, rate);
            }
        }
        List<Object> series = new ArrayList<>();
        lines.forEach((key, points) -> {
            if (points.size() >= 2) {
                List<Object> data = new ArrayList<>();
                points.forEach((d, r) -> data.add(List.of(d, Math.round(r))));
                series.add(Map.of("type", "line", "name", names.get(key), "data", data, "symbolSize", 7));
            }
        });
        if (series.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("legend", Map.of("top", 0, "type", "scroll"));
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("grid", Map.of("left", 70, "right", 30, "top", 40, "bottom", 45));
        option.put("xAxis", Map.of("type", "log", "logBase", 2, "name", "queue depth", "nameLocation", "middle", "nameGap", 28));
        option.put("yAxis", Map.of("type", "value", "name", "reads/s", "nameLocation", "middle", "nameGap", 55));
        option.put("series", series);
        return Optional.of(new Chart("queue-depth", "Reads/s against queue depth",
                "Each line is one read measured at several queue depths (the submit batch may differ between depths).",
                option, 340));
    }

    /** What the rows of one line share: everything but the depth and the batch. */
    private static String key(Map<String, String> row) {
        StringBuilder b = new StringBuilder();
        for (String c : SAME) {
            b.append(row.getOrDefault(c, "")).append('|');
        }
        return b.toString();
    }
}
