package uringdio.results.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;
import uringdio.cli.BadInputException;
import uringdio.cli.ExitCode;
import uringdio.cli.OneLineCommand;
import uringdio.report.ComparisonPage;
import uringdio.results.RunExports;
import uringdio.stats.RunChange;

/**
 * {@code compare <baseline-run-dir> <candidate-run-dir>}: one run's results against another's
 * (kernel A against kernel B), with an exit code a CI job can gate on. The logic is in
 * {@link RunComparison}; this class is the command line and nothing else.
 */
@Command(name = "compare", sortOptions = false,
        description = "Compares a candidate run's results directory with a baseline run's, scenario by scenario:"
                + " each metric's baseline value, the candidate's beside it and their ratio (candidate / baseline)."
                + " Latencies and CPU per read regress when they go up, throughput when it goes down."
                + " A metric both runs measured in rounds (rounds.csv) regresses only when the whole 95% interval"
                + " of the change over both runs' rounds is beyond the threshold.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCode.OK + ":no regression beyond the threshold, no findings in the candidate",
            ExitCode.BAD_INPUT + ":bad input (missing directory, no scenarios.csv, unknown metric, malformed file)",
            ExitCode.FINDINGS + ":findings in the candidate: short reads, data mismatches, errors, buffers not as their"
                    + " pattern asked (outranks 5 and 4)",
            ExitCode.NOT_SAME + ":not the same measurement: a baseline scenario missing in the candidate, other settings"
                    + " behind one scenario id, or reads that took another path (outranks 4)",
            ExitCode.REGRESSION + ":a metric regressed beyond the threshold"})
public final class CompareRuns implements Callable<Integer> {

    static final String DEFAULT_METRICS = "e2e_p50_ns,e2e_p99_ns,reads_per_s";

    @Parameters(index = "0", paramLabel = "<baseline-run-dir>", description = "The run compared against.")
    private Path baseline;

    @Parameters(index = "1", paramLabel = "<candidate-run-dir>", description = "The run under test.")
    private Path candidate;

    @Option(names = {"--threshold", "--max-regression"}, paramLabel = "<percent>", defaultValue = "10%",
            converter = ThresholdConverter.class,
            description = "How much worse than the baseline the whole 95% interval of a metric must be to regress"
                    + " (default: ${DEFAULT-VALUE}).")
    private RegressionThreshold threshold;

    @Option(names = "--method", paramLabel = "WELCH|TRIMMED", defaultValue = "WELCH",
            description = "The interval between runs over their rounds: WELCH (t on log values) or TRIMMED (Yuen,"
                    + " 20% trimmed: for rounds with outliers) (default: ${DEFAULT-VALUE}).")
    private RunChange method;

    @Option(names = "--allow-missing", description = "A scenario of the baseline missing in the candidate does not fail.")
    private boolean allowMissing;

    @Option(names = "--export-dir", paramLabel = "<dir>", description = "Write bmf.json, github-action-benchmark-smaller.json,"
            + " github-action-benchmark-bigger.json and junit.xml of the comparison here.")
    private Path exportDir;

    @Option(names = "--bmf", paramLabel = "<file>", description = "Write the comparison as Bencher Metric Format JSON.")
    private Path bmf;

    @Option(names = "--github-action-benchmark-dir", paramLabel = "<dir>",
            description = "Write github-action-benchmark's customSmallerIsBetter and customBiggerIsBetter files here.")
    private Path gabDir;

    @Option(names = "--junit", paramLabel = "<file>", description = "Write JUnit XML: one test case per scenario.")
    private Path junit;

    @Option(names = "--metrics", paramLabel = "<column>", split = ",", defaultValue = DEFAULT_METRICS,
            converter = MetricConverter.class,
            description = "scenarios.csv columns to compare (default: ${DEFAULT-VALUE}).")
    private List<Metric> metrics = new ArrayList<>();

    @Option(names = "--csv", paramLabel = "<file>", description = "Also write the comparison as CSV to this file.")
    private Path csv;

    @Option(names = "--report", description = "Also write the comparison page (comparison.html and comparison.md) into "
            + "the candidate run.")
    private boolean page;

    @Option(names = "--ratio-only", description = "Judge on whole-run values alone, ignoring the .hlog iterations.")
    private boolean ratioOnly;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command with its report on {@code out} and any one-line error on {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = OneLineCommand.of(new CompareRuns(), "compare", out, err);
        cmd.setExecutionExceptionHandler((e, commandLine, ignored) -> {
            if (e instanceof BadInputException) {
                commandLine.getErr().println("compare: " + e.getMessage());
                commandLine.getErr().flush();
                return ExitCode.BAD_INPUT;
            }
            // Anything else is a bug in this code: its stack trace is what fixes it.
            throw e;
        });
        return cmd.execute(args);
    }

    @Override
    public Integer call() {
        RunResults baselineRun = RunResults.load("baseline", baseline);
        RunResults candidateRun = RunResults.load("candidate", candidate);
        List<Metric> distinct = new ArrayList<>(new LinkedHashSet<>(metrics));
        ComparisonRule rule = new ComparisonRule(threshold, ratioOnly, method, allowMissing);
        ComparisonReport report = new RunComparison(rule, distinct).compare(baselineRun, candidateRun);
        if (exportDir != null) {
            try {
                java.nio.file.Files.createDirectories(exportDir);
            } catch (IOException e) {
                throw BadInputException.cannotWrite(exportDir, e);
            }
            CompareExports.write(report, exportDir.resolve(RunExports.BMF), exportDir, exportDir.resolve(RunExports.JUNIT));
        }
        CompareExports.write(report, bmf, gabDir, junit);
        new ReportPrinter(spec.commandLine().getOut()).print(report);
        if (csv != null) {
            try {
                ReportCsv.write(csv, report);
            } catch (IOException e) {
                throw BadInputException.cannotWrite(csv, e);
            }
        }
        if (page) {
            Path html = ComparisonPage.write(baseline, candidate, candidate.resolve(ComparisonPage.DEFAULT_NAME), rule.gate());
            spec.commandLine().getOut().println("Report: " + html);
        }
        return report.exitCode();
    }

    /** {@code 10%} or {@code 10}, as a {@link RegressionThreshold}. */
    static final class ThresholdConverter implements CommandLine.ITypeConverter<RegressionThreshold> {
        @Override
        public RegressionThreshold convert(String value) {
            return RegressionThreshold.parse(value);
        }
    }

    /** A scenarios.csv column name, as a {@link Metric}. */
    static final class MetricConverter implements CommandLine.ITypeConverter<Metric> {
        @Override
        public Metric convert(String value) {
            return Metric.named(value.strip());
        }
    }
}
