package uringdio.cli;

/**
 * What every command of the suite exits with: one table, so a CI job can tell "slower" from
 * "wrong" from "broken" whichever command it ran. Findings outrank everything: a kernel that
 * returns wrong data fails whatever its speed; then runs that measure different things (5), then
 * regressions (4).
 */
public final class ExitCode {

    /** Every read right; for {@code compare}, no regression and no finding in the candidate. */
    public static final int OK = 0;
    /** A scenario, or the command itself, could not run to its end (the reason is printed). */
    public static final int FAILED = 1;
    /** Input the command cannot work with, said in one line before anything ran. */
    public static final int BAD_INPUT = 2;
    /** A short read, a wrong byte, an error or another finding (after writing everything else). */
    public static final int FINDINGS = 3;
    /** {@code compare}: at least one metric of one scenario regressed beyond the threshold. */
    public static final int REGRESSION = 4;
    /**
     * {@code compare}: the candidate does not measure what the baseline did: a scenario of the
     * baseline is missing (unless allowed), other settings stand behind one scenario id, or a
     * read took another path (served buffered, punted to io-wq, or the reverse). Outranks 4, not 3.
     */
    public static final int NOT_SAME = 5;
    /** Stopped by Ctrl-C (128 + SIGINT), what finished before it written. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
