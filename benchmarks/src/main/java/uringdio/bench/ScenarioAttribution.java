package uringdio.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import uringdio.attribution.Attribution;
import uringdio.attribution.PathCounts;
import uringdio.cli.OneLineCommand;
import uringdio.kernel.FixtureEvents;
import uringdio.kernel.ScenarioCounters;
import uringdio.kernel.TracedPass;
import uringdio.platform.Availability;
import uringdio.read.ScenarioLoop;

/**
 * A scenario's kernel path: counted exactly over its measured iterations, then traced in a pass of
 * its own after them. Where the kernel's events cannot be had (not root, no tracefs, an event this
 * kernel lacks), the scenario runs all the same and its results say why they are missing.
 */
final class ScenarioAttribution implements AutoCloseable {

    /** Enough reads for a p99 of each phase, few enough to stay well inside the trace buffer. */
    private static final int TRACED_READS = 2000;
    /** A slow scenario (1 MiB reads) stops its pass here, with fewer reads. */
    private static final long TRACED_NANOS = TimeUnit.MILLISECONDS.toNanos(600);

    private final FixtureEvents events;
    private final ScenarioCounters counters;
    private final String countsNote;

    private ScenarioAttribution(FixtureEvents events, ScenarioCounters counters, String countsNote) {
        this.events = events;
        this.counters = counters;
        this.countsNote = countsNote;
    }

    static final String SWITCHED_OFF = "not counted: switched off (-Duringdio.kernelPath=off)";

    /** Opens the counters for reads of {@code readSize} from {@code file}, or notes why it cannot. */
    static ScenarioAttribution open(Path file, int readSize) {
        FixtureEvents events = FixtureEvents.of(file, readSize);
        if (!BenchConfig.kernelPath()) {
            return new ScenarioAttribution(events, null, SWITCHED_OFF);
        }
        Availability.Answer perf = Availability.perfCounters();
        if (!perf.usable()) {
            return new ScenarioAttribution(events, null, "not counted: " + perf.reason());
        }
        try {
            return new ScenarioAttribution(events, ScenarioCounters.open(events), Attribution.EXACT);
        } catch (RuntimeException e) {
            return new ScenarioAttribution(events, null, "not counted: " + OneLineCommand.message(e));
        }
    }

    /** A measured iteration starts. */
    void startMeasured() {
        if (counters != null) {
            counters.startMeasured();
        }
    }

    /** A measured iteration ended. */
    void endMeasured() {
        if (counters != null) {
            counters.endMeasured();
        }
    }

    /**
     * The counts so far and a traced pass over {@code loop}'s next reads. {@code synchronousReads}
     * stands for the io_uring submissions of a loop that makes none (pread).
     */
    Attribution finish(ScenarioLoop loop, long synchronousReads) {
        PathCounts counts = counters == null ? null : counters.counts(synchronousReads);
        if (countsNote.equals(SWITCHED_OFF)) {
            return new Attribution(null, SWITCHED_OFF, null, "not traced: switched off (-Duringdio.kernelPath=off)");
        }
        if (ScenarioRun.round() != BenchConfig.rounds() - 1) {
            // Counted in every round, traced once: in the last, when the fixture has settled.
            return new Attribution(counts, countsNote, null, "traced in the last round");
        }
        Optional<ScenarioLoop.Traceable> traceable = loop.traceable();
        Availability.Answer tracing = Availability.tracepoints();
        if (traceable.isEmpty()) {
            return new Attribution(counts, countsNote, null,
                    "not traced: its reads are not one io_uring submission each (pread, or refusals resubmitted)");
        }
        if (!tracing.usable()) {
            return new Attribution(counts, countsNote, null, "not traced: " + tracing.reason());
        }
        try {
            ScenarioLoop.Traceable t = traceable.get();
            TracedPass.Result r = TracedPass.run(events, TRACED_READS, TRACED_NANOS, t::step, t::stampInto);
            Attribution.TracedPhases traced = new Attribution.TracedPhases(r.phases(), r.events(), r.loss().total());
            String note = String.format(Locale.ROOT, "%d reads followed from SQE to reap, %d not (cut off at the pass's "
                    + "edges), %d events lost", r.phases().reads(), r.phases().incomplete(), r.loss().total());
            return new Attribution(counts, countsNote, traced, note);
        } catch (RuntimeException e) {
            return new Attribution(counts, countsNote, null, "not traced: " + OneLineCommand.message(e));
        }
    }

    @Override
    public void close() {
        if (counters != null) {
            counters.close();
        }
    }
}
