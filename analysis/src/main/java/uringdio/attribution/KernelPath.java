package uringdio.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scenario's kernel path in the words of the end-of-run table: {@code io-wq 100%, forced wait
 * 100%}, {@code inline 100%}, {@code io-wq 100%, buffered 100%}. Each part is the share of reads
 * that took it; parts under half a percent are left out, so a lone stray event does not read as
 * a path.
 */
public final class KernelPath {

    private static final double SHOWN = 0.005;

    private KernelPath() {
    }

    /**
     * The path of reads counted by {@code counts}; {@code returnedEagain} is how many of them the
     * suite itself saw complete with -EAGAIN (RWF_NOWAIT without retry), {@code synchronous} says
     * the reads were pread(2) calls, which have no io_uring issue to be inline or punted.
     */
    public static String describe(PathCounts counts, long returnedEagain, boolean synchronous) {
        if (counts.submissions() == 0) {
            return "no reads";
        }
        List<String> parts = new ArrayList<>();
        double refused = Math.min(1.0, (double) returnedEagain / counts.submissions());
        if (synchronous) {
            parts.add(part("synchronous", 1.0));
        } else {
            double punted = counts.puntedShare();
            double inline = Math.max(0, 1.0 - punted - refused);
            parts.add(part("inline", inline));
            parts.add(part("io-wq", punted));
            parts.add(part("EAGAIN returned", refused));
        }
        parts.add(part("forced wait", counts.forcedWaitShare()));
        parts.add(part("buffered", counts.bufferedShare()));
        List<String> shown = parts.stream().filter(p -> !p.isEmpty()).toList();
        return shown.isEmpty() ? "inline 100%" : String.join(", ", shown);
    }

    private static String part(String name, double share) {
        if (share < SHOWN) {
            return "";
        }
        return String.format(Locale.ROOT, "%s %.0f%%", name, share * 100);
    }
}
