package uringdio.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import uringdio.cli.ExitCode;
import uringdio.cli.OneLineCommand;
import uringdio.results.AtomicFiles;
import uringdio.results.Metadata;
import uringdio.results.ResultsCsv;
import uringdio.results.RoundRatios;
import uringdio.results.RoundsCsv;
import uringdio.report.RunReport;
import uringdio.results.RunExports;
import uringdio.results.RunFiles;
import uringdio.results.SummaryTable;

/**
 * The end of a run: each ratio to its control with its interval (now that every round is in), the
 * table, the verdict and its sentence (verdict.txt), the CI exports, the directory marked whole (unless the run was
 * stopped: then its INCOMPLETE file stays, with the reason), and the exit status.
 */
final class RunFinish {

    /** The verdict and its one sentence, as printed at the end. */
    static final String VERDICT = "verdict.txt";

    private RunFinish() {
    }

    static int finish(RunDirectory results, int failures, boolean whole, PrintStream out, PrintStream err) {
        Path runDir = results.path();
        List<Map<String, String>> rows;
        try {
            rows = results.rows();
        } catch (IOException e) {
            err.println("uring-dio-bench: cannot read back " + ResultsCsv.FILE + ": " + e.getMessage());
            results.markIncomplete("its " + ResultsCsv.FILE + " could not be read back: " + e.getMessage(), err);
            return ExitCode.FAILED;
        }
        String sentence;
        try {
            // Every round is in: each scenario's ratio to its control, paired by round, joins its row.
            rows = RoundRatios.withRatios(rows, RoundsCsv.readIn(runDir));
            if (!rows.isEmpty()) {
                ResultsCsv.rewrite(runDir.resolve(ResultsCsv.FILE), rows);
            }
            Map<String, String> facts = Metadata.read(runDir).facts();
            sentence = VerdictSentence.of(facts.getOrDefault("kernel", "?"), rows);
            RunExports.write(runDir, rows, RoundsCsv.readIn(runDir), facts.getOrDefault("host", "localhost"));
        } catch (IOException | RuntimeException e) {
            err.println("uring-dio-bench: cannot compute the intervals of " + runDir + ": " + e.getMessage());
            results.markIncomplete("its intervals could not be computed: " + e.getMessage(), err);
            return ExitCode.FAILED;
        }
        String table = SummaryTable.render(rows);
        out.println();
        out.print(table);
        Verdict verdict;
        try {
            AtomicFiles.write(runDir.resolve(RunFiles.SUMMARY), table);
            verdict = Verdict.of(runDir, failures);
            AtomicFiles.write(runDir.resolve(VERDICT), verdict.render(runDir) + sentence + "\n");
            if (whole) {
                results.markComplete();
            }
        } catch (IOException e) {
            err.println("uring-dio-bench: cannot finish " + runDir + ": " + e.getMessage());
            results.markIncomplete("its summary or verdict could not be written: " + e.getMessage(), err);
            return ExitCode.FAILED;
        }
        out.println();
        out.print(verdict.render(runDir));
        out.println(sentence);
        out.println("Results: " + runDir + (whole ? "" : " (incomplete: the run was stopped)"));
        try {
            out.println("Report: " + RunReport.write(runDir));
        } catch (RuntimeException e) {
            // The results stand without their page; say why it is missing and go on.
            err.println("uring-dio-bench: no report: " + OneLineCommand.message(e));
        }
        return whole ? verdict.exitCode() : ExitCode.INTERRUPTED;
    }
}
