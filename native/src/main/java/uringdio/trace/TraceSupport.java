package uringdio.trace;

import java.util.List;

/**
 * The technical half of whether the suite can see the kernel's tracepoints, probed once: can
 * tracefs be found or mounted with every event the suite uses, and do the binding's perf
 * constants match the headers and a CPU-wide counter open. Privileges (root, paranoid) are
 * asked first by {@code uringdio.platform.Availability}, which callers should use.
 */
public final class TraceSupport {

    private TraceSupport() {
    }

    /** Null when tracefs and every {@link EventName#SUITE} event are there; otherwise why not. */
    public static String tracefsUnavailabilityCause() {
        return Once.TRACEFS;
    }

    /** Null when CPU-wide tracepoint counters can be opened; otherwise why not. */
    public static String perfCountersUnavailabilityCause() {
        return Once.PERF;
    }

    /** Holder: each question is probed once, on first use. */
    private static final class Once {
        static final String TRACEFS = probeTracefs();
        static final String PERF = TRACEFS != null ? TRACEFS : probePerf();

        private static String probeTracefs() {
            try (Tracefs t = Tracefs.open()) {
                for (EventName e : EventName.SUITE) {
                    t.event(e);
                }
                return null;
            } catch (RuntimeException e) {
                return "tracepoints unavailable: " + e.getMessage();
            }
        }

        private static String probePerf() {
            List<String> wrong;
            try {
                wrong = PerfEventCalls.constantMismatches();
            } catch (UnsatisfiedLinkError e) {
                return "liburingdio.so (the binding's layout table) cannot be loaded: " + e.getMessage();
            }
            if (!wrong.isEmpty()) {
                return "the perf_event binding does not match the installed headers: " + String.join("; ", wrong);
            }
            try (Tracefs t = Tracefs.open();
                    TracepointCounter c = TracepointCounter.open(t.event(EventName.IO_URING_COMPLETE), "")) {
                c.read();
                return null;
            } catch (RuntimeException e) {
                return "cannot open a tracepoint counter: " + e.getMessage();
            }
        }
    }
}
