package uringdio.cli;

/**
 * What every command of the suite exits with: one table, so a CI job can tell "slower" from
 * "wrong" from "broken" whichever command it ran. Findings outrank regressions: a kernel that
 * returns wrong data fails whatever its speed.
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
    /** Stopped by Ctrl-C (128 + SIGINT), what finished before it written. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
