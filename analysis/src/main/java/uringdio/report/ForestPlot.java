package uringdio.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uringdio.stats.RatioInterval;

/**
 * The cost of the forced wait, one forest plot per {@link Question}: each scenario's median
 * end-to-end latency over its control's as a bar, its 95% interval as whiskers (an ECharts
 * boxplot whose box collapses onto the ratio), and a line at 1, where the scenario costs what
 * its control does.
 */
final class ForestPlot {

    static final String COSTLIER = "#c0392b";
    static final String CHEAPER = "#2471a3";
    static final String UNDECIDED = "#95a5a6";

    private ForestPlot() {
    }

    static List<Chart> of(List<ControlRatio> ratios) {
        String usual = usualShape(ratios);
        Map<Question, List<ControlRatio>> byQuestion = new EnumMap<>(Question.class);
        for (ControlRatio r : ratios) {
            if (r.ratio() > 0) {
                byQuestion.computeIfAbsent(Question.of(r, usual), q -> new ArrayList<>()).add(r);
            }
        }
        List<Chart> charts = new ArrayList<>();
        byQuestion.forEach((q, rs) -> charts.add(chart(q, rs)));
        return charts;
    }

    private static Chart chart(Question question, List<ControlRatio> ratios) {
        List<String> labels = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        List<Object> bars = new ArrayList<>();
        List<Object> whiskers = new ArrayList<>();
        boolean anyInterval = false;
        for (ControlRatio r : ratios) {
            labels.add(RunData.label(r.row()));
            figures.add(r.format());
            bars.add(Map.of("value", round(r.ratio()), "itemStyle", Map.of("color", color(r))));
            if (r.interval().isPresent()) {
                RatioInterval i = r.interval().get();
                whiskers.add(List.of(round(i.lower()), round(i.ratio()), round(i.ratio()), round(i.ratio()), round(i.upper())));
                anyInterval = true;
            } else {
                whiskers.add("-");
            }
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("grid", Map.of("left", 300, "right", 210, "top", 10, "bottom", 40));
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("xAxis", Map.of("type", "value", "min", 0,
                "name", "median e2e latency / control's", "nameLocation", "middle", "nameGap", 26));
        // The figures go in a column of their own on the right, as in a printed forest plot, clear of the whiskers.
        option.put("yAxis", List.of(
                Map.of("type", "category", "data", labels, "inverse", true,
                        "axisLabel", Map.of("width", 290, "overflow", "truncate")),
                Map.of("type", "category", "data", figures, "inverse", true, "position", "right",
                        "axisTick", Map.of("show", false), "axisLine", Map.of("show", false),
                        "axisLabel", Map.of("color", "#222", "width", 200, "overflow", "truncate"))));
        Map<String, Object> bar = new LinkedHashMap<>();
        bar.put("type", "bar");
        bar.put("name", "ratio to control");
        bar.put("data", bars);
        bar.put("barWidth", 14);
        bar.put("markLine", Map.of("symbol", "none", "silent", true, "label", Map.of("show", false),
                "lineStyle", Map.of("color", "#333", "type", "solid"), "data", List.of(Map.of("xAxis", 1))));
        List<Object> series = new ArrayList<>(List.of(bar));
        if (anyInterval) {
            series.add(Map.of("type", "boxplot", "name", "95% interval", "data", whiskers, "boxWidth", List.of(8, 12),
                    "itemStyle", Map.of("color", "transparent", "borderColor", "#111", "borderWidth", 1.5)));
        }
        option.put("series", series);
        String caption = whiskerSentence(ratios);
        return new Chart("forest-" + question.name().toLowerCase(java.util.Locale.ROOT), question.title(), caption, option,
                60 + 30 * ratios.size());
    }

    private static String whiskerSentence(List<ControlRatio> ratios) {
        Map<String, Long> sources = ratios.stream()
                .collect(Collectors.groupingBy(ControlRatio::intervalSource, LinkedHashMap::new, Collectors.counting()));
        if (sources.size() == 1 && sources.containsKey(ControlRatio.NO_INTERVAL)) {
            return "No whiskers: " + ControlRatio.NO_INTERVAL.substring("no interval: ".length())
                    + ", so these are plain ratios of one measurement each.";
        }
        return "Whiskers: " + String.join("; ", sources.keySet()) + ".";
    }

    private static String color(ControlRatio r) {
        if (r.interval().isEmpty()) {
            return UNDECIDED;
        }
        RatioInterval i = r.interval().get();
        return i.lower() > 1 ? COSTLIER : i.upper() < 1 ? CHEAPER : UNDECIDED;
    }

    /** The read size and extent count most scenarios share: the run's seed read. */
    private static String usualShape(List<ControlRatio> ratios) {
        Map<String, Long> counts = new HashMap<>();
        ratios.forEach(r -> counts.merge(Question.shape(r.row()), 1L, Long::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }

    /** What every forest plot shows, said once above them. */
    static final String HOW_TO_READ = "Each bar: a scenario's median end-to-end latency over its control's (the control is "
            + "named after \"vs\": the same read into a fully touched buffer, of plain data, on ext4, or submitted INLINE). "
            + "A bar past the line at 1 costs more than its control. Red: the whole 95% interval is above 1; blue: below 1; "
            + "grey: the interval includes 1, or there is none.";

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
