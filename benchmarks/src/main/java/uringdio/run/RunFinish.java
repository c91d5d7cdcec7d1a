package uringdio.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import uringdio.cli.ExitCode;
import uringdio.results.AtomicFiles;
import uringdio.results.ResultsCsv;
import uringdio.results.RunFiles;
import uringdio.results.SummaryTable;

/**
 * The end of a run: the table, the verdict, the directory marked whole (unless the run was
 * stopped: then its INCOMPLETE file stays, with the reason), and the exit status.
 */
final class RunFinish {

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
        String table = SummaryTable.render(rows);
        out.println();
        out.print(table);
        Verdict verdict;
        try {
            AtomicFiles.write(runDir.resolve(RunFiles.SUMMARY), table);
            verdict = Verdict.of(runDir, failures);
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
        out.println("Results: " + runDir + (whole ? "" : " (incomplete: the run was stopped)"));
        return whole ? verdict.exitCode() : ExitCode.INTERRUPTED;
    }
}
