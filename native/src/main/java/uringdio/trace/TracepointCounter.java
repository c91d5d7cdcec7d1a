package uringdio.trace;

import com.sun.jna.Memory;
import java.util.List;
import uringdio.libc.LibC;

/**
 * An exact count of one tracepoint's hits that pass a filter, over every task on every online
 * CPU: one perf counter per CPU (pid -1), so io-wq workers and kworkers that run the read's
 * later stages are counted with the submitter. Counting keeps no trace buffer: nothing is lost
 * and a hit costs a filter evaluation and an increment.
 *
 * <p>Opened disabled and reset; {@link #enable()} and {@link #disable()} bracket what is counted.
 * A CPU brought online after opening is not counted.
 */
public final class TracepointCounter implements AutoCloseable {

    private final TraceEvent event;
    private final String filter;
    private final int[] fds;
    private final Memory value = new Memory(8);
    private boolean closed;

    private TracepointCounter(TraceEvent event, String filter, int[] fds) {
        this.event = event;
        this.filter = filter;
        this.fds = fds;
    }

    /**
     * Opens a counter of {@code event} on every online CPU with {@code filter} ("" counts every
     * hit). The filter's field names are checked against the event's format first.
     */
    public static TracepointCounter open(TraceEvent event, String filter) {
        event.checkFilter(filter);
        List<Integer> cpus = OnlineCpus.list();
        int[] fds = new int[cpus.size()];
        int opened = 0;
        try (Memory attr = PerfEventAttr.tracepoint(event.id())) {
            for (int cpu : cpus) {
                fds[opened] = PerfEventCalls.openOnCpu(attr, cpu);
                opened++;
                if (!filter.isBlank()) {
                    PerfEventCalls.setFilter(fds[opened - 1], filter);
                }
            }
        } catch (RuntimeException e) {
            for (int i = 0; i < opened; i++) {
                LibC.close(fds[i]);
            }
            throw e;
        }
        return new TracepointCounter(event, filter, fds);
    }

    public TraceEvent event() {
        return event;
    }

    public String filter() {
        return filter;
    }

    /** Sets every CPU's count to zero. */
    public void reset() {
        for (int fd : fds) {
            PerfEventCalls.reset(fd);
        }
    }

    /** Starts counting, CPU by CPU: a hit on a CPU not yet enabled in this loop is not counted. */
    public void enable() {
        for (int fd : fds) {
            PerfEventCalls.enable(fd);
        }
    }

    public void disable() {
        for (int fd : fds) {
            PerfEventCalls.disable(fd);
        }
    }

    /** The sum of every CPU's count since the last reset; may be read while counting. */
    public long read() {
        long sum = 0;
        for (int fd : fds) {
            sum += PerfEventCalls.read(fd, value);
        }
        return sum;
    }

    /** Closes every CPU's file descriptor. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException first = null;
        for (int fd : fds) {
            try {
                LibC.close(fd);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        value.close();
        if (first != null) {
            throw first;
        }
    }
}
