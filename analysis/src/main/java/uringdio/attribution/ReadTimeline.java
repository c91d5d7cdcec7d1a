package uringdio.attribution;

import java.util.ArrayList;
import java.util.List;

/**
 * The moments one read went through, as the trace and the suite saw them; 0 for a moment the read
 * never reached (a read on ext4 is never refused, a read into a resident buffer never restarts).
 */
final class ReadTimeline {

    final SuiteStamp stamp;
    long submitted;
    long refused;
    long workerStarted;
    long partial;
    long noProgress;
    long restarted;
    long directDone;
    long posted;

    ReadTimeline(SuiteStamp stamp) {
        this.stamp = stamp;
    }

    /** Seen from SQE to reap, so its phases can be told. */
    boolean complete() {
        return submitted != 0 && posted != 0 && stamp.reapedNanos() >= posted;
    }

    /** The read's phases, each from the latest moment before it, in order; they add up to end to end. */
    List<Timed> phases() {
        List<Timed> out = new ArrayList<>();
        long last = stamp.preparedNanos();
        last = add(out, Phase.SUBMIT, last, submitted);
        last = add(out, Phase.NOWAIT_REFUSED, last, refused);
        last = add(out, Phase.PUNT, last, workerStarted);
        last = add(out, Phase.FORCED_WAIT, last, partial);
        last = add(out, Phase.NO_PROGRESS, last, noProgress);
        last = add(out, Phase.FAULT_IN, last, restarted);
        last = add(out, Phase.DIRECT_IO, last, directDone);
        last = add(out, noProgress != 0 && directDone == 0 ? Phase.BUFFERED : Phase.POSTED, last, posted);
        add(out, Phase.STAMP_LAG, last, stamp.reapedNanos());
        return out;
    }

    long endToEnd() {
        return stamp.reapedNanos() - stamp.preparedNanos();
    }

    private static long add(List<Timed> out, Phase phase, long from, long to) {
        if (to == 0) {
            return from;
        }
        out.add(new Timed(phase, Math.max(0, to - from)));
        return to;
    }

    record Timed(Phase phase, long nanos) {
    }
}
