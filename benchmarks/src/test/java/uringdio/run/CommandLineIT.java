package uringdio.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uringdio.cli.ExitCode;
import uringdio.results.Columns;
import uringdio.results.ResultsCsv;
import uringdio.results.RunFiles;
import uringdio.scenario.Filesystem;

/**
 * Bad input end to end, as a user meets it: {@code ./uring-dio-bench} itself, run after Maven
 * has packaged the jar (failsafe, in {@code verify}), with the build step turned off so no Maven
 * runs inside Maven. Each is exit status 2 and exactly one line on stderr, with no stack trace.
 */
class CommandLineIT {

    @TempDir
    static Path results;

    private record Outcome(int exit, List<String> out, List<String> err) {
    }

    /** The repository root: the directory holding the script, from the test's working directory (benchmarks/). */
    private static Path root() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isExecutable(d.resolve("uring-dio-bench")) && Files.isDirectory(d.resolve("benchmarks"))) {
                return d;
            }
        }
        throw new IllegalStateException("no uring-dio-bench script above " + Path.of("").toAbsolutePath());
    }

    private static Outcome run(Path cwd, List<String> prefix, String... args) throws IOException, InterruptedException {
        return runAs(cwd, prefix, Map.of(), args);
    }

    private static Outcome runAs(Path cwd, List<String> prefix, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(root().resolve("uring-dio-bench").toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(results, "out", ".txt");
        Path err = Files.createTempFile(results, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("URING_DIO_BENCH_NO_BUILD", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish in 120 s");
        }
        return new Outcome(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    private static Outcome run(String... args) throws IOException, InterruptedException {
        return run(root(), List.of(), args);
    }

    private static void assertOneLine(Outcome o, String expectedStart, String what) {
        assertEquals(ExitCode.BAD_INPUT, o.exit(), what + ": " + o.err());
        assertEquals(1, o.err().size(), what + ": one line, no stack trace: " + o.err());
        String line = o.err().get(0);
        assertFalse(line.contains("Exception") || line.contains("at uringdio"), line);
        assertTrue(line.contains(expectedStart), what + ": " + line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--iterations 0|--iterations must be at least 1, not 0",
        "--warmup-iterations -1|--warmup-iterations must be 0 or more, not -1",
        "--iteration-time 0|--iteration-time must be from 100ms to 1 hour, not 0",
        "--fs xfs -p fs=btrfs -p pattern=ALL|no scenario selected",
        "--fs zfs|unknown filesystem zfs in --fs: use btrfs, ext4 or xfs",
        "-p pattern=SOME|unknown pattern SOME: use one of NONE, FIRST",
        "-p size=4096|unknown parameter size",
        "--benchmark all -p fs=btrfs|unknown benchmark all",
        "-p mode=PREAD -p queueDepth=4|no combination of the parameters can run",
        "--large-extent-size 3k|must divide 16 KiB",
        "--profile slow|unknown profile slow",
        "--colour|Unknown option: '--colour'",
    })
    void badInputToRunIsOneLineAndExitTwo(String caseLine) throws Exception {
        String[] parts = caseLine.split("\\|");
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(List.of(parts[0].split(" ")));
        args.addAll(List.of("--results", results.resolve("never").toString()));
        Outcome o = run(args.toArray(String[]::new));
        assertOneLine(o, parts[1], parts[0]);
        assertFalse(Files.exists(results.resolve("never")), "nothing written for " + parts[0]);
    }

    @Test
    void badInputToTheOtherCommandsIsOneLineAndExitTwo() throws Exception {
        assertOneLine(run("compare", results.resolve("a").toString(), results.resolve("b").toString()),
                "does not exist", "compare of missing runs");
        assertOneLine(run("overhead", "--no-such-option"), "Unknown option", "overhead");
        assertOneLine(run("fidelity", "--fs", "zfs"), "unknown filesystem zfs in --fs", "fidelity");
        assertOneLine(run("no-such-command"), "unknown command no-such-command", "the script");
    }

    @Test
    void compareSaysARunIsIncomplete() throws Exception {
        Path run = Files.createDirectories(results.resolve("incomplete"));
        RunFiles.markIncomplete(run, "interrupted after 2 of 10 scenarios");
        assertOneLine(run("compare", run.toString(), run.toString()),
                "is an incomplete run: interrupted after 2 of 10 scenarios", "compare of an incomplete run");
    }

    @Test
    void theFsOptionIsTheFsAxisOfACustomMatrix() throws Exception {
        Outcome o = run("run", "--fs", "ext4", "-p", "pattern=FIRST,ALL", "--list");
        assertEquals(0, o.exit(), o.err().toString());
        assertEquals(List.of("ext4 16K x4 FIRST INLINE qd1", "ext4 16K x4 ALL INLINE qd1"), labels(o));
    }

    @Test
    void aDirectoryGivesTheFsAxisItsFilesystem() throws Exception {
        Filesystem fs = RunPlanner.filesystemOf(results);
        assumeTrue(fs != null, "the temporary directory is on a filesystem the suite does not read");
        Outcome o = run("run", "--dir", results.toString(), "-p", "pattern=FIRST,ALL", "--list");
        assertEquals(0, o.exit(), o.err().toString());
        assertEquals(List.of(fs + " 16K x4 FIRST INLINE qd1", fs + " 16K x4 ALL INLINE qd1"), labels(o));
    }

    /** Without root, without --dir, in a directory the user cannot write: one line saying what to do instead. */
    @Test
    void aUserWhoCannotWriteTheCurrentDirectoryIsToldWhatToDo() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to become another user");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv");
        // Root's, 0755: the other user may enter it, not write it (JUnit's temporary directories are 0700).
        Path unwritable = Files.createTempDirectory(Path.of("/tmp"), "uring-dio-bench-not-yours",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Outcome o;
        try {
            o = run(unwritable, List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
                    "run", "--profile", "quick", "--results", unwritable.resolve("results").toString());
        } finally {
            Files.delete(unwritable);
        }
        assumeTrue(!o.err().toString().contains("Permission denied") || o.exit() == ExitCode.BAD_INPUT,
                "the jar is not readable by another user here: " + o.err());
        assumeTrue(!o.err().toString().contains("io_uring"), "io_uring is not available to other users here: " + o.err());
        assertOneLine(o, "run with --dir DIR on a filesystem you can write, or as root", "an unwritable current directory");
    }

    /** Without root the run still runs, and its results say which kernel counts are missing and why. */
    @Test
    void withoutRootTheRunSaysWhichKernelCountsAreMissingAndWhy() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to become another user");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv");
        Path dir = Files.createTempDirectory(Path.of("/var/tmp"), "uring-dio-bench-not-root");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx")); // past the umask
        Outcome o;
        List<Map<String, String>> rows;
        try {
            // Another user cannot take root's JMH lock file in /tmp; this test needs no lock.
            o = runAs(dir, List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
                    Map.of("JAVA_TOOL_OPTIONS", "-Djmh.ignoreLock=true"), "run", "--dir", dir.toString(),
                    "-p", "pattern=ALL", "--warmup-iterations", "0", "--iterations", "1",
                    "--results", dir.resolve("results").toString());
            assumeTrue(!o.err().toString().contains("Permission denied"), "the jar is not readable by another user: " + o.err());
            assumeTrue(!o.err().toString().contains("io_uring"), "io_uring is not available to other users: " + o.err());
            assertEquals(ExitCode.OK, o.exit(), o.out() + " " + o.err());
            try (Stream<Path> runs = Files.list(dir.resolve("results"))) {
                rows = ResultsCsv.read(runs.findFirst().orElseThrow().resolve(ResultsCsv.FILE));
            }
        } finally {
            deleteTree(dir);
        }
        assertEquals(1, rows.size());
        Map<String, String> row = rows.get(0);
        assertTrue(row.get(Columns.KERNEL_COUNTS).startsWith("not counted: "), row.get(Columns.KERNEL_COUNTS));
        assertTrue(row.get(Columns.TRACED_PASS).startsWith("not traced: "), row.get(Columns.TRACED_PASS));
        assertEquals("", row.get(Columns.KERNEL_PATH));
        assertTrue(o.out().stream().anyMatch(l -> l.startsWith("Kernel paths not counted: ")), o.out().toString());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static List<String> labels(Outcome o) {
        try (Stream<String> lines = o.out().stream()) {
            return lines.filter(l -> l.startsWith("extent-read_")).map(l -> l.substring(l.indexOf("   ") + 3)).toList();
        }
    }
}
