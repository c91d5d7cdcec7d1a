package uringdio.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uringdio.cli.ExitCode;
import uringdio.cli.OneLineCommand;

/** {@code ./uring-dio-bench report RUN_DIR} or {@code report BASE_DIR CAND_DIR}: the command line and nothing else. */
@Command(name = "report", sortOptions = false,
        description = {"With one run directory: writes RUN_DIR/report.html (one self-contained page: findings, verdict,"
                + " environment, charts, the full table) and RUN_DIR/report.md (for a ticket).",
            "With two: writes a comparison page of CAND_DIR against BASE_DIR (default CAND_DIR/"
                + ComparisonPage.DEFAULT_NAME + ") and its Markdown twin beside it (.md).",
            "Prints the page's path."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the page was written (whatever the run found: the page says it)",
            "2:bad input (not a run directory, a latency log missing or cut short), said in one line"})
public final class ReportMain implements Callable<Integer> {

    @Parameters(arity = "1..2", paramLabel = "RUN_DIR", description = "A run directory; or a baseline and a candidate.")
    private List<Path> runs;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>",
            description = "Where to write the page (default: report.html in the run, or the comparison name in the candidate).")
    private Path output;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command, the page's path on {@code out} and any one-line error on {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return OneLineCommand.of(new ReportMain(), "report", out, err).execute(args);
    }

    @Override
    public Integer call() {
        Path page;
        if (runs.size() == 1) {
            page = output == null ? RunReport.write(runs.get(0)) : RunReport.write(runs.get(0), output);
        } else {
            Path out = output == null ? runs.get(1).resolve(ComparisonPage.DEFAULT_NAME) : output;
            page = ComparisonPage.write(runs.get(0), runs.get(1), out);
        }
        spec.commandLine().getOut().println("Report: " + page);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
