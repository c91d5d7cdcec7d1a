package uringdio.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import uringdio.cli.ExitCode;

/** What a finished run says and exits with: findings outrank failures, and a run that checked nothing does not pass. */
class VerdictTest {

    private static final Path RUN = Path.of("results/run");

    @Test
    void everyReadRightPasses() {
        Verdict v = new Verdict(1000, List.of(), 0, List.of(), List.of());
        assertEquals(ExitCode.OK, v.exitCode());
        assertTrue(v.render(RUN).startsWith("VERDICT: every one of 1000 completions was checked"), v.render(RUN));
    }

    @Test
    void aRunThatCheckedNothingDoesNotPass() {
        Verdict v = new Verdict(0, List.of(), 0, List.of(), List.of());
        assertEquals(ExitCode.FAILED, v.exitCode());
        assertTrue(v.render(RUN).startsWith("VERDICT: NOTHING MEASURED"), v.render(RUN));
    }

    @Test
    void findingsOutrankFailedScenarios() {
        Verdict v = new Verdict(10, List.of("short read on btrfs: asked 16384 at offset 0, got 4096"), 2, List.of(), List.of());
        assertEquals(ExitCode.FINDINGS, v.exitCode());
        assertTrue(v.render(RUN).contains("2 scenario(s) failed to run"), v.render(RUN));
        assertEquals(ExitCode.FAILED, new Verdict(10, List.of(), 1, List.of(), List.of()).exitCode());
    }

    @Test
    void pathsNotAsLabelledAreNamedButAreNotWrongReads() {
        Verdict v = new Verdict(1000, List.of(), 0,
                List.of("btrfs 16K x4 NONE INLINE qd1: 100% of its O_DIRECT reads were served buffered, from the page cache"),
                List.of());
        assertEquals(ExitCode.OK, v.exitCode());
        String text = v.render(Path.of("results/x"));
        assertTrue(text.contains("Kernel paths not as their labels promise"), text);
        assertTrue(text.contains("btrfs 16K x4 NONE INLINE qd1: 100% of its O_DIRECT reads were served buffered"), text);
    }

    @Test
    void pathsNotCountedSayWhyAndWhatStandsIn() {
        Verdict v = new Verdict(1000, List.of(), 0, List.of(), List.of("not counted: not root"));
        String text = v.render(Path.of("results/x"));
        assertTrue(text.contains("Kernel paths not counted: not root; io-wq workers seen"), text);
    }
}
