package uringdio.results.compare;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import uringdio.cli.ExitCode;
import uringdio.stats.RatioInterval;
import uringdio.results.RunFiles;

/**
 * The report as text: the two runs and the rule first, then each scenario with every metric's
 * baseline value, the candidate's beside it and their ratio, then what only one run has, the
 * findings and one summary line. Each number stands next to the one it is compared with.
 */
public final class ReportPrinter {

    private final PrintWriter out;

    public ReportPrinter(PrintWriter out) {
        this.out = out;
    }

    public void print(ComparisonReport report) {
        printHeader(report);
        printMetrics(report);
        printOnlyIn("baseline", report.onlyInBaseline());
        printOnlyIn("candidate", report.onlyInCandidate());
        printFindings("the candidate", report.candidateFindings(), report.candidate().directory());
        printFindings("the baseline, not held against the candidate", report.baselineFindings(), report.baseline().directory());
        out.println("not the same measurement (" + report.notSame().size() + ")" + (report.notSame().isEmpty() ? ": none" : ":"));
        report.notSame().forEach(l -> out.println("  " + l));
        printSummary(report);
        out.flush();
    }

    private void printHeader(ComparisonReport report) {
        out.println("run comparison: candidate against baseline");
        printRun(report.baseline());
        printRun(report.candidate());
        String label = "  rule       ";
        for (String line : report.rule().describe()) {
            out.println(label + line);
            label = "             ";
        }
        out.println("  ratio      candidate / baseline, with its 95% interval over both runs' rounds");
        out.println("environment differences (" + report.environmentDifferences().size() + ")"
                + (report.environmentDifferences().isEmpty() ? ": none" : ":"));
        report.environmentDifferences().forEach(l -> out.println("  " + l));
        OptionalDouble baseLoad = report.baseline().meanLoad();
        OptionalDouble candLoad = report.candidate().meanLoad();
        if (baseLoad.isPresent() && candLoad.isPresent()) {
            double b = baseLoad.getAsDouble();
            double c = candLoad.getAsDouble();
            out.printf(Locale.ROOT, "machine load (1-minute load average as each fork ended, mean): baseline %.1f, candidate %.1f%n", b, c);
            if (Math.abs(c - b) >= 1) {
                out.println("  the runs saw different loads from other work: a change may be the machine's, not the kernel's");
            }
        }
        out.println();
    }

    private void printRun(RunResults run) {
        out.printf(Locale.ROOT, "  %-10s %s  kernel %s  host %s%n", run.role(), run.directory(), run.kernel(), run.host());
    }

    private void printMetrics(ComparisonReport report) {
        int metricWidth = "metric".length();
        int valueWidth = "candidate".length();
        for (MetricComparison c : report.comparisons()) {
            metricWidth = Math.max(metricWidth, c.metric().column().length());
            valueWidth = Math.max(valueWidth, Math.max(value(c.baseline()).length(), value(c.candidate()).length()));
        }
        String row = "    %-" + metricWidth + "s  %" + valueWidth + "s  %" + valueWidth + "s  %24s  %s%n";
        out.printf(Locale.ROOT, "  scenario%n" + row, "metric", "baseline", "candidate", "ratio [95% interval]", "verdict");
        String scenario = null;
        for (MetricComparison c : report.comparisons()) {
            if (!c.scenario().equals(scenario)) {
                scenario = c.scenario();
                out.println("  " + scenario + label(report, scenario));
            }
            String verdict = c.verdict().label() + (c.note().isEmpty() ? "" : " (" + c.note() + ")");
            String ratio = c.interval().map(RatioInterval::format).orElse(ratio(c.ratio()));
            out.printf(Locale.ROOT, row, c.metric().column(), value(c.baseline()), value(c.candidate()), ratio, verdict);
        }
        out.println();
    }

    /** The scenario's label for a person ({@code   btrfs 16K x4 FIRST INLINE qd1}), when its row says it whole. */
    private static String label(ComparisonReport report, String id) {
        return report.candidate().scenario(id).or(() -> report.baseline().scenario(id)).map(s -> "   " + s.label())
                .orElse("");
    }

    private void printOnlyIn(String role, List<String> scenarios) {
        out.println("only in " + role + " (" + scenarios.size() + ")" + (scenarios.isEmpty() ? ": none" : ":"));
        scenarios.forEach(s -> out.println("  " + s));
    }

    private void printFindings(String whose, List<ScenarioFindings> findings, Path runDirectory) {
        out.println("findings in " + whose + " (" + findings.size() + ")" + (findings.isEmpty() ? ": none" : ":"));
        for (ScenarioFindings f : findings) {
            out.println("  " + f.scenario() + ": " + f.describe());
        }
        if (!findings.isEmpty()) {
            out.println("  each read word for word: " + runDirectory.resolve(RunFiles.FINDINGS));
        }
    }

    private void printSummary(ComparisonReport report) {
        long scenarios = report.comparisons().stream().map(MetricComparison::scenario).distinct().count();
        String exit = switch (report.exitCode()) {
            case ExitCode.FINDINGS -> "FAIL: findings in the candidate";
            case ExitCode.NOT_SAME -> "FAIL: the candidate does not measure what the baseline did";
            case ExitCode.REGRESSION -> "FAIL: regression beyond " + report.rule().threshold();
            default -> "PASS";
        };
        out.printf(Locale.ROOT, "%nresult: %s (exit %d); %d scenarios, %d metric values compared: %d regressed,"
                        + " %d within noise, %d improved, %d not comparable%n",
                exit, report.exitCode(), scenarios, report.comparisons().size(),
                report.withVerdict(Verdict.REGRESSION).size(), report.withVerdict(Verdict.WITHIN_NOISE).size(),
                report.withVerdict(Verdict.IMPROVED).size(), report.withVerdict(Verdict.NOT_COMPARABLE).size());
    }

    private static String value(OptionalDouble v) {
        return v.isPresent() ? RunComparison.format(v.getAsDouble()) : "-";
    }

    private static String ratio(OptionalDouble r) {
        return r.isPresent() ? String.format(Locale.ROOT, "%.3fx", r.getAsDouble()) : "-";
    }
}
