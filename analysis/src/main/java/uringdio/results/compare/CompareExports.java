package uringdio.results.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uringdio.cli.BadInputException;
import uringdio.export.BencherMetricFormat;
import uringdio.export.GithubActionBenchmark;
import uringdio.export.JunitXml;
import uringdio.export.MetricResult;
import uringdio.export.TestCaseResult;
import uringdio.results.RunExports;

/**
 * A comparison for CI: each metric of each scenario as the candidate's value (with its interval
 * over the candidate's rounds) and as the change from the baseline (candidate / baseline with its
 * interval), in Bencher Metric Format and github-action-benchmark's two files; and JUnit XML with
 * one test case per scenario, failed by a regression, a finding or a changed measurement.
 */
public final class CompareExports {

    private CompareExports() {
    }

    /** The figures of {@code report}. */
    public static List<MetricResult> metrics(ComparisonReport report) {
        List<MetricResult> out = new ArrayList<>();
        for (MetricComparison c : report.comparisons()) {
            String column = c.metric().column();
            String unit = column.endsWith("_ns") ? "ns" : column.equals("reads_per_s") ? "reads/s" : "";
            RunExports.level(report.candidate().rounds(c.scenario()), column)
                    .map(i -> new MetricResult(c.scenario(), column, i.ratio(), i.lower(), i.upper(), c.metric().direction(), unit))
                    .or(() -> c.candidate().isPresent()
                            ? java.util.Optional.of(MetricResult.of(c.scenario(), column, c.candidate().getAsDouble(),
                                    c.metric().direction(), unit))
                            : java.util.Optional.empty())
                    .ifPresent(out::add);
            c.interval().ifPresent(i -> out.add(MetricResult.ratio(c.scenario(), column + " change", i, c.metric().direction())));
        }
        return out;
    }

    /** One test case per scenario of either run. */
    public static List<TestCaseResult> testCases(ComparisonReport report) {
        Map<String, List<String>> failures = new LinkedHashMap<>();
        report.baseline().scenarios().forEach(s -> failures.put(s, new ArrayList<>()));
        report.candidate().scenarios().forEach(s -> failures.putIfAbsent(s, new ArrayList<>()));
        for (MetricComparison c : report.withVerdict(Verdict.REGRESSION)) {
            failures.get(c.scenario()).add("REGRESSION " + c.metric().column() + " "
                    + c.interval().map(i -> i.formatPercent()).orElse(String.format(java.util.Locale.ROOT, "%.3fx",
                    c.ratio().orElse(Double.NaN))) + " beyond " + report.rule().threshold());
        }
        for (ScenarioFindings f : report.candidateFindings()) {
            failures.get(f.scenario()).add("FINDINGS " + f.describe());
        }
        for (String line : report.notSame()) {
            String scenario = line.substring(0, line.indexOf(':'));
            failures.computeIfAbsent(scenario, s -> new ArrayList<>()).add(line.substring(line.indexOf(':') + 1).strip());
        }
        List<TestCaseResult> cases = new ArrayList<>();
        failures.forEach((scenario, why) -> cases.add(why.isEmpty()
                ? TestCaseResult.passed("uring-dio-bench.compare", scenario, 0)
                : TestCaseResult.failed("uring-dio-bench.compare", scenario, 0, String.join("; ", why),
                        why.get(0).startsWith("FINDINGS") ? "finding" : why.get(0).startsWith("REGRESSION") ? "regression"
                                : "not-the-same")));
        return cases;
    }

    /** Writes the named files; a null path is not written. */
    public static void write(ComparisonReport report, Path bmf, Path githubActionBenchmarkDir, Path junit) {
        try {
            if (bmf != null) {
                BencherMetricFormat.write(metrics(report), bmf);
            }
            if (githubActionBenchmarkDir != null) {
                Files.createDirectories(githubActionBenchmarkDir);
                GithubActionBenchmark.write(metrics(report), githubActionBenchmarkDir.resolve(RunExports.GAB_SMALLER),
                        githubActionBenchmarkDir.resolve(RunExports.GAB_BIGGER));
            }
            if (junit != null) {
                JunitXml.write("uring-dio-bench compare", testCases(report), Instant.now(), report.candidate().host(), junit);
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new BadInputException("cannot write the exports: " + e.getMessage());
        }
    }
}
