package uringdio.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import uringdio.results.Columns;
import uringdio.results.RunFiles;

/**
 * The run's verdict in one sentence: verdict.txt when the run wrote one, else the VERDICT line
 * of summary.txt (what the console printed), else one said here from the rows' counts, for a run
 * that stopped before it printed its own.
 */
final class VerdictSentence {

    private VerdictSentence() {
    }

    static String of(RunData run) {
        if (run.verdict.isPresent()) {
            return run.verdict.get().lines().findFirst().orElse("").strip();
        }
        return summaryLine(run).orElseGet(() -> counted(run));
    }

    private static Optional<String> summaryLine(RunData run) {
        try {
            Path summary = run.directory.resolve(RunFiles.SUMMARY);
            if (!Files.isRegularFile(summary)) {
                return Optional.empty();
            }
            return Files.readAllLines(summary).stream().map(String::strip)
                    .filter(l -> l.startsWith("VERDICT:")).findFirst()
                    .map(l -> l.substring("VERDICT:".length()).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String counted(RunData run) {
        long completions = 0;
        long wrong = 0;
        for (Map<String, String> row : run.rows) {
            completions += Numbers.count(row.get(Columns.COMPLETIONS));
            wrong += Numbers.count(row.get(Columns.SHORT_READS)) + Numbers.count(row.get(Columns.DATA_MISMATCHES))
                    + Numbers.count(row.get(Columns.ERRORS));
        }
        return wrong == 0
                ? "every one of " + completions + " completions was checked: no short read, no wrong byte."
                : wrong + " of " + completions + " completions were wrong (short, wrong bytes or errors).";
    }
}
