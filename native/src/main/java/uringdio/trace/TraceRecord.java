package uringdio.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One event from a trace instance's text output, parsed generically: who (task comm, pid, CPU),
 * when, which event, and its fields by name. No event is understood here; that is the caller's.
 *
 * <p>With the {@code fields} option (6.4+), which {@link TraceInstance} turns on, the kernel
 * prints every field as {@code name=value} from the event's format, numbers as
 * {@code 0x1000 (4096)}: {@link #fields()} holds the decimal. Without it only {@link #text()} is
 * filled. {@code timestampNanos} is on the instance's clock ({@code mono}: System.nanoTime's),
 * printed by the kernel in microseconds, so it is the event's time rounded down to a microsecond.
 */
public record TraceRecord(long timestampNanos, String task, int pid, int cpu, String event,
        Map<String, String> fields, String text) {

    // "  iou-wrk-1234-1240  [001] d..1.   314.992746: iomap_dio_complete: dev=0xfe00000 (266338304) ..."
    // The comm may hold '-' and spaces: the pid is the last -digits before the [cpu] column.
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(.*)-(\\d+)\\s+(?:\\(\\s*[\\d-]+\\)\\s+)?\\[(\\d+)\\]\\s+(?:\\S+\\s+)?(\\d+)\\.(\\d{6}):\\s+(\\w+):\\s?(.*)$");
    private static final Pattern FIELD = Pattern.compile(
            "(\\w+)=(?:0x[0-9a-fA-F]+ \\((-?\\d+)\\)|\\((-?\\d+)\\)|(\\S*))");

    public TraceRecord {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Parses one line of {@code trace} output; empty for headers, comments and lost-event notes. */
    public static Optional<TraceRecord> parse(String line) {
        if (line.startsWith("#")) {
            return Optional.empty();
        }
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        long nanos = Long.parseLong(m.group(4)) * 1_000_000_000L + Long.parseLong(m.group(5)) * 1_000L;
        String text = m.group(7);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher f = FIELD.matcher(text);
        while (f.find()) {
            String value = f.group(2) != null ? f.group(2) : f.group(3) != null ? f.group(3) : f.group(4);
            fields.put(f.group(1), value);
        }
        return Optional.of(new TraceRecord(nanos, m.group(1).trim(), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), m.group(6), fields, text));
    }

    /** A field's value as printed (decimal for numbers); throws naming the fields there are. */
    public String field(String name) {
        String v = fields.get(name);
        if (v == null) {
            throw new IllegalArgumentException(event + " record has no field " + name + "; it has " + fields.keySet());
        }
        return v;
    }

    /** A numeric field; unsigned 64-bit values above Long.MAX_VALUE come back as their two's complement. */
    public long longField(String name) {
        String v = field(name);
        return v.startsWith("-") ? Long.parseLong(v) : Long.parseUnsignedLong(v);
    }
}
