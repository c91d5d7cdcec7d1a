package uringdio.stats;

/**
 * When a change between two runs fails CI: only when the whole 95% interval is beyond the
 * threshold. {@code threshold} is a fraction ({@code 0.10} for 10%) of cost: a metric is worse by
 * more than 10% when its "worse-ness" factor (candidate over baseline for latency and CPU, baseline
 * over candidate for reads/s, see {@link Direction#worseness}) is above 1.10.
 *
 * <ul>
 *   <li>REGRESSION when the interval's lower bound of worse-ness is strictly above
 *       {@code 1 + threshold}: even the most favourable reading of the rounds is worse than allowed.
 *   <li>IMPROVED when its upper bound is strictly below {@code 1 / (1 + threshold)}: the same rule
 *       mirrored on the log scale, so 10% faster and 10% slower are equally far from 1.
 *   <li>NO_CHANGE otherwise. A metric exactly 10% worse with a tight interval is NO_CHANGE at a 10%
 *       threshold: its interval straddles 1.10, it is not beyond it. A true change at the
 *       threshold is therefore called a regression at most 2.5% of the time (one tail of the
 *       interval), and a change must exceed the threshold by about two interval half-widths to be
 *       caught reliably ({@link MinimumDetectableEffect#roundsNeededToFlag}).
 * </ul>
 */
public record GateRule(double threshold) {

    /** The CI default: 10%. */
    public static final GateRule DEFAULT = new GateRule(0.10);

    /**
     * Slack for the comparison itself, relative: a bound computed as {@code exp(ln 1.1)} may come
     * out as 1.1000000000000003 and must still count as at the threshold, not beyond it.
     */
    private static final double ROUNDING = 1e-9;

    public GateRule {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("a gate threshold is a fraction of 0 or more, not " + threshold);
        }
    }

    /** The verdict on {@code candidateOverBaseline}, the interval of candidate / baseline of a metric. */
    public GateVerdict judge(RatioInterval candidateOverBaseline, Direction direction) {
        RatioInterval worse = direction.worseness(candidateOverBaseline);
        double limit = 1 + threshold;
        if (worse.lower() > limit * (1 + ROUNDING)) {
            return GateVerdict.REGRESSION;
        }
        if (worse.upper() < (1 / limit) * (1 - ROUNDING)) {
            return GateVerdict.IMPROVED;
        }
        return GateVerdict.NO_CHANGE;
    }
}
