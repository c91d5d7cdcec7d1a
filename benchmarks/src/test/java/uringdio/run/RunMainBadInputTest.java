package uringdio.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uringdio.testing.Require;

/** Bad input to the run command: one clear line on stderr, exit status 2, nothing run, nothing left. */
class RunMainBadInputTest {

    @TempDir
    Path results;

    /** Runs the command; returns its exit status and the lines it wrote to stderr. */
    private static Result run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = RunMain.commandLine().execute(args);
            return new Result(status, err.toString(StandardCharsets.UTF_8).lines().toList());
        } finally {
            System.setErr(saved);
        }
    }

    private record Result(int status, List<String> stderr) {
    }

    private void assertOneLine(String expected, String... args) throws IOException {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--results";
        all[args.length + 1] = results.toString();
        Result r = run(all);
        assertEquals(2, r.status(), String.join(" ", args) + ": " + r.stderr());
        assertEquals(1, r.stderr().size(), "one line, no stack trace: " + r.stderr());
        assertTrue(r.stderr().get(0).startsWith("uring-dio-bench: " + expected), r.stderr().get(0));
        try (var left = Files.list(results)) {
            assertEquals(0, left.count(), "nothing was started");
        }
    }

    @Test
    void unknownParameterValues() throws IOException {
        assertOneLine("unknown pattern SOME: use one of NONE, FIRST, ALL", "-p", "pattern=SOME");
        assertOneLine("unknown parameter size: use one of ", "-p", "size=4096");
        assertOneLine("unknown profile slow: use default or quick", "--profile", "slow");
        assertOneLine("unknown filesystem zfs in --fs", "--fs", "zfs");
        assertOneLine("unknown benchmark everything", "--benchmark", "everything", "-p", "fs=btrfs");
        assertOneLine("unknown filesystem zfs: use btrfs, ext4 or xfs", "-p", "fs=zfs");
        assertOneLine("Unknown option: '--colour'", "--colour");
    }

    @Test
    void iterationCountsThatMeasureNothing() throws IOException {
        assertOneLine("--iterations must be at least 1, not 0", "--iterations", "0");
        assertOneLine("--warmup-iterations must be 0 or more, not -1", "--warmup-iterations", "-1");
        assertOneLine("--iteration-time must be from 100ms to 1 hour, not 0", "--iteration-time", "0");
        assertOneLine("--iteration-time must be a time such as 700ms, 1s or 2 (seconds), not '1m'", "--iteration-time", "1m");
        assertOneLine("--rounds must be at least 1 (2 or more for intervals), not 0", "--rounds", "0");
    }

    @Test
    void aMatrixOfNoScenario() throws IOException {
        assertOneLine("no scenario selected", "--fs", "xfs", "-p", "fs=btrfs", "-p", "pattern=ALL");
    }

    @Test
    void aReadSizeThatIsNotWholeSectors() throws IOException {
        assertOneLine("read size 1000 is not a multiple of the 512-byte logical sector size", "-p", "readSize=1000",
                "-p", "extents=1");
    }

    @Test
    void aQueueDepthTheRingCannotTake() throws IOException {
        assertOneLine("queue depth 100000 is more than the ring takes here", "-p", "queueDepth=100000");
    }

    @Test
    void aCombinationThatCannotRunAtAll() throws IOException {
        assertOneLine("no combination of the parameters can run: PREAD is synchronous", "-p", "mode=PREAD",
                "-p", "queueDepth=4");
    }

    @Test
    void aResultsDirectoryThatCannotBeWritten(@TempDir Path tmp) throws IOException {
        Require.ioUring();
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
        Result r = run("--profile", "quick", "--results", file.resolve("results").toString(), "--dir", tmp.toString());
        assertEquals(2, r.status(), r.stderr().toString());
        assertEquals(1, r.stderr().size(), r.stderr().toString());
        assertTrue(r.stderr().get(0).startsWith("uring-dio-bench: cannot write results under " + file.resolve("results")),
                r.stderr().get(0));
    }

    @Test
    void aDirectoryThatDoesNotExistOrIsTmpfs() throws IOException {
        Require.ioUring();
        assertOneLine(results.resolve("missing") + " does not exist", "--dir", results.resolve("missing").toString());
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm)) {
            Path dir = Files.createTempDirectory(shm, "uring-dio-bench-test");
            try {
                Result r = run("--dir", dir.toString(), "--results", results.toString());
                assertEquals(2, r.status());
                assertEquals(1, r.stderr().size(), r.stderr().toString());
                assertTrue(r.stderr().get(0).contains("tmpfs") || r.stderr().get(0).contains("O_DIRECT"), r.stderr().get(0));
            } finally {
                Files.delete(dir);
            }
        }
    }
}
