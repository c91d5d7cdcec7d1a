package uringdio.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** One scenario's per-round values of a metric from {@code rounds.csv}: round number to value. */
final class Rounds {

    static final String SCENARIO = "scenario";
    static final String ROUND = "round";

    private Rounds() {
    }

    static Map<Integer, Double> of(RunData run, String scenario, String metric) {
        Map<Integer, Double> values = new LinkedHashMap<>();
        for (Map<String, String> r : run.rounds) {
            if (scenario.equals(r.get(SCENARIO))) {
                double v = Numbers.of(r.get(metric));
                int round = (int) Numbers.of(r.get(ROUND), -1);
                if (v > 0 && round >= 0) {
                    values.put(round, v);
                }
            }
        }
        return values;
    }

    static double[] values(RunData run, String scenario, String metric) {
        return of(run, scenario, metric).values().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
