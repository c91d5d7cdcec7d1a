package uringdio.results.compare;

import java.util.ArrayList;
import java.util.List;
import uringdio.stats.GateRule;
import uringdio.stats.RunChange;

/**
 * When a worse number is a regression. A metric both runs measured in rounds (rounds.csv) is
 * judged on the 95% interval of candidate over baseline from every round of both runs
 * ({@code method}, Welch's t on log values by default): a regression only when the whole interval
 * is worse than the threshold ({@link GateRule}), improved likewise, otherwise no change. A metric
 * without rounds (a run made before rounds, CPU per read) falls back to the rule below.
 *
 * <p>Whole-run fallback: A metric must be worse than the baseline by more than
 * the threshold; a latency metric whose scenario has a .hlog in both runs must also be worse in
 * the candidate's median iteration than in the baseline's worst iteration, unless
 * {@code ratioOnly}. Runs on shared or virtual machines are noisy: one slow iteration moves a
 * whole-run p99 by more than any threshold worth setting, while a change in the kernel moves
 * every iteration.
 */
public record ComparisonRule(RegressionThreshold threshold, boolean ratioOnly, RunChange method, boolean allowMissing) {

    /** Welch's interval, missing scenarios failing. */
    public ComparisonRule(RegressionThreshold threshold, boolean ratioOnly) {
        this(threshold, ratioOnly, RunChange.WELCH, false);
    }

    /** The gate on intervals at this threshold. */
    public GateRule gate() {
        return new GateRule(threshold.fraction());
    }

    /** The rule in words, a line each, for the head of the report. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("a metric measured in rounds regresses when the whole 95% interval of candidate / baseline");
        lines.add("(" + method.method() + ", over every round of both runs) is more than " + threshold + " worse;");
        lines.add("improved likewise; otherwise no change (latency up, throughput down is worse)");
        if (ratioOnly) {
            lines.add("without rounds: judged on whole-run values alone (--ratio-only)");
        } else {
            lines.add("without rounds: more than " + threshold + " worse whole-run, and for a latency the candidate's");
            lines.add("median .hlog iteration also worse than the baseline's worst iteration");
        }
        lines.add("a scenario of the baseline missing in the candidate fails" + (allowMissing ? " (not: --allow-missing)" : ""));
        return lines;
    }
}
