package uringdio.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uringdio.results.Metadata;
import uringdio.results.RunFiles;

/** A run directory is made only when the first scenario starts, says it is incomplete until the run ends, and why. */
class RunDirectoryTest {

    @TempDir
    Path base;

    private static long entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void nothingIsMadeBeforeTheFirstScenario() throws IOException {
        RunDirectory results = RunDirectory.under(base, Profile.named("quick", null, 4096));
        assertNull(results.path());
        results.markIncomplete("stopped before anything ran", System.err);
        assertEquals(0, entries(base), "a run that stops before its first scenario leaves nothing");
    }

    @Test
    void aRunDirectoryIsIncompleteUntilItsEndAndSaysWhy() throws IOException {
        RunDirectory results = RunDirectory.under(base, Profile.named("quick", null, 4096));
        Path dir = results.open();
        assertEquals(dir, results.open(), "made once");
        assertTrue(Files.isDirectory(dir.resolve(RunFiles.JMH_LOGS)));
        assertEquals("quick", Metadata.read(dir).facts().get("profile"));
        assertTrue(RunFiles.incompleteReason(dir).isPresent(), "incomplete while under way");

        results.markIncomplete("interrupted after 3 of 10 scenarios", System.err);
        assertEquals(Optional.of("interrupted after 3 of 10 scenarios"), RunFiles.incompleteReason(dir));

        results.markComplete();
        assertEquals(Optional.empty(), RunFiles.incompleteReason(dir));
    }
}
