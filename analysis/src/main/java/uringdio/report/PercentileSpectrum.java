package uringdio.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * End-to-end latency by percentile, as HdrHistogram's plotter draws it: the percentile on a log
 * axis of 1/(1-p), so 90%, 99% and 99.9% are equally far apart and the tail gets the room it
 * deserves. Unlike HdrHistogram's plotter, latency is on a log axis as well, so a body in
 * microseconds and a tail in milliseconds both keep their shape. Several histograms overlaid: a scenario and its control,
 * or one scenario in two runs.
 */
final class PercentileSpectrum {

    /** Points per halving of the distance to 100%, as HistogramLogProcessor's output uses. */
    static final int TICKS_PER_HALF_DISTANCE = 5;

    /** One line of the chart. */
    record Line(String name, Histogram histogram, String color) {
    }

    private PercentileSpectrum() {
    }

    static Chart of(String id, String title, String caption, List<Line> lines) {
        List<Object> series = new ArrayList<>();
        for (Line l : lines) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("type", "line");
            s.put("name", l.name());
            s.put("showSymbol", false);
            // ECharts 5.3.1 warns "z / z2 / zlevel of displayable is invalid" on the first hover of a line whose
            // series leaves them unset (apache/echarts#16983, fixed in a later release): they are set here.
            s.put("z", 2);
            s.put("zlevel", 0);
            s.put("data", points(l.histogram()));
            s.put("lineStyle", Map.of("width", 1.8, "color", l.color()));
            s.put("itemStyle", Map.of("color", l.color()));
            series.add(s);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("grid", Map.of("left", 70, "right", 30, "top", 40, "bottom", 45));
        option.put("legend", Map.of("top", 0));
        option.put("tooltip", Map.of("trigger", "axis"));
        // percentileAxis: page.js labels this axis in percent (an ECharts formatter is a function, not JSON).
        option.put("xAxis", Map.of("type", "log", "min", 1, "percentileAxis", true, "name", "percentile",
                "nameLocation", "middle", "nameGap", 28, "splitLine", Map.of("show", true)));
        // Latency on a log axis too: a real run's tail (milliseconds, from a loop device on a shared VM) would
        // otherwise flatten its body (tens of microseconds) onto the floor of the chart.
        option.put("yAxis", Map.of("type", "log", "name", "e2e latency (us, log)", "nameLocation", "middle", "nameGap", 52,
                "minorSplitLine", Map.of("show", true, "lineStyle", Map.of("color", "#f3f3f3"))));
        option.put("series", series);
        return new Chart(id, title, caption, option, 300);
    }

    /** [1/(1-p), latency in us] from 0% to the last percentile below 100% (where 1/(1-p) is infinite). */
    static List<List<Double>> points(Histogram h) {
        List<List<Double>> points = new ArrayList<>();
        for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double p = v.getPercentileLevelIteratedTo() / 100;
            if (p >= 1) {
                break;
            }
            double x = 1 / (1 - p);
            double us = h.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0;
            points.add(List.of(ForestPlot.round(x), Math.round(us * 10) / 10.0));
        }
        return points;
    }
}
