package uringdio.results.compare;

/** Which way a metric gets worse: latency and CPU cost up, throughput down. */
public enum Direction {
    LOWER_IS_BETTER,
    HIGHER_IS_BETTER;

    /**
     * How much worse {@code candidate} is than {@code baseline}, as a fraction of the baseline:
     * 0.25 is 25% worse, negative is better. The baseline must not be zero.
     */
    public double worseBy(double baseline, double candidate) {
        double change = (candidate - baseline) / baseline;
        return this == LOWER_IS_BETTER ? change : -change;
    }

    /** Whether {@code a} is worse than {@code b}. */
    public boolean isWorse(double a, double b) {
        return this == LOWER_IS_BETTER ? a > b : a < b;
    }
}
