package uringdio.results.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * When a worse number is a regression. A metric must be worse than the baseline by more than
 * the threshold; a latency metric whose scenario has a .hlog in both runs must also be worse in
 * the candidate's median iteration than in the baseline's worst iteration, unless
 * {@code ratioOnly}. Runs on shared or virtual machines are noisy: one slow iteration moves a
 * whole-run p99 by more than any threshold worth setting, while a change in the kernel moves
 * every iteration.
 */
public record ComparisonRule(RegressionThreshold threshold, boolean ratioOnly) {

    /** The rule in words, a line each, for the head of the report. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("a metric regresses when the candidate is more than " + threshold + " worse than the baseline");
        lines.add("(latency and CPU per read up, throughput down)");
        if (ratioOnly) {
            lines.add("judged on whole-run values alone (--ratio-only)");
        } else {
            lines.add("and, for a latency whose scenario has a .hlog in both runs, the candidate's median iteration");
            lines.add("is also worse than the baseline's worst iteration; without both, whole-run values decide alone");
        }
        return lines;
    }
}
