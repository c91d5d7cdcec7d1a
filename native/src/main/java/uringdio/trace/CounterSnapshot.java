package uringdio.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The counts of a {@link CounterSet} at one moment, by counter name, in the set's order. */
public record CounterSnapshot(Map<String, Long> counts) {

    public CounterSnapshot {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** The count named {@code name}; throws for a name the set does not have, rather than read 0. */
    public long get(String name) {
        Long v = counts.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no counter named " + name + "; the set has " + counts.keySet());
        }
        return v;
    }

    /** What happened between two snapshots of the same set: {@code after - before}, counter by counter. */
    public static CounterSnapshot delta(CounterSnapshot before, CounterSnapshot after) {
        if (!before.counts.keySet().equals(after.counts.keySet())) {
            throw new IllegalArgumentException("snapshots of different counter sets: " + before.counts.keySet()
                    + " and " + after.counts.keySet());
        }
        Map<String, Long> d = new LinkedHashMap<>();
        after.counts.forEach((name, v) -> d.put(name, v - before.counts.get(name)));
        return new CounterSnapshot(d);
    }
}
