package uringdio.attribution;

import java.util.Map;

/**
 * One tracepoint hit as the trace buffer printed it: when (trace_clock {@code mono}, the clock of
 * {@code System.nanoTime()}), in which task, which event, and its fields by the names of the event's format
 * ({@code pos}, {@code done_before}, {@code ki_flags}, {@code error}, {@code ret}, {@code user_data}).
 */
public record TracedEvent(long nanos, String task, String event, Map<String, String> fields) {

    public String field(String name) {
        String v = fields.get(name);
        if (v == null) {
            throw new IllegalArgumentException(event + " at " + nanos + " has no field " + name + ": " + fields);
        }
        return v;
    }

    /** A numeric field, printed in decimal or as 0x-prefixed hex. */
    public long number(String name) {
        String v = field(name);
        return v.startsWith("0x") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseLong(v);
    }

    /** Whether the bits of {@code mask} are all set in the numeric field {@code name}. */
    public boolean hasBits(String name, long mask) {
        return (number(name) & mask) == mask;
    }
}
