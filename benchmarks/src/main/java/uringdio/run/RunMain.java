package uringdio.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uringdio.bench.BenchConfig;
import uringdio.cli.OneLineCommand;
import uringdio.fixture.FixtureException;
import uringdio.fixture.ScratchSession;
import uringdio.fixture.Target;
import uringdio.fixture.Workspace;
import uringdio.libc.FileHandle;
import uringdio.libc.LibC;
import uringdio.libc.StatFs;
import uringdio.platform.Availability;
import uringdio.read.Scenario;
import uringdio.results.AtomicFiles;
import uringdio.results.Columns;
import uringdio.results.Metadata;
import uringdio.results.ResultsCsv;
import uringdio.results.RunFiles;
import uringdio.results.RunNames;
import uringdio.results.SummaryTable;

/**
 * The run command: a matrix of scenarios through JMH, one fork each, results written as each
 * finishes, a table and a verdict at the end.
 *
 * <p>Exit status: 0 every read right; 3 a wrong read was found (after writing everything else);
 * 2 bad input (said in one line before anything ran); 1 the run failed; 130 interrupted.
 */
@Command(name = "uring-dio-bench run", mixinStandardHelpOptions = true, sortOptions = false,
        version = "uring-dio-bench 0.1.0",
        description = "Runs io_uring O_DIRECT read scenarios and writes results/<time>_<kernel>_<host>/.")
public final class RunMain implements Callable<Integer> {

    static final int BAD_INPUT = 2;
    static final int FAILED = 1;

    @Option(names = "--profile", description = "default (about 5 minutes on 2 cores) or quick (under 2 minutes)")
    String profile = "default";

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=V1,V2", description = "Run a custom matrix instead of a profile: NAME=V1,V2 "
            + "(fs, readSize, extents, variant, pattern, touchFraction, mode, retryEagain, queueDepth, submitBatch)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--benchmark", description = "With -p: extent-read (default) or mariadb-like")
    String benchmark = "extent-read";

    @Option(names = "--fs", split = ",", paramLabel = "FS", description = "Only these filesystems (btrfs, ext4, xfs)")
    List<String> onlyFs = new ArrayList<>();

    @Option(names = "--dir", description = "A directory of yours to run in, never formatted (only its filesystem's scenarios run)")
    Path dir;

    @Option(names = "--scratch-dir", description = "Where scratch images and mounts go (default /var/tmp/uring-dio-bench)")
    Path scratchDir = ScratchSession.DEFAULT_BASE;

    @Option(names = "--image-size", description = "Size of each scratch image (sparse; default 3g)")
    String imageSize = "3g";

    @Option(names = "--format-device", description = "A block device to format and run on: its contents are destroyed")
    Path device;

    @Option(names = "--yes-format-device", description = "Repeat the device here to confirm its contents may be destroyed")
    String deviceConfirmation;

    @Option(names = "--results", description = "Where run directories go (default results)")
    Path resultsBase = Path.of("results");

    @Option(names = "--large-file-size", description = "The MariaDB-like workload's file (default 1g; quick 64m)")
    String largeFileSize;

    @Option(names = "--large-extent-size", description = "Extent size of that file (default 4k)")
    String largeExtentSize = "4k";

    @Option(names = "--warmup-iterations", description = "JMH warm-up iterations per scenario (default: the profile's)")
    Integer warmup;

    @Option(names = "--iterations", description = "JMH measurement iterations per scenario (default: the profile's)")
    Integer iterations;

    @Option(names = "--iteration-time", description = "Seconds per iteration (default 1)")
    Integer iterationSeconds;

    @Option(names = "--list", description = "Print the scenarios and exit")
    boolean list;

    private final PrintStream out = System.out;
    private volatile int finished;
    private volatile Path runDir;
    /** Set by the shutdown hook (Ctrl-C): no scenario starts after it. */
    private volatile boolean stopping;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The run command with its one-line handling of bad options. */
    static CommandLine commandLine() {
        return OneLineCommand.of(new RunMain(), "uring-dio-bench", new java.io.PrintWriter(System.out, true),
                new java.io.PrintWriter(System.err, true), BAD_INPUT);
    }

    @Override
    public Integer call() {
        Profile plan;
        List<String> skipped = new ArrayList<>();
        long largeBytes;
        int largeExtent;
        try {
            largeExtent = (int) BenchConfig.bytes("--large-extent-size", largeExtentSize);
            Long large = largeFileSize == null ? null : BenchConfig.bytes("--large-file-size", largeFileSize);
            plan = params.isEmpty() ? Profile.named(profile, large, largeExtent)
                    : Profile.custom(benchmark, params, 2, 4, 1, large, largeExtent, skipped);
            largeBytes = plan.largeFileSize();
            plan = onlyFilesystems(plan);
            BenchConfig.bytes("--image-size", imageSize);
        } catch (IllegalArgumentException e) {
            return badInput(e.getMessage());
        }
        for (String s : skipped) {
            out.println("skipped (cannot run as combined): " + s);
        }
        if (list) {
            plan.scenarios().forEach(s -> out.println(s.scenario().id() + "   " + s.scenario().label()));
            return 0;
        }
        Availability.Answer ioUring = Availability.ioUring();
        if (!ioUring.usable()) {
            return badInput(ioUring.reason());
        }
        Workspace targets = null;
        try {
            targets = chooseTargets(plan);
            plan = keepRunnable(plan, targets);
            prepareResults();
        } catch (IllegalArgumentException | FixtureException | IOException e) {
            if (targets != null) {
                targets.close();
            }
            return badInput(e instanceof IOException ? "cannot write results under " + resultsBase + ": " + e.getMessage()
                    : e.getMessage());
        }
        Profile finalPlan = plan;
        Thread interrupted = new Thread(() -> {
            stopping = true;
            System.err.printf(Locale.ROOT, "%nuring-dio-bench: interrupted after %d of %d scenarios; their results are in %s%n",
                    finished, finalPlan.scenarios().size(), runDir);
        });
        Runtime.getRuntime().addShutdownHook(interrupted);
        try (Workspace workspace = targets) {
            return runAll(plan, workspace, largeBytes, largeExtent);
        } catch (FixtureException e) {
            System.err.println("uring-dio-bench: " + e.getMessage());
            return FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: that is the message
            }
        }
    }

    private Profile onlyFilesystems(Profile plan) {
        if (onlyFs.isEmpty()) {
            return plan;
        }
        for (String fs : onlyFs) {
            if (!List.of("btrfs", "ext4", "xfs").contains(fs)) {
                throw new Scenario.BadValue("unknown filesystem " + fs + " in --fs: use btrfs, ext4 or xfs");
            }
        }
        return withScenarios(plan, plan.scenarios().stream().filter(s -> onlyFs.contains(s.scenario().fs())).toList());
    }

    private static Profile withScenarios(Profile p, List<PlannedScenario> scenarios) {
        return new Profile(p.name(), p.warmupIterations(), p.measurementIterations(), p.iterationSeconds(), p.ranges(),
                p.largeFileSize(), p.largeExtentSize(), scenarios);
    }

    /** Scratch filesystems as root; the user's directory with --dir; the current directory otherwise. */
    private Workspace chooseTargets(Profile plan) throws IOException {
        long need = Math.max(plan.largeFileSize() * 3, 512L << 20);
        if (device != null) {
            if (plan.filesystems().size() > 1) {
                throw new IllegalArgumentException("a device holds one filesystem at a time: add --fs " + plan.filesystems().get(0));
            }
            Availability.Answer root = Availability.root();
            if (!root.usable()) {
                throw new IllegalArgumentException(root.reason());
            }
            return Workspace.device(scratchDir, device, deviceConfirmation);
        }
        if (dir != null) {
            requireUsableDirectory(dir, need);
            return Workspace.userDirectory(dir, false, need);
        }
        Availability.Answer loop = Availability.loopDevices();
        if (loop.usable()) {
            for (String fs : plan.filesystems()) {
                Availability.Answer a = Availability.filesystem(fs);
                if (!a.usable()) {
                    throw new IllegalArgumentException(a.reason());
                }
            }
            requireScratchSpace(plan.filesystems().size());
            return Workspace.scratch(scratchDir, BenchConfig.bytes("--image-size", imageSize));
        }
        Path cwd = Path.of("").toAbsolutePath();
        requireUsableDirectory(cwd, need);
        out.println("uring-dio-bench: " + loop.reason());
        out.println("  Running in the current directory " + cwd + " instead. What that loses: only the scenarios of its "
                + "filesystem run (no btrfs-against-ext4/xfs comparison unless it is one of them); reads go to whatever "
                + "device holds it, with its caches, not to an isolated loop device; btrfs variants need btrfs.");
        return Workspace.userDirectory(cwd, true, need);
    }

    private static void requireUsableDirectory(Path d, long need) {
        Availability.Answer a = Availability.directIo(d.toAbsolutePath());
        if (!a.usable()) {
            throw new IllegalArgumentException(a.reason());
        }
        try (FileHandle h = FileHandle.open(d, LibC.O_RDONLY)) {
            StatFs fs = h.statFs();
            if (fs.availableBytes() < need) {
                throw new IllegalArgumentException(d + " has " + (fs.availableBytes() >> 20) + " MiB free, the run needs "
                        + (need >> 20) + " MiB: free some space or lower --large-file-size");
            }
        }
    }

    private void requireScratchSpace(int filesystems) throws IOException {
        Files.createDirectories(scratchDir);
        Availability.Answer a = Availability.directIo(scratchDir);
        if (!a.usable()) {
            throw new IllegalArgumentException("scratch images need O_DIRECT where they live (loop devices read them "
                    + "directly): " + a.reason() + "; choose another --scratch-dir");
        }
        long need = (long) filesystems * (3L << 30);
        try (FileHandle h = FileHandle.open(scratchDir, LibC.O_RDONLY)) {
            long free = h.statFs().availableBytes();
            if (free < need) {
                throw new IllegalArgumentException(scratchDir + " has " + (free >> 20) + " MiB free, scratch images for "
                        + filesystems + " filesystem(s) need up to " + (need >> 20) + " MiB: choose another --scratch-dir");
            }
        }
    }

    /** With a user's directory only its filesystem's scenarios can run: say which are dropped and why. */
    private Profile keepRunnable(Profile plan, Workspace targets) {
        if (targets.kind() != Workspace.Kind.USER_DIRECTORY && targets.kind() != Workspace.Kind.CURRENT_DIRECTORY) {
            return plan;
        }
        Path d = dir != null ? dir : Path.of("").toAbsolutePath();
        String fs;
        try (FileHandle h = FileHandle.open(d, LibC.O_RDONLY)) {
            fs = h.statFs().typeName();
        }
        List<PlannedScenario> keep = plan.scenarios().stream().filter(s -> s.scenario().fs().equals(fs)).toList();
        if (keep.isEmpty()) {
            throw new IllegalArgumentException(d + " is on " + fs + ", and no scenario of this run reads " + fs
                    + ": the suite reads btrfs, ext4 and xfs");
        }
        if (keep.size() < plan.scenarios().size()) {
            out.println("uring-dio-bench: " + d + " is on " + fs + ": running its " + keep.size() + " scenarios, skipping "
                    + (plan.scenarios().size() - keep.size()) + " on other filesystems");
        }
        return withScenarios(plan, keep);
    }

    private void prepareResults() throws IOException {
        Path dirPath = resultsBase.resolve(RunNames.of(Instant.now(), SystemFacts.kernel(), SystemFacts.host()));
        Files.createDirectories(dirPath.resolve(RunFiles.JMH_LOGS));
        AtomicFiles.write(dirPath.resolve(".writable"), "");
        Files.delete(dirPath.resolve(".writable"));
        runDir = dirPath.toAbsolutePath();
    }

    private int runAll(Profile plan, Workspace targets, long largeBytes, int largeExtent) {
        List<PlannedScenario> scenarios = plan.scenarios();
        Map<String, Map<String, String>> targetFacts = new LinkedHashMap<>();
        try {
            Metadata.write(runDir, runFacts(plan), targetFacts);
        } catch (IOException e) {
            System.err.println("uring-dio-bench: cannot write " + runDir + "/" + Metadata.FILE + ": " + e.getMessage());
            return FAILED;
        }
        out.printf(Locale.ROOT, "uring-dio-bench: %d scenarios (%s), %d+%d iterations of %d s each; results in %s%n",
                scenarios.size(), plan.name(), plan.warmupIterations(), plan.measurementIterations(),
                plan.iterationSeconds(), runDir);
        List<RunResult> jmhResults = new ArrayList<>();
        Instant start = Instant.now();
        int failures = 0;
        for (int i = 0; i < scenarios.size() && !stopping; i++) {
            PlannedScenario s = scenarios.get(i);
            out.printf(Locale.ROOT, "[%2d/%d] %-44s ", i + 1, scenarios.size(), s.scenario().label());
            out.flush();
            Target target = targets.target(s.scenario().fs());
            if (!targetFacts.containsKey(s.scenario().fs())) {
                targetFacts.put(s.scenario().fs(), target.environment().asMap());
                try {
                    Metadata.addTarget(runDir, runFacts(plan), s.scenario().fs(), targetFacts.get(s.scenario().fs()));
                } catch (IOException e) {
                    System.err.println("cannot update metadata: " + e.getMessage());
                }
            }
            Path log = runDir.resolve(RunFiles.JMH_LOGS).resolve(s.scenario().id() + ".log");
            try {
                Collection<RunResult> r = new Runner(options(plan, s, target, targets.kind().label(), log, largeBytes,
                        largeExtent)).run();
                jmhResults.addAll(r);
                writeJmhJson(jmhResults);
            } catch (RunnerException e) {
                // The fork's own words are in its log; the first line that says what went wrong is enough here.
            }
            if (stopping) {
                break; // the scenario in progress was cut short; what finished is written
            }
            finished = i + 1;
            Map<String, String> row = rowOf(s.scenario().id());
            if (row == null) {
                failures++;
                out.println("FAILED: " + firstErrorLine(log) + " (log: " + runDir.relativize(log) + ")");
            } else {
                out.println(progressLine(row));
            }
            out.printf(Locale.ROOT, "%s", eta(start, i + 1, scenarios.size()));
        }
        return finish(failures);
    }

    private org.openjdk.jmh.runner.options.Options options(Profile plan, PlannedScenario s, Target target, String kind,
                                                           Path log, long largeBytes, int largeExtent) {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(s.include())
                .forks(1)
                .warmupIterations(warmup != null ? warmup : plan.warmupIterations())
                .measurementIterations(iterations != null ? iterations : plan.measurementIterations())
                .warmupTime(TimeValue.seconds(iterationSeconds != null ? iterationSeconds : plan.iterationSeconds()))
                .measurementTime(TimeValue.seconds(iterationSeconds != null ? iterationSeconds : plan.iterationSeconds()))
                .shouldFailOnError(true)
                .output(log.toString());
        s.params().forEach(b::param);
        List<String> jvm = new ArrayList<>();
        jvm.add("-D" + BenchConfig.PREFIX + "results=" + runDir);
        jvm.add("-D" + BenchConfig.PREFIX + "target." + s.scenario().fs() + "=" + target.directory());
        jvm.add("-D" + BenchConfig.PREFIX + "targetKind." + s.scenario().fs() + "=" + kind);
        PlannedScenario.forkProperties(plan.ranges(), largeBytes, largeExtent, BenchConfig.seed())
                .forEach((k, v) -> jvm.add("-D" + k + "=" + v));
        b.jvmArgsAppend(jvm.toArray(String[]::new));
        return b.build();
    }

    private Map<String, String> runFacts(Profile plan) {
        Map<String, String> facts = SystemFacts.collect();
        facts.put("profile", plan.name());
        facts.put("scenarios", Integer.toString(plan.scenarios().size()));
        return facts;
    }

    private void writeJmhJson(List<RunResult> results) {
        try {
            AtomicFiles.write(runDir.resolve(RunFiles.JMH_JSON), o -> {
                PrintStream ps = new PrintStream(o, true, java.nio.charset.StandardCharsets.UTF_8);
                ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(results);
                ps.flush();
            });
        } catch (IOException e) {
            System.err.println("uring-dio-bench: cannot write jmh.json: " + e.getMessage());
        }
    }

    private Map<String, String> rowOf(String scenarioId) {
        Path csv = runDir.resolve(ResultsCsv.FILE);
        if (!Files.exists(csv)) {
            return null;
        }
        try {
            return ResultsCsv.read(csv).stream().filter(r -> r.get(Columns.SCENARIO).equals(scenarioId)).findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    static String progressLine(Map<String, String> row) {
        String[] cells = SummaryTable.cells(row, List.of(row));
        long wrong = Long.parseLong(row.getOrDefault(Columns.SHORT_READS, "0"))
                + Long.parseLong(row.getOrDefault(Columns.DATA_MISMATCHES, "0"))
                + Long.parseLong(row.getOrDefault(Columns.ERRORS, "0"));
        StringBuilder b = new StringBuilder();
        b.append("p50 ").append(cells[1]).append("  p99 ").append(cells[2]).append("  ").append(cells[3]).append(" reads/s");
        b.append(wrong == 0 ? "  ok" : "  " + wrong + " WRONG READ(S)");
        String notes = cells[cells.length - 1];
        if (!notes.isEmpty()) {
            b.append("  (").append(notes).append(')');
        }
        return b.toString();
    }

    private static String eta(Instant start, int done, int total) {
        if (done == total) {
            return "";
        }
        Duration spent = Duration.between(start, Instant.now());
        long left = spent.toSeconds() * (total - done) / done;
        return done % 5 == 0 ? String.format(Locale.ROOT, "        (%d s so far, about %d s to go)%n", spent.toSeconds(), left) : "";
    }

    private static String firstErrorLine(Path log) {
        try {
            for (String line : Files.readAllLines(log)) {
                String t = line.trim();
                if (t.contains("Exception: ") || t.startsWith("Caused by: ")) {
                    return t.substring(t.indexOf(": ") + 2);
                }
            }
        } catch (IOException e) {
            // no log
        }
        return "the benchmark failed";
    }

    /** The table, the verdict, and the exit status. */
    private int finish(int failures) {
        List<Map<String, String>> rows;
        try {
            Path csv = runDir.resolve(ResultsCsv.FILE);
            rows = Files.exists(csv) ? ResultsCsv.read(csv) : List.of();
        } catch (IOException e) {
            System.err.println("uring-dio-bench: cannot read back " + ResultsCsv.FILE + ": " + e.getMessage());
            return FAILED;
        }
        String table = SummaryTable.render(rows);
        out.println();
        out.print(table);
        try {
            AtomicFiles.write(runDir.resolve(RunFiles.SUMMARY), table);
        } catch (IOException e) {
            System.err.println("uring-dio-bench: cannot write " + RunFiles.SUMMARY + ": " + e.getMessage());
        }
        Verdict verdict;
        try {
            verdict = Verdict.of(runDir, failures);
        } catch (IOException e) {
            System.err.println("uring-dio-bench: cannot read back the findings: " + e.getMessage());
            return FAILED;
        }
        out.println();
        out.print(verdict.render(runDir));
        out.println("Results: " + runDir);
        return verdict.exitCode();
    }

    private int badInput(String message) {
        System.err.println("uring-dio-bench: " + message);
        return BAD_INPUT;
    }
}
