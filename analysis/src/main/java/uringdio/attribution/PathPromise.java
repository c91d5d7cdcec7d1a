package uringdio.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uringdio.scenario.Scenario;

/**
 * What a scenario's label promises about its kernel path, and where the counted path broke that
 * promise. Every scenario is an O_DIRECT read, so any read served from the page cache breaks it
 * (btrfs does this for a buffer with no resident page, and for compressed extents). A fully
 * resident buffer promises no forced wait; an io_uring read on a filesystem that issues inline
 * (ext4, xfs) promises no punt unless it asked for one; IOSQE_ASYNC promises a punt every time;
 * RWF_NOWAIT without retry promises none (-EAGAIN comes back instead).
 */
public final class PathPromise {

    /** Shares below this are a stray event, not a path. */
    private static final double NOTICED = 0.005;

    private PathPromise() {
    }

    /** Each way the path counted for {@code scenario}'s reads broke its label's promise. */
    public static List<String> broken(Scenario scenario, PathCounts counts) {
        List<String> broken = new ArrayList<>();
        if (counts.submissions() == 0) {
            return broken;
        }
        if (counts.bufferedShare() >= NOTICED) {
            broken.add(percent(counts.bufferedShare()) + " of its O_DIRECT reads were served buffered, from the page cache");
        }
        if (scenario.pattern().wholeBufferResident() && counts.forcedWaitShare() >= NOTICED) {
            broken.add(percent(counts.forcedWaitShare()) + " of its reads into a resident buffer stopped part way and waited");
        }
        double punted = counts.puntedShare();
        switch (scenario.mode()) {
            case INLINE, REGISTERED -> {
                if (scenario.fs().issuesInline() && punted >= NOTICED) {
                    broken.add(percent(punted) + " of its " + scenario.mode() + " reads on " + scenario.fs()
                            + " were punted to io-wq");
                }
            }
            case IOSQE_ASYNC -> {
                if (punted < 1 - NOTICED) {
                    broken.add("only " + percent(punted) + " of its IOSQE_ASYNC reads went through io-wq");
                }
            }
            case RWF_NOWAIT -> {
                if (!scenario.retryEagain() && punted >= NOTICED) {
                    broken.add(percent(punted) + " of its RWF_NOWAIT reads were punted instead of refused");
                }
            }
            case PREAD -> {
                // synchronous: no io_uring issue to promise anything about
            }
        }
        return broken;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
