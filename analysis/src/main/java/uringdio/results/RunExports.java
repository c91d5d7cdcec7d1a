package uringdio.results;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import uringdio.export.BencherMetricFormat;
import uringdio.export.GithubActionBenchmark;
import uringdio.export.JunitXml;
import uringdio.export.MetricResult;
import uringdio.export.TestCaseResult;
import uringdio.stats.Direction;
import uringdio.stats.PairedRatio;
import uringdio.stats.RatioInterval;

/**
 * A run's figures for CI, written into its directory: Bencher Metric Format ({@value #BMF}),
 * github-action-benchmark's two files ({@value #GAB_SMALLER}, {@value #GAB_BIGGER}) and JUnit XML
 * ({@value #JUNIT}), one test case per scenario that fails on a wrong read. Latencies and reads/s
 * are the geometric mean over rounds with its 95% interval; ratios to the control are those of
 * scenarios.csv, paired by round.
 */
public final class RunExports {

    public static final String BMF = "bmf.json";
    public static final String GAB_SMALLER = "github-action-benchmark-smaller.json";
    public static final String GAB_BIGGER = "github-action-benchmark-bigger.json";
    public static final String JUNIT = "junit.xml";

    private RunExports() {
    }

    /** Writes the four files of the run in {@code runDir} from its rows and rounds. */
    public static void write(Path runDir, List<Map<String, String>> rows,
                             Map<String, TreeMap<Integer, Map<String, Double>>> rounds, String host) {
        List<MetricResult> metrics = metrics(rows, rounds);
        BencherMetricFormat.write(metrics, runDir.resolve(BMF));
        GithubActionBenchmark.write(metrics, runDir.resolve(GAB_SMALLER), runDir.resolve(GAB_BIGGER));
        List<TestCaseResult> cases = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String name = row.getOrDefault(Columns.LABEL, row.get(Columns.SCENARIO));
            double seconds = SummaryTable.number(row.get(Columns.MEASURED_SECONDS));
            seconds = Double.isNaN(seconds) ? 0 : seconds;
            String wrong = wrongReads(row);
            cases.add(wrong.isEmpty() ? TestCaseResult.passed("uring-dio-bench.run", name, seconds)
                    : TestCaseResult.failed("uring-dio-bench.run", name, seconds, wrong, "finding"));
        }
        JunitXml.write("uring-dio-bench run", cases, Instant.now(), host, runDir.resolve(JUNIT));
    }

    /** What is wrong with a scenario's reads, in a few words; empty when nothing is. */
    public static String wrongReads(Map<String, String> row) {
        List<String> wrong = new ArrayList<>();
        for (String c : List.of(Columns.SHORT_READS, Columns.DATA_MISMATCHES, Columns.ERRORS, Columns.PATTERN_MISMATCHES)) {
            long n = SummaryTable.count(row, c);
            if (n > 0) {
                wrong.add(n + " " + c.replace('_', ' '));
            }
        }
        return String.join(", ", wrong);
    }

    /** Each scenario's latencies and reads/s over rounds, and its ratios to its control. */
    public static List<MetricResult> metrics(List<Map<String, String>> rows,
                                             Map<String, TreeMap<Integer, Map<String, Double>>> rounds) {
        List<MetricResult> out = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String id = row.get(Columns.SCENARIO);
            for (String metric : Columns.RATIO_METRICS) {
                Direction d = metric.startsWith("e2e_") ? Direction.SMALLER_IS_BETTER : Direction.BIGGER_IS_BETTER;
                String unit = metric.startsWith("e2e_") ? "ns" : "reads/s";
                level(rounds.get(id), Columns.ratioSource(metric))
                        .map(i -> new MetricResult(id, metric, i.ratio(), i.lower(), i.upper(), d, unit))
                        .or(() -> whole(row, id, metric, d, unit))
                        .ifPresent(out::add);
                double r = SummaryTable.number(row.get(Columns.ratio(metric, "")));
                double l = SummaryTable.number(row.get(Columns.ratio(metric, "lower")));
                double u = SummaryTable.number(row.get(Columns.ratio(metric, "upper")));
                if (!Double.isNaN(r) && !Double.isNaN(l) && !Double.isNaN(u)) {
                    out.add(new MetricResult(id, metric + " vs " + row.get(Columns.VS_CONTROL), r, l, u, d, "x"));
                }
            }
        }
        return out;
    }

    private static Optional<MetricResult> whole(Map<String, String> row, String id, String metric, Direction d, String unit) {
        double v = SummaryTable.number(row.get(Columns.ratioSource(metric)));
        return Double.isNaN(v) ? Optional.empty() : Optional.of(MetricResult.of(id, metric, v, d, unit));
    }

    /**
     * The geometric mean of a scenario's rounds with its 95% t interval: its ratio to a level of 1
     * in every round, which is what {@link PairedRatio} computes when the control is all ones.
     */
    public static Optional<RatioInterval> level(TreeMap<Integer, Map<String, Double>> scenarioRounds, String column) {
        if (scenarioRounds == null || scenarioRounds.size() < 2) {
            return Optional.empty();
        }
        double[] values = scenarioRounds.values().stream().mapToDouble(r -> r.get(column)).toArray();
        if (Arrays.stream(values).anyMatch(v -> !(v > 0))) {
            return Optional.empty();
        }
        double[] ones = new double[values.length];
        Arrays.fill(ones, 1);
        return Optional.of(PairedRatio.of(values, ones));
    }
}
