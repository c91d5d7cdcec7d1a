package uringdio.stats;

/** What a gate says of one metric of one scenario between a baseline and a candidate run. */
public enum GateVerdict {
    /** The whole interval is worse than the baseline by more than the threshold. */
    REGRESSION,
    /** The whole interval is better than the baseline by more than the threshold. */
    IMPROVED,
    /** Anything else: no change, a change within the threshold, or too noisy to tell. */
    NO_CHANGE
}
