package uringdio.attribution;

import java.util.Optional;

/**
 * What the suite learned of a scenario's kernel path: exact counts over its measured iterations,
 * or why there are none (not root, no tracefs, an event this kernel lacks); and where its reads'
 * time went from a traced pass, or why there was none. Without counts, the io-wq workers seen and
 * the suite's own -EAGAIN and short-read counts stand in.
 *
 * @param counts     the counts, or null
 * @param countsNote {@link #EXACT}, or why there are no counts
 * @param traced     the traced pass, or null
 * @param tracedNote what the traced pass was, or why there was none
 */
public record Attribution(PathCounts counts, String countsNote, TracedPhases traced, String tracedNote) {

    /** The note of counts taken from every measured iteration's tracepoints. */
    public static final String EXACT = "exact";

    /** Nothing known, for {@code why}. */
    public static Attribution unavailable(String why) {
        return new Attribution(null, why, null, why);
    }

    public Optional<PathCounts> pathCounts() {
        return Optional.ofNullable(counts);
    }

    public Optional<TracedPhases> tracedPhases() {
        return Optional.ofNullable(traced);
    }

    /**
     * A traced pass: its phases, how many events it recorded and how many the trace buffer lost
     * (overruns and drops, from the instance's per-CPU stats).
     */
    public record TracedPhases(PhaseBreakdown phases, long events, long eventsLost) {
    }
}
