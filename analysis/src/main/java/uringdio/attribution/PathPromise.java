package uringdio.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a scenario's label promises about its kernel path, and where the counted path broke that
 * promise. Every scenario is an O_DIRECT read, so any read served from the page cache breaks it
 * (btrfs does this for a buffer with no resident page, and for compressed extents). A fully
 * resident buffer promises no forced wait; INLINE on ext4 or xfs promises no punt (they fault
 * pages in while pinning them, NOWAIT or not); IOSQE_ASYNC promises a punt every time; RWF_NOWAIT
 * without retry promises none (-EAGAIN comes back instead).
 */
public final class PathPromise {

    /** Patterns whose every buffer page is resident (or pinned) when the read is submitted. */
    private static final Set<String> RESIDENT = Set.of("ALL", "RESIDENT", "REGISTERED");
    /** Shares below this are a stray event, not a path. */
    private static final double NOTICED = 0.005;

    private PathPromise() {
    }

    /** Each way the path of a scenario ({@code fs}, {@code mode}, {@code pattern}, as in its label) broke its promise. */
    public static List<String> broken(String fs, String mode, String pattern, boolean retryEagain, PathCounts counts) {
        List<String> broken = new ArrayList<>();
        if (counts.submissions() == 0) {
            return broken;
        }
        if (counts.bufferedShare() >= NOTICED) {
            broken.add(percent(counts.bufferedShare()) + " of its O_DIRECT reads were served buffered, from the page cache");
        }
        if (RESIDENT.contains(pattern) && counts.forcedWaitShare() >= NOTICED) {
            broken.add(percent(counts.forcedWaitShare()) + " of its reads into a resident buffer stopped part way and waited");
        }
        boolean faultsInWhilePinning = fs.equals("ext4") || fs.equals("xfs");
        if (mode.equals("INLINE") && faultsInWhilePinning && counts.puntedShare() >= NOTICED) {
            broken.add(percent(counts.puntedShare()) + " of its INLINE reads on " + fs + " were punted to io-wq");
        }
        if (mode.equals("IOSQE_ASYNC") && counts.puntedShare() < 1 - NOTICED) {
            broken.add("only " + percent(counts.puntedShare()) + " of its IOSQE_ASYNC reads went through io-wq");
        }
        if (mode.equals("RWF_NOWAIT") && !retryEagain && counts.puntedShare() >= NOTICED) {
            broken.add(percent(counts.puntedShare()) + " of its RWF_NOWAIT reads were punted instead of refused");
        }
        return broken;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
