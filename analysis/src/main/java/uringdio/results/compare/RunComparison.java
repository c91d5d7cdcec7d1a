package uringdio.results.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import uringdio.cli.BadInputException;
import uringdio.results.Columns;
import uringdio.results.RoundsCsv;
import uringdio.stats.RatioInterval;

/**
 * Compares a candidate run with a baseline run: scenarios matched by id, each chosen metric
 * judged by a {@link ComparisonRule} (on the interval over both runs' rounds where they have
 * them), every scenario of either run checked for findings, and what makes the two runs not
 * measure the same thing named: a scenario missing, other settings behind one id, a read served
 * by another path, an environment that differs.
 */
public final class RunComparison {

    /**
     * The scenarios.csv columns that change a number without all being spelled out in the
     * scenario id: a scenario with another value in one of them in the candidate is not the same
     * measurement, whatever its id says.
     */
    public static final List<String> SETTINGS = List.of(Columns.BENCHMARK, Columns.FS, Columns.READ_SIZE,
            Columns.EXTENTS_REQUESTED, Columns.EXTENT_SIZE, Columns.VARIANT, Columns.PATTERN, Columns.TOUCH_FRACTION,
            Columns.MODE, Columns.RETRY_EAGAIN, Columns.QUEUE_DEPTH, Columns.SUBMIT_BATCH, Columns.FILE_SIZE,
            Columns.RING_FLAGS, Columns.TARGET_KIND, Columns.LOOP_DIRECT_IO, Columns.LOGICAL_SECTOR_SIZE, Columns.PAGE_SIZE);

    /** Environment keys that name one run and say nothing of its machine: left out of the differences. */
    static final Set<String> RUN_NAMING = Set.of("time", "parent_command_line");
    /** Target keys that name one run's scratch files. */
    static final Set<String> TARGET_NAMING = Set.of("directory", "mount_point", "loop_backing_file", "device");

    /** Per-read attribution columns, when both runs have them: a share that crosses one half is a change of path. */
    static final List<String> PATH_SHARES = List.of(Columns.BUFFERED_PER_READ, Columns.PUNTS_PER_READ, Columns.PARTIAL_PER_READ);

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
        List<String> notSame = new ArrayList<>();
        for (String scenario : common) {
            settingsDiffer(baseline, candidate, scenario).ifPresent(notSame::add);
            pathChange(baseline, candidate, scenario).ifPresent(notSame::add);
            for (Metric metric : metrics) {
                comparisons.add(compare(baseline, candidate, scenario, metric));
            }
        }
        if (!rule.allowMissing()) {
            onlyInBaseline.forEach(s -> notSame.add(s + ": measured in the baseline, missing in the candidate"
                    + " (its fork failed, or the matrix changed; --allow-missing to accept)"));
        }
        return new ComparisonReport(baseline, candidate, rule, metrics, comparisons, onlyInBaseline, onlyInCandidate,
                findings(candidate), findings(baseline), environmentDifferences(baseline, candidate), notSame);
    }

    /** Every environment key whose value differs between the runs, {@code key: baseline -> candidate}. */
    static List<String> environmentDifferences(RunResults baseline, RunResults candidate) {
        Set<String> keys = new LinkedHashSet<>(baseline.environment().keySet());
        keys.addAll(candidate.environment().keySet());
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            String last = key.substring(key.lastIndexOf('.') + 1);
            if (RUN_NAMING.contains(key) || (key.startsWith("targets.") && TARGET_NAMING.contains(last))) {
                continue;
            }
            String b = baseline.environment().getOrDefault(key, "(none)");
            String c = candidate.environment().getOrDefault(key, "(none)");
            if (!b.equals(c)) {
                out.add(key + ": " + b + " -> " + c);
            }
        }
        return out;
    }

    private static Optional<String> settingsDiffer(RunResults baseline, RunResults candidate, String scenario) {
        List<String> differ = new ArrayList<>();
        for (String c : SETTINGS) {
            String b = baseline.text(scenario, c);
            String n = candidate.text(scenario, c);
            if (!b.isEmpty() && !n.isEmpty() && !b.equals(n)) {
                differ.add(c + " " + b + " -> " + n);
            }
        }
        return differ.isEmpty() ? Optional.empty()
                : Optional.of(scenario + ": other settings behind the same id: " + String.join(", ", differ));
    }

    /**
     * A read that took another path: with attribution columns in both runs, a share of reads
     * (buffered, punted, forced wait) on the other side of one half; without them, reads served
     * from the page cache in one run and not in the other.
     */
    private static Optional<String> pathChange(RunResults baseline, RunResults candidate, String scenario) {
        List<String> changed = new ArrayList<>();
        boolean attributed = false;
        for (String c : PATH_SHARES) {
            OptionalDouble b = optional(baseline, scenario, c);
            OptionalDouble n = optional(candidate, scenario, c);
            if (b.isPresent() && n.isPresent()) {
                attributed = true;
                if ((b.getAsDouble() > 0.5) != (n.getAsDouble() > 0.5)) {
                    changed.add(String.format(Locale.ROOT, "%s %.2f -> %.2f", c, b.getAsDouble(), n.getAsDouble()));
                }
            }
        }
        if (!attributed) {
            boolean b = baseline.count(scenario, Columns.PAGE_CACHE_PAGES) > 0;
            boolean n = candidate.count(scenario, Columns.PAGE_CACHE_PAGES) > 0;
            if (b != n) {
                changed.add(Columns.PAGE_CACHE_PAGES + " " + baseline.count(scenario, Columns.PAGE_CACHE_PAGES) + " -> "
                        + candidate.count(scenario, Columns.PAGE_CACHE_PAGES) + " (reads "
                        + (n ? "now served buffered" : "no longer served buffered") + ")");
            }
        }
        return changed.isEmpty() ? Optional.empty() : Optional.of(scenario + ": the reads took another path: "
                + String.join(", ", changed));
    }

    private static OptionalDouble optional(RunResults run, String scenario, String column) {
        return run.text(scenario, column).isEmpty() ? OptionalDouble.empty() : run.value(scenario, column);
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
        Optional<RatioInterval> interval = roundInterval(baseline.rounds(scenario), candidate.rounds(scenario), metric);
        if (interval.isPresent()) {
            RatioInterval i = interval.get();
            Verdict v = switch (rule.gate().judge(i, metric.direction())) {
                case REGRESSION -> Verdict.REGRESSION;
                case IMPROVED -> Verdict.IMPROVED;
                case NO_CHANGE -> Verdict.OK;
            };
            return new MetricComparison(scenario, metric, base, cand, OptionalDouble.of(i.ratio()), Optional.empty(),
                    Optional.empty(), v, i.rounds() + " rounds each", interval);
        }
        Optional<IterationSpread> baseIterations = iterations(baseline, scenario, metric);
        Optional<IterationSpread> candIterations = iterations(candidate, scenario, metric);
        Judgement j = judge(metric, base, cand, baseIterations, candIterations);
        return new MetricComparison(scenario, metric, base, cand, j.ratio, baseIterations, candIterations, j.verdict, j.note,
                Optional.empty());
    }

    /** Candidate over baseline of the metric over both runs' rounds, when both have two or more with reads. */
    private Optional<RatioInterval> roundInterval(TreeMap<Integer, Map<String, Double>> b, TreeMap<Integer, Map<String, Double>> c,
                                                  Metric metric) {
        if (!RoundsCsv.METRICS.contains(metric.column()) || b.size() < 2 || c.size() < 2) {
            return Optional.empty();
        }
        double[] bv = b.values().stream().mapToDouble(r -> r.get(metric.column())).toArray();
        double[] cv = c.values().stream().mapToDouble(r -> r.get(metric.column())).toArray();
        for (double[] side : List.of(bv, cv)) {
            for (double v : side) {
                if (!(v > 0)) {
                    return Optional.empty(); // a round without a read (all refused with EAGAIN): no ratio
                }
            }
        }
        return Optional.of(rule.method().of(bv, cv));
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
