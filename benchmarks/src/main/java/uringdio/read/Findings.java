package uringdio.read;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads that came back wrong: a short read, a wrong byte, an error where none belongs. Each is
 * a finding, never noise: all are counted, the first {@link #KEPT} of each scenario are kept
 * word for word for the results.
 */
public final class Findings {

    public static final int KEPT = 20;

    private final String context;
    private final List<String> kept = new ArrayList<>();
    private long count;

    /** {@code context} ends every finding: "4 extents, pattern FIRST, INLINE, kernel 6.18.44". */
    public Findings(String context) {
        this.context = context;
    }

    public synchronized void add(String what) {
        count++;
        if (kept.size() < KEPT) {
            kept.add(what + "; " + context);
        }
    }

    public synchronized long count() {
        return count;
    }

    /** The findings kept, each a full sentence with its context. */
    public synchronized List<String> kept() {
        return Collections.unmodifiableList(new ArrayList<>(kept));
    }
}
