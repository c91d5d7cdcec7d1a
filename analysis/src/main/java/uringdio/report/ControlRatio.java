package uringdio.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import uringdio.results.Columns;
import uringdio.results.SummaryTable;
import uringdio.stats.PairedRatio;
import uringdio.stats.RatioInterval;

/**
 * A scenario's median end-to-end latency over its control's, with its 95% interval when the run
 * allows one, and where that interval came from. The control is the one the run itself named
 * ({@code control_scenario}) or else the one {@link SummaryTable#control} decides, so the page
 * and the printed table never disagree about what a ratio is to.
 *
 * <p>Where the interval comes from, best first: the run's own {@code ratio_e2e_p50_lower/upper}
 * columns; a paired ratio over {@code rounds.csv} (scenario and control ran round by round, side
 * by side); otherwise none. A run's iterations within one scenario are not paired with its
 * control's, so they give no honest interval for a ratio between scenarios.
 */
record ControlRatio(Map<String, String> row, Map<String, String> control, String differsBy, double ratio,
                    Optional<RatioInterval> interval, String intervalSource) {

    static final String RATIO = "ratio_e2e_p50";
    static final String CONTROL_SCENARIO = "control_scenario";
    static final String VS_CONTROL = "vs_control";
    static final String NO_INTERVAL = "no interval: this run has neither ratio intervals nor rounds.csv";

    /** Every row of {@code run} that has a control, in file order. */
    static List<ControlRatio> of(RunData run) {
        List<ControlRatio> ratios = new ArrayList<>();
        for (Map<String, String> row : run.rows) {
            of(row, run).ifPresent(ratios::add);
        }
        return ratios;
    }

    static Optional<ControlRatio> of(Map<String, String> row, RunData run) {
        Optional<Map.Entry<String, Map<String, String>>> control = namedControl(row, run)
                .or(() -> SummaryTable.control(row, run.rows));
        if (control.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> c = control.get().getValue();
        double mine = Numbers.of(row.get(Columns.latency("e2e", "p50")));
        double theirs = Numbers.of(c.get(Columns.latency("e2e", "p50")));
        double plain = theirs > 0 ? mine / theirs : Double.NaN;
        Optional<RatioInterval> fromColumns = fromColumns(row);
        if (fromColumns.isPresent()) {
            return Optional.of(new ControlRatio(row, c, control.get().getKey(), fromColumns.get().ratio(), fromColumns,
                    "95% interval from scenarios.csv (" + fromColumns.get().method() + ")"));
        }
        Optional<RatioInterval> fromRounds = fromRounds(row, c, run);
        if (fromRounds.isPresent()) {
            return Optional.of(new ControlRatio(row, c, control.get().getKey(), fromRounds.get().ratio(), fromRounds,
                    "95% interval computed from rounds.csv (" + PairedRatio.METHOD + ")"));
        }
        return Optional.of(new ControlRatio(row, c, control.get().getKey(), plain, Optional.empty(), NO_INTERVAL));
    }

    /** "1.48x [1.40, 1.57] vs ALL", or "1.48x vs ALL" without an interval. */
    String format() {
        String r = interval.map(RatioInterval::format).orElse(Numbers.ratio(ratio));
        return r + " vs " + differsBy;
    }

    private static Optional<Map.Entry<String, Map<String, String>>> namedControl(Map<String, String> row, RunData run) {
        String id = row.getOrDefault(CONTROL_SCENARIO, "");
        if (id.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> c = run.row(id);
        if (c == null) {
            return Optional.empty();
        }
        String what = row.getOrDefault(VS_CONTROL, "");
        return Optional.of(Map.entry(what.isBlank() ? RunData.label(c) : what, c));
    }

    private static Optional<RatioInterval> fromColumns(Map<String, String> row) {
        double r = Numbers.of(row.get(RATIO));
        double lower = Numbers.of(row.get(RATIO + "_lower"));
        double upper = Numbers.of(row.get(RATIO + "_upper"));
        if (Double.isNaN(r) || Double.isNaN(lower) || Double.isNaN(upper)) {
            return Optional.empty();
        }
        int rounds = (int) Numbers.of(row.get("rounds"), 0);
        try {
            return Optional.of(new RatioInterval(r, lower, upper, rounds, PairedRatio.METHOD));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<RatioInterval> fromRounds(Map<String, String> row, Map<String, String> control, RunData run) {
        Map<Integer, Double> mine = Rounds.of(run, row.get(Columns.SCENARIO), Columns.latency("e2e", "p50"));
        Map<Integer, Double> theirs = Rounds.of(run, control.get(Columns.SCENARIO), Columns.latency("e2e", "p50"));
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : new TreeMap<>(mine).entrySet()) {
            Double other = theirs.get(e.getKey());
            if (other != null) {
                a.add(e.getValue());
                b.add(other);
            }
        }
        if (a.size() < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(PairedRatio.of(a.stream().mapToDouble(Double::doubleValue).toArray(),
                    b.stream().mapToDouble(Double::doubleValue).toArray()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
