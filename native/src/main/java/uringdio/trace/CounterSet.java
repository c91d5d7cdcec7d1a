package uringdio.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named tracepoint counters opened, switched and read together: what the read loops count per
 * measured iteration ({@code before = set.snapshot(); ...; CounterSnapshot.delta(before, set.snapshot())}).
 * Counters are read one after another, not atomically: a hit while {@link #snapshot()} runs may
 * fall in either snapshot, so take them when the reads being counted have completed.
 */
public final class CounterSet implements AutoCloseable {

    private final Map<String, TracepointCounter> counters;

    private CounterSet(Map<String, TracepointCounter> counters) {
        this.counters = counters;
    }

    /**
     * Opens every counter (disabled, at zero) with event ids and fields from {@code tracefs};
     * throws on a duplicate name, a missing event or a filter field the event lacks, having closed
     * what it opened.
     */
    public static CounterSet open(Tracefs tracefs, List<CounterSpec> specs) {
        Map<String, TracepointCounter> opened = new LinkedHashMap<>();
        try {
            for (CounterSpec spec : specs) {
                if (opened.containsKey(spec.name())) {
                    throw new IllegalArgumentException("two counters named " + spec.name());
                }
                opened.put(spec.name(), TracepointCounter.open(tracefs.event(spec.event()), spec.filter()));
            }
        } catch (RuntimeException e) {
            closeAll(new ArrayList<>(opened.values()));
            throw e;
        }
        return new CounterSet(opened);
    }

    public List<String> names() {
        return List.copyOf(counters.keySet());
    }

    public void reset() {
        counters.values().forEach(TracepointCounter::reset);
    }

    public void enable() {
        counters.values().forEach(TracepointCounter::enable);
    }

    public void disable() {
        counters.values().forEach(TracepointCounter::disable);
    }

    /** Every counter's count since the last reset. */
    public CounterSnapshot snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        counters.forEach((name, c) -> m.put(name, c.read()));
        return new CounterSnapshot(m);
    }

    @Override
    public void close() {
        closeAll(new ArrayList<>(counters.values()));
    }

    private static void closeAll(List<TracepointCounter> list) {
        RuntimeException first = null;
        for (TracepointCounter c : list) {
            try {
                c.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
