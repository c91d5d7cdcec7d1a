package uringdio.results.compare;

/** What one metric of one scenario did from the baseline to the candidate. */
public enum Verdict {
    /** Worse beyond the threshold, and (where iterations are known) beyond the baseline's spread. */
    REGRESSION("REGRESSION"),
    /** Worse beyond the threshold, but a typical candidate iteration is no worse than the baseline's worst one. */
    WITHIN_NOISE("within noise"),
    /** Better beyond the threshold; reported, never a failure. */
    IMPROVED("improved"),
    /** Within the threshold either way. */
    OK("ok"),
    /** A value is missing, or the baseline is zero so there is no ratio. */
    NOT_COMPARABLE("n/a");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
