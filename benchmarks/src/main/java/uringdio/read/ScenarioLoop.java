package uringdio.read;

import java.util.List;
import java.util.Optional;
import uringdio.attribution.SuiteStamp;

/** A loop that drives one scenario's reads: what the benchmark needs from it at the end. */
public interface ScenarioLoop extends AutoCloseable {

    /** The ring's setup flags as the kernel accepted them. */
    String ringFlags();

    /** Pattern checks done before submissions. */
    long patternChecks();

    /** Pattern checks that found a buffer not as armed. */
    long patternMismatches();

    /**
     * The loop as a traced pass drives it, where one can follow its reads: io_uring reads made by
     * the benchmark's own thread, one submission each (not pread, not a resubmitted refusal).
     */
    default Optional<Traceable> traceable() {
        return Optional.empty();
    }

    /** What a traced pass needs of a loop: steps, and a stamp of every read it completes. */
    interface Traceable {
        /** One step of reads, as the benchmark method makes; returns the reads it reaped. */
        int step();

        /** From now on adds each completed read's stamp to {@code sink}; null stops. */
        void stampInto(List<SuiteStamp> sink);
    }

    /** Waits for every read in flight, checks it, and releases the ring and buffers. */
    @Override
    void close();
}
