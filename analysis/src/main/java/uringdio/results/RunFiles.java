package uringdio.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of a run's results directory ({@code results/<time>_<kernel>_<host>/}), named once.
 * scenarios.csv, metadata.json and the .hlog files have their own classes ({@link ResultsCsv},
 * {@link Metadata}, {@link LatencyLog}).
 */
public final class RunFiles {

    /** The wrong reads, each named precisely; absent when there were none. */
    public static final String FINDINGS = "findings.txt";
    /** JMH's own results of every scenario so far, in its JSON format. */
    public static final String JMH_JSON = "jmh.json";
    /** The table printed at the end of the run. */
    public static final String SUMMARY = "summary.txt";
    /** JMH's console output, one file per scenario. */
    public static final String JMH_LOGS = "jmh-logs";
    /**
     * Present while a run is under way and after one that did not reach its end, holding the
     * reason in one line; the run removes it when it finishes. A reader refuses such a directory.
     */
    public static final String INCOMPLETE = "INCOMPLETE";

    private RunFiles() {
    }

    /** Marks {@code runDir} as not (yet) whole, for {@code reason}. */
    public static void markIncomplete(Path runDir, String reason) throws IOException {
        AtomicFiles.write(runDir.resolve(INCOMPLETE), reason.strip() + "\n");
    }

    /** Marks {@code runDir} as whole: every scenario it was to run ran, and its table and verdict are written. */
    public static void markComplete(Path runDir) throws IOException {
        Files.deleteIfExists(runDir.resolve(INCOMPLETE));
    }

    /** Why {@code runDir} is incomplete, or empty if it is whole. */
    public static Optional<String> incompleteReason(Path runDir) {
        Path marker = runDir.resolve(INCOMPLETE);
        if (!Files.exists(marker)) {
            return Optional.empty();
        }
        try {
            String reason = Files.readString(marker).strip();
            return Optional.of(reason.isEmpty() ? "no reason given" : reason);
        } catch (IOException e) {
            return Optional.of("its " + INCOMPLETE + " file says so (" + e.getMessage() + ")");
        }
    }
}
