package uringdio.bench;

import java.nio.file.Path;
import java.time.Instant;
import uringdio.fixture.SystemFacts;
import uringdio.results.RunNames;

/** Where a benchmark JVM writes its scenario's results. */
final class ResultsDirectory {

    private ResultsDirectory() {
    }

    /**
     * {@code -Duringdio.results} when the run command set it; otherwise one directory for the
     * whole JMH invocation under results/, named after the JMH process that forked this JVM, so
     * every fork of one invocation writes to the same place.
     */
    static Path resolve() {
        String given = System.getProperty(BenchConfig.PREFIX + "results");
        if (given != null) {
            return Path.of(given);
        }
        ProcessHandle host = ProcessHandle.current().parent().orElse(ProcessHandle.current());
        Instant start = host.info().startInstant().orElse(Instant.now());
        return Path.of("results").resolve(RunNames.of(start, SystemFacts.kernel(), SystemFacts.host()));
    }
}
