package uringdio.results.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import uringdio.cli.BadInputException;

/**
 * Compares a candidate run with a baseline run: scenarios matched by name, each chosen metric
 * judged by a {@link ComparisonRule}, and every scenario of either run checked for findings.
 */
public final class RunComparison {

    private final ComparisonRule rule;
    private final List<Metric> metrics;

    public RunComparison(ComparisonRule rule, List<Metric> metrics) {
        if (metrics.isEmpty()) {
            throw new BadInputException("no metric to compare");
        }
        this.rule = rule;
        this.metrics = List.copyOf(metrics);
    }

    public ComparisonReport compare(RunResults baseline, RunResults candidate) {
        List<String> common = new ArrayList<>();
        List<String> onlyInBaseline = new ArrayList<>();
        for (String scenario : baseline.scenarios()) {
            (candidate.has(scenario) ? common : onlyInBaseline).add(scenario);
        }
        List<String> onlyInCandidate = candidate.scenarios().stream().filter(s -> !baseline.has(s)).toList();
        if (common.isEmpty()) {
            // Comparing two unrelated runs would otherwise pass with nothing checked.
            throw new BadInputException("the baseline (" + baseline.directory() + ") and the candidate ("
                    + candidate.directory() + ") have no scenario in common: nothing to compare");
        }
        List<MetricComparison> comparisons = new ArrayList<>();
        for (String scenario : common) {
            for (Metric metric : metrics) {
                comparisons.add(compare(baseline, candidate, scenario, metric));
            }
        }
        return new ComparisonReport(baseline, candidate, rule, metrics, comparisons, onlyInBaseline, onlyInCandidate,
                findings(candidate), findings(baseline));
    }

    private static List<ScenarioFindings> findings(RunResults run) {
        List<ScenarioFindings> all = new ArrayList<>();
        for (String scenario : run.scenarios()) {
            ScenarioFindings.of(run, scenario).ifPresent(all::add);
        }
        return all;
    }

    private MetricComparison compare(RunResults baseline, RunResults candidate, String scenario, Metric metric) {
        OptionalDouble base = baseline.value(scenario, metric.column());
        OptionalDouble cand = candidate.value(scenario, metric.column());
        Optional<IterationSpread> baseIterations = iterations(baseline, scenario, metric);
        Optional<IterationSpread> candIterations = iterations(candidate, scenario, metric);
        Judgement j = judge(metric, base, cand, baseIterations, candIterations);
        return new MetricComparison(scenario, metric, base, cand, j.ratio, baseIterations, candIterations, j.verdict, j.note);
    }

    private Optional<IterationSpread> iterations(RunResults run, String scenario, Metric metric) {
        if (rule.ratioOnly() || !metric.hasIterations()) {
            return Optional.empty();
        }
        return run.iterations(scenario, metric.hlogTag().orElseThrow()).flatMap(h -> IterationSpread.of(metric, h));
    }

    private record Judgement(OptionalDouble ratio, Verdict verdict, String note) {
    }

    private Judgement judge(Metric metric, OptionalDouble base, OptionalDouble cand,
                            Optional<IterationSpread> baseIterations, Optional<IterationSpread> candIterations) {
        if (base.isEmpty() || cand.isEmpty()) {
            return new Judgement(OptionalDouble.empty(), Verdict.NOT_COMPARABLE,
                    "no value in the " + (base.isEmpty() ? "baseline" : "candidate"));
        }
        double b = base.getAsDouble();
        double c = cand.getAsDouble();
        if (b == 0) {
            return new Judgement(OptionalDouble.empty(), Verdict.NOT_COMPARABLE, "baseline is 0: no ratio");
        }
        OptionalDouble ratio = OptionalDouble.of(c / b);
        double worseBy = metric.direction().worseBy(b, c);
        if (rule.threshold().exceededBy(worseBy)) {
            if (baseIterations.isPresent() && candIterations.isPresent()) {
                double candMedian = candIterations.get().median();
                double baseWorst = baseIterations.get().worst();
                String spread = "candidate median iteration " + format(candMedian) + ", baseline worst iteration "
                        + format(baseWorst);
                return metric.direction().isWorse(candMedian, baseWorst)
                        ? new Judgement(ratio, Verdict.REGRESSION, spread)
                        : new Judgement(ratio, Verdict.WITHIN_NOISE, spread);
            }
            String note = metric.hasIterations() && !rule.ratioOnly() ? "no .hlog iterations in both runs: whole-run values only" : "";
            return new Judgement(ratio, Verdict.REGRESSION, note);
        }
        if (rule.threshold().exceededBy(-worseBy)) {
            return new Judgement(ratio, Verdict.IMPROVED, "");
        }
        return new Judgement(ratio, Verdict.OK, "");
    }

    /** A value as the report prints it: whole numbers without decimals, others with three. */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
