package uringdio.stats;

/**
 * Which way a metric gets better: latency and CPU per read when smaller, reads/s when bigger.
 * A gate needs it to know which end of an interval is the bad one.
 */
public enum Direction {
    SMALLER_IS_BETTER,
    BIGGER_IS_BETTER;

    /**
     * The interval of how much worse the candidate is, as a cost factor: above 1 is worse.
     * {@code candidateOverBaseline} is candidate / baseline of the metric itself; for a
     * bigger-is-better metric it is flipped, so that "10% worse" means the same on both sides:
     * reads/s falling to 1/1.1 of the baseline is the time per read rising by 10%.
     */
    public RatioInterval worseness(RatioInterval candidateOverBaseline) {
        return this == SMALLER_IS_BETTER ? candidateOverBaseline : candidateOverBaseline.inverted();
    }

    /**
     * How much worse {@code candidate} is than {@code baseline}, as a fraction of the baseline:
     * 0.25 is 25% worse, negative is better. The baseline must not be zero.
     */
    public double worseBy(double baseline, double candidate) {
        double change = (candidate - baseline) / baseline;
        return this == SMALLER_IS_BETTER ? change : -change;
    }

    /** Whether {@code a} is worse than {@code b}. */
    public boolean isWorse(double a, double b) {
        return this == SMALLER_IS_BETTER ? a > b : a < b;
    }
}
