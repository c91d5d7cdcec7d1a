package uringdio.read;

/** A loop that drives one scenario's reads: what the benchmark needs from it at the end. */
public interface ScenarioLoop extends AutoCloseable {

    /** The ring's setup flags as the kernel accepted them. */
    String ringFlags();

    /** Pattern checks done before submissions. */
    long patternChecks();

    /** Pattern checks that found a buffer not as armed. */
    long patternMismatches();

    /** Waits for every read in flight, checks it, and releases the ring and buffers. */
    @Override
    void close();
}
