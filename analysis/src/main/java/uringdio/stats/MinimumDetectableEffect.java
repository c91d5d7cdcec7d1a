package uringdio.stats;

/**
 * How small a change a number of rounds can see, from the spread that rounds show when nothing
 * changed: the answer to "how many rounds to ask for to see a 3% change".
 *
 * <p>The spread is the standard deviation of per-round values on the log scale, which is close to
 * the coefficient of variation for small spreads. Within a run ({@link #pairedRounds}) it is the
 * spread of the per-round log ratios of a scenario to its control, and the interval is
 * {@link PairedRatio}'s; between runs ({@link #betweenRuns}) it is the spread of one run's rounds,
 * and the interval is {@link RunChange#WELCH}'s with as many rounds in each run (so twice the
 * variance). {@link RunChange#TRIMMED} needs somewhat more rounds under clean noise and fewer when
 * rounds have outliers; this class does not model that.
 *
 * <p>"Detectable" is with 80% power: a true change of {@link #detectableChange} makes the 95%
 * interval exclude no-change in about 80% of runs. It uses the usual approximation
 * {@code δ = (t(0.975, df) + t(0.80, df)) · standard error} to the noncentral t, which is close
 * from 4 rounds on; {@code MinimumDetectableEffectTest} checks it by simulation.
 */
public final class MinimumDetectableEffect {

    /** Power of the detection: the fraction of runs in which a change of the detectable size is seen. */
    public static final double POWER = 0.80;

    /** Beyond this many rounds the answer is "not with this suite": the spread is too large. */
    private static final int MAX_ROUNDS = 10_000;

    private final double logSpread;
    private final boolean independentRuns;

    private MinimumDetectableEffect(double logSpread, boolean independentRuns) {
        if (!(logSpread >= 0) || Double.isInfinite(logSpread)) {
            throw new IllegalArgumentException("a spread is a standard deviation of 0 or more, not " + logSpread);
        }
        this.logSpread = logSpread;
        this.independentRuns = independentRuns;
    }

    /** Within one run, from the paired rounds of a scenario and its control (an A/A pair, ideally). */
    public static MinimumDetectableEffect pairedRounds(double[] scenario, double[] control) {
        double[] ratios = LogSample.perRoundRatios(scenario, control);
        LogSample.requireRounds("a spread", ratios);
        return new MinimumDetectableEffect(LogSample.logs("per-round ratios", ratios).getStandardDeviation(), false);
    }

    /** Between two runs, from the rounds of one run of the scenario (its within-run spread). */
    public static MinimumDetectableEffect betweenRuns(double[] rounds) {
        LogSample.requireRounds("a spread", rounds);
        return new MinimumDetectableEffect(LogSample.logs("rounds", rounds).getStandardDeviation(), true);
    }

    /** Between two runs, from a known spread: the standard deviation of {@code ln} of a round's value. */
    public static MinimumDetectableEffect betweenRuns(double logSpread) {
        return new MinimumDetectableEffect(logSpread, true);
    }

    /** Within one run, from a known spread: the standard deviation of {@code ln} of a per-round ratio. */
    public static MinimumDetectableEffect pairedRounds(double logSpread) {
        return new MinimumDetectableEffect(logSpread, false);
    }

    public double logSpread() {
        return logSpread;
    }

    /** The expected half-width of the 95% interval with {@code rounds} rounds, as a fraction: 0.03 is ±3%. */
    public double halfWidth(int rounds) {
        return Math.expm1(LogSample.tQuantile(0.975, degreesOfFreedom(rounds)) * standardError(rounds));
    }

    /** The smallest true change, as a fraction, that {@code rounds} rounds see in 80% of runs. */
    public double detectableChange(int rounds) {
        double df = degreesOfFreedom(rounds);
        double quantiles = LogSample.tQuantile(0.975, df) + LogSample.tQuantile(POWER, df);
        return Math.expm1(quantiles * standardError(rounds));
    }

    /** The fewest rounds (per run, or per side within a run) that see a change of {@code relativeChange} in 80% of runs. */
    public int roundsNeededFor(double relativeChange) {
        return roundsToSee(Math.abs(Math.log1p(relativeChange)), relativeChange);
    }

    /**
     * The fewest rounds per run with which {@code rule} calls a true worsening of
     * {@code relativeChange} a regression in 80% of runs: the interval must clear the threshold,
     * not only 1, so what must be seen is the distance from the threshold to the change.
     */
    public int roundsNeededToFlag(double relativeChange, GateRule rule) {
        double beyond = Math.log1p(relativeChange) - Math.log1p(rule.threshold());
        if (!(beyond > 0)) {
            throw new IllegalArgumentException("a change of " + relativeChange + " is not beyond the threshold "
                    + rule.threshold() + ": no number of rounds makes it a regression");
        }
        return roundsToSee(beyond, relativeChange);
    }

    private int roundsToSee(double logDistance, double relativeChange) {
        if (!(logDistance > 0)) {
            throw new IllegalArgumentException("a change to detect must be non-zero, not " + relativeChange);
        }
        for (int rounds = 2; rounds <= MAX_ROUNDS; rounds++) {
            if (Math.log1p(detectableChange(rounds)) <= logDistance) {
                return rounds;
            }
        }
        throw new IllegalArgumentException("seeing a change of " + relativeChange + " with a spread of " + logSpread
                + " takes more than " + MAX_ROUNDS + " rounds");
    }

    private double standardError(int rounds) {
        if (rounds < 2) {
            throw new IllegalArgumentException("an interval needs at least 2 rounds, not " + rounds);
        }
        return logSpread * Math.sqrt((independentRuns ? 2.0 : 1.0) / rounds);
    }

    private double degreesOfFreedom(int rounds) {
        return independentRuns ? 2.0 * (rounds - 1) : rounds - 1;
    }
}
