package uringdio.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One tracepoint as this kernel defines it: its id (the perf_event config for
 * PERF_TYPE_TRACEPOINT) and its field names, read from {@code events/<system>/<event>/id} and
 * {@code format}. A filter is checked against the field names here, because the kernel only
 * answers EINVAL to a filter naming a field the event does not have.
 */
public record TraceEvent(EventName name, long id, Set<String> fields) {

    private static final Pattern FIELD = Pattern.compile("^\\s*field:.*?(\\w+)(\\[\\d*\\])?;\\s*offset:", Pattern.MULTILINE);
    // A field name is the identifier on the left of a comparison: `dev == 7340032`, `done_before > 0`.
    private static final Pattern FILTER_FIELD = Pattern.compile("([A-Za-z_]\\w*)\\s*(==|!=|<=|>=|<|>|&|~)");

    /** Reads the event from tracefs at {@code root}; throws naming the event if this kernel lacks it. */
    public static TraceEvent read(Path root, EventName name) {
        Path dir = root.resolve("events").resolve(name.system()).resolve(name.event());
        try {
            long id = Long.parseLong(Files.readString(dir.resolve("id")).trim());
            Set<String> fields = new LinkedHashSet<>();
            Matcher m = FIELD.matcher(Files.readString(dir.resolve("format")));
            while (m.find()) {
                fields.add(m.group(1));
            }
            return new TraceEvent(name, id, Set.copyOf(fields));
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("this kernel has no tracepoint " + name + " (no " + dir + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    /** The field names {@code filter} compares, in order. */
    static List<String> filterFields(String filter) {
        List<String> names = new ArrayList<>();
        Matcher m = FILTER_FIELD.matcher(filter);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Throws naming every field {@code filter} compares that this event does not have; an empty filter passes. */
    public void checkFilter(String filter) {
        List<String> unknown = new ArrayList<>();
        for (String f : filterFields(filter)) {
            if (!fields.contains(f)) {
                unknown.add(f);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("filter `" + filter + "` names " + unknown + ", which " + name
                    + " does not have; its fields are " + fields);
        }
    }
}
