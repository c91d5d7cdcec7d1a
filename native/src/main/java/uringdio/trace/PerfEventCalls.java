package uringdio.trace;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uringdio.layout.NativeLayout;
import uringdio.libc.LibC;

/**
 * perf_event_open(2) and the calls on its file descriptors, each made in one place with errno
 * in its exception. The numbers are the x86-64 ones, checked against the installed headers by
 * {@link #constantMismatches()}.
 */
final class PerfEventCalls {

    static final long SYS_PERF_EVENT_OPEN = 298;
    static final int PERF_TYPE_TRACEPOINT = 2;
    static final long PERF_FLAG_FD_CLOEXEC = 8;
    static final long IOC_ENABLE = 0x2400;          // _IO('$', 0)
    static final long IOC_DISABLE = 0x2401;         // _IO('$', 1)
    static final long IOC_RESET = 0x2403;           // _IO('$', 3)
    static final long IOC_SET_FILTER = 0x40082406L; // _IOW('$', 6, char *)

    private PerfEventCalls() {
    }

    static Map<String, Long> javaConstants() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("SYS_perf_event_open", SYS_PERF_EVENT_OPEN);
        m.put("PERF_TYPE_TRACEPOINT", (long) PERF_TYPE_TRACEPOINT);
        m.put("PERF_FLAG_FD_CLOEXEC", PERF_FLAG_FD_CLOEXEC);
        m.put("PERF_EVENT_IOC_ENABLE", IOC_ENABLE);
        m.put("PERF_EVENT_IOC_DISABLE", IOC_DISABLE);
        m.put("PERF_EVENT_IOC_RESET", IOC_RESET);
        m.put("PERF_EVENT_IOC_SET_FILTER", IOC_SET_FILTER);
        return m;
    }

    /** Every constant and struct offset above that differs from the installed headers, one line each. */
    static List<String> constantMismatches() {
        List<String> wrong = new ArrayList<>(NativeLayout.constantMismatches(javaConstants()));
        wrong.addAll(PerfEventAttr.LAYOUT.mismatches());
        return wrong;
    }

    /** A counter of {@code attr} for every task on {@code cpu} (pid -1): needs CAP_PERFMON or paranoid <= -1 for tracepoints. */
    static int openOnCpu(Memory attr, int cpu) {
        return (int) LibC.syscall("perf_event_open(cpu " + cpu + ")", SYS_PERF_EVENT_OPEN,
                Pointer.nativeValue(attr), -1L, cpu, -1L, PERF_FLAG_FD_CLOEXEC);
    }

    static void enable(int fd) {
        LibC.ioctl(fd, IOC_ENABLE, 0L, "PERF_EVENT_IOC_ENABLE");
    }

    static void disable(int fd) {
        LibC.ioctl(fd, IOC_DISABLE, 0L, "PERF_EVENT_IOC_DISABLE");
    }

    static void reset(int fd) {
        LibC.ioctl(fd, IOC_RESET, 0L, "PERF_EVENT_IOC_RESET");
    }

    /** Attaches a tracepoint filter (the syntax of tracefs's {@code events/.../filter}); EINVAL means the kernel could not parse it. */
    static void setFilter(int fd, String filter) {
        byte[] bytes = filter.getBytes(StandardCharsets.US_ASCII);
        try (Memory s = new Memory(bytes.length + 1L)) {
            s.write(0, bytes, 0, bytes.length);
            s.setByte(bytes.length, (byte) 0);
            LibC.ioctl(fd, IOC_SET_FILTER, Pointer.nativeValue(s), "PERF_EVENT_IOC_SET_FILTER `" + filter + "`");
        }
    }

    /** The counter's value: read(2) of one u64, as read_format 0 asks. */
    static long read(int fd, Memory eightBytes) {
        long n = LibC.read(fd, Pointer.nativeValue(eightBytes), 8);
        if (n != 8) {
            throw new IllegalStateException("read of a perf counter returned " + n + " bytes, not 8");
        }
        return eightBytes.getLong(0);
    }
}
