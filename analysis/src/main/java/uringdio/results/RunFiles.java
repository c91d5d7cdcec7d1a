package uringdio.results;

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

    private RunFiles() {
    }
}
