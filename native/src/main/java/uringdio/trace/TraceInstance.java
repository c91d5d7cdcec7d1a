package uringdio.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A trace buffer of the suite's own: a tracefs instance ({@code instances/uring-dio-bench-<pid>-<n>}),
 * made by mkdir and removed by rmdir on close, so the top-level buffer another tracer may be
 * using is never touched. Its clock is {@code mono}, the clock of System.nanoTime, so event
 * times and the harness's stamps can be subtracted.
 *
 * <p>Use: {@link #enable} events with filters, {@link #start()}, run the reads, {@link #stop()},
 * then {@link #records()} and {@link #loss()}. Overwrite is off: a full buffer drops the newest
 * events and counts them, keeping the start of the pass.
 */
public final class TraceInstance implements AutoCloseable {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Tracefs tracefs;
    private final Path dir;
    private boolean closed;

    private TraceInstance(Tracefs tracefs, Path dir) {
        this.tracefs = tracefs;
        this.dir = dir;
    }

    /** Makes the instance with {@code bufferSizeKb} per CPU, stopped, clock mono, fields printed by name. */
    public static TraceInstance create(Tracefs tracefs, int bufferSizeKb) {
        Path dir = tracefs.root().resolve("instances")
                .resolve("uring-dio-bench-" + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet());
        try {
            Files.createDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make trace instance " + dir, e);
        }
        TraceInstance t = new TraceInstance(tracefs, dir);
        try {
            t.write("tracing_on", "0");
            t.write("trace_clock", "mono");
            t.write("buffer_size_kb", Integer.toString(bufferSizeKb));
            t.write("options/overwrite", "0");
            if (Files.exists(dir.resolve("options/fields"))) {
                t.write("options/fields", "1");
            }
        } catch (RuntimeException e) {
            t.close();
            throw e;
        }
        return t;
    }

    public Path dir() {
        return dir;
    }

    /** Records {@code event} when it passes {@code filter} ("" for every hit); the filter's fields are checked first. */
    public void enable(EventName event, String filter) {
        tracefs.event(event).checkFilter(filter);
        Path eventDir = Path.of("events", event.system(), event.event());
        write(eventDir.resolve("filter").toString(), filter.isBlank() ? "0" : filter);
        write(eventDir.resolve("enable").toString(), "1");
    }

    /** Empties the buffer and its loss counts, then starts recording. */
    public void start() {
        write("trace", "");
        write("tracing_on", "1");
    }

    public void stop() {
        write("tracing_on", "0");
    }

    /** Every event in the buffer, oldest first per the kernel's merge of the CPU buffers. Does not consume them. */
    public List<TraceRecord> records() {
        List<TraceRecord> out = new ArrayList<>();
        try (var lines = Files.lines(dir.resolve("trace"))) {
            lines.forEach(l -> TraceRecord.parse(l).ifPresent(out::add));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("trace"), e);
        }
        return out;
    }

    /** What the buffer lost since {@link #start()}. */
    public BufferLoss loss() {
        return BufferLoss.read(dir);
    }

    /** Stops recording and removes the instance (rmdir); its buffer is freed with it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            write("tracing_on", "0");
        } finally {
            try {
                Files.delete(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove trace instance " + dir, e);
            }
        }
    }

    private void write(String file, String value) {
        Path p = dir.resolve(file);
        try {
            // tracefs files are written in one write(2), as the kernel parses each write whole.
            Files.writeString(p, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write `" + value + "` to " + p + ": " + e.getMessage(), e);
        }
    }
}
