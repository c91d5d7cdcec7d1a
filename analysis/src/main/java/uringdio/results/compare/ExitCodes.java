package uringdio.results.compare;

/**
 * What {@code compare} exits with, so a CI job can tell "slower" from "wrong" from "broken".
 * Findings outrank regressions: a kernel that returns wrong data fails whatever its speed.
 */
public final class ExitCodes {

    /** No regression beyond the threshold, no findings in the candidate. */
    public static final int OK = 0;
    /** The input could not be compared: missing directory or file, unknown metric, malformed file. */
    public static final int BAD_INPUT = 2;
    /** The candidate has short reads, data mismatches, errors or other findings. */
    public static final int FINDINGS = 3;
    /** At least one metric of one scenario regressed beyond the threshold. */
    public static final int REGRESSION = 4;

    private ExitCodes() {
    }
}
