package uringdio.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import uringdio.stats.PairedRatio;
import uringdio.stats.RatioInterval;

/**
 * Each scenario against its control ({@link SummaryTable#control}), paired by round: round r of
 * the scenario and round r of its control ran in the same pass over the matrix, minutes apart at
 * most, so drift of the machine hits both. Only rounds both have count; with fewer than two the
 * ratio columns stay empty (no interval can be given, so no ratio is).
 */
public final class RoundRatios {

    private RoundRatios() {
    }

    /** The rows with their control, what it differs by, and each ratio metric's ratio and 95% interval filled in. */
    public static List<Map<String, String>> withRatios(List<Map<String, String>> rows,
                                                       Map<String, TreeMap<Integer, Map<String, Double>>> rounds) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> row : rows) {
            Map<String, String> r = new LinkedHashMap<>(row);
            Optional<Map.Entry<String, Map<String, String>>> control = SummaryTable.control(row, rows);
            if (control.isPresent()) {
                String controlId = control.get().getValue().get(Columns.SCENARIO);
                r.put(Columns.CONTROL_SCENARIO, controlId);
                r.put(Columns.VS_CONTROL, control.get().getKey());
                for (String metric : Columns.RATIO_METRICS) {
                    interval(rounds.get(row.get(Columns.SCENARIO)), rounds.get(controlId), Columns.ratioSource(metric))
                            .ifPresent(i -> {
                                r.put(Columns.ratio(metric, ""), fmt(i.ratio()));
                                r.put(Columns.ratio(metric, "lower"), fmt(i.lower()));
                                r.put(Columns.ratio(metric, "upper"), fmt(i.upper()));
                            });
                }
            }
            out.add(r);
        }
        return out;
    }

    /** Scenario over control of one rounds.csv column, over the rounds both have (at least two, all positive). */
    public static Optional<RatioInterval> interval(TreeMap<Integer, Map<String, Double>> scenario,
                                                   TreeMap<Integer, Map<String, Double>> control, String column) {
        if (scenario == null || control == null) {
            return Optional.empty();
        }
        List<Double> s = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Double>> e : scenario.entrySet()) {
            Map<String, Double> other = control.get(e.getKey());
            if (other != null) {
                double a = e.getValue().get(column);
                double b = other.get(column);
                if (!(a > 0) || !(b > 0)) {
                    return Optional.empty(); // a round with no read (RWF_NOWAIT refused all) has no ratio
                }
                s.add(a);
                c.add(b);
            }
        }
        if (s.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(PairedRatio.of(s.stream().mapToDouble(Double::doubleValue).toArray(),
                c.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
