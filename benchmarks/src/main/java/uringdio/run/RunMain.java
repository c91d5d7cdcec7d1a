package uringdio.run;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import uringdio.bench.BenchConfig;
import uringdio.cli.BadInputException;
import uringdio.cli.ExitCode;
import uringdio.cli.OneLineCommand;
import uringdio.fixture.FixtureException;
import uringdio.fixture.ScratchSession;
import uringdio.fixture.Workspace;
import uringdio.platform.Availability;

/**
 * The run command: its options, and the order of things. The plan ({@link RunPlanner}), where
 * the files go ({@link TargetChoice}), the scenarios through JMH ({@link ScenarioSequence}), the
 * results directory ({@link RunDirectory}) and the end ({@link RunFinish}) are each their own class.
 *
 * <p>Exit status ({@link ExitCode}): 0 every read right; 3 a wrong read was found (after writing
 * everything else); 2 bad input (said in one line before anything ran); 1 the run failed; 130
 * interrupted.
 */
@Command(name = "uring-dio-bench run", mixinStandardHelpOptions = true, sortOptions = false,
        version = "uring-dio-bench 0.1.0",
        description = "Runs io_uring O_DIRECT read scenarios and writes results/<time>_<kernel>_<host>/.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCode.OK + ":every read was checked and right",
            ExitCode.FAILED + ":a scenario, or the run, could not run to its end (the reason is printed)",
            ExitCode.BAD_INPUT + ":bad input, said in one line before anything ran (nothing is written)",
            ExitCode.FINDINGS + ":a short read, a wrong byte or an error was found (everything else is written)",
            ExitCode.INTERRUPTED + ":interrupted (Ctrl-C): what finished is written, the directory marked INCOMPLETE"})
public final class RunMain implements Callable<Integer> {

    @Option(names = "--profile", description = "default (about 6 minutes on 2 cores) or quick (about a minute)")
    String profile = "default";

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=V1,V2", description = "Run a custom matrix instead of a profile: NAME=V1,V2 "
            + "(fs, readSize, extents, variant, pattern, touchFraction, mode, retryEagain, queueDepth, submitBatch)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--benchmark", description = "With -p: extent-read (default) or mariadb-like")
    String benchmark = "extent-read";

    @Option(names = "--fs", split = ",", paramLabel = "FS", description = "Only these filesystems (btrfs, ext4, xfs); "
            + "with -p, also the fs axis when -p does not name it")
    List<String> onlyFs = new ArrayList<>();

    @Option(names = "--dir", description = "A directory of yours to run in, never formatted (only its filesystem's "
            + "scenarios run; with -p, the fs axis defaults to its filesystem)")
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

    @Option(names = "--warmup-iterations", description = "JMH warm-up iterations per scenario, 0 or more (default: the profile's)")
    Integer warmup;

    @Option(names = "--iterations", description = "JMH measurement iterations per scenario, at least 1 (default: the profile's)")
    Integer iterations;

    @Option(names = "--iteration-time", description = "Length of each iteration, warm-up and measured: 700ms, 1s or 2"
            + " (seconds); at least 100ms (default: the profile's)")
    String iterationTime;

    @Option(names = "--rounds", description = "Rounds: the whole matrix is measured this many times, each round in a"
            + " rotated order, one fork per scenario and round; at least 2 for intervals (default: the profile's)")
    Integer rounds;

    @Option(names = "--kernel-path", description = "on (default): count each scenario's kernel path over its measured "
            + "iterations and trace a pass after them, where root and the kernel allow; off: neither")
    String kernelPath = "on";

    @Option(names = "--list", description = "Print the scenarios and exit")
    boolean list;

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The run command with its one-line handling of bad options. */
    static CommandLine commandLine() {
        return OneLineCommand.of(new RunMain(), "uring-dio-bench", new PrintWriter(System.out, true),
                new PrintWriter(System.err, true));
    }

    @Override
    public Integer call() {
        Profile plan;
        RunDirectory results;
        Workspace targets = null;
        try {
            RunPlanner planner = RunPlanner.plan(this);
            plan = withIterations(planner.profile());
            BenchConfig.bytes("--image-size", imageSize);
            if (!kernelPath.equals("on") && !kernelPath.equals("off")) {
                throw new BadInputException("--kernel-path must be on or off, not " + kernelPath);
            }
            // Read by every fork's options: one setting for the whole run.
            System.setProperty(BenchConfig.PREFIX + "kernelPath", kernelPath);
            planner.skipped().forEach(s -> out.println("skipped (cannot run as combined): " + s));
            if (list) {
                plan.scenarios().forEach(s -> out.println(s.scenario().id() + "   " + s.scenario().label()));
                return ExitCode.OK;
            }
            Availability.Answer ioUring = Availability.ioUring();
            if (!ioUring.usable()) {
                throw new BadInputException(ioUring.reason());
            }
            TargetChoice choice = new TargetChoice(this, out);
            targets = choice.choose(plan);
            plan = choice.keepRunnable(plan, targets);
            results = RunDirectory.under(resultsBase, plan);
        } catch (BadInputException | FixtureException e) {
            if (targets != null) {
                targets.close();
            }
            err.println("uring-dio-bench: " + OneLineCommand.message(e));
            return ExitCode.BAD_INPUT;
        }
        return runAll(plan, targets, results);
    }

    /** The profile's rounds and iterations with the options' overrides, each checked. */
    private Profile withIterations(Profile p) {
        int w = warmup != null ? warmup : p.warmupIterations();
        int m = iterations != null ? iterations : p.measurementIterations();
        int r = rounds != null ? rounds : p.rounds();
        if (w < 0) {
            throw new BadInputException("--warmup-iterations must be 0 or more, not " + w);
        }
        if (m < 1) {
            throw new BadInputException("--iterations must be at least 1, not " + m);
        }
        if (r < 1) {
            throw new BadInputException("--rounds must be at least 1 (2 or more for intervals), not " + r);
        }
        int warmupMs = p.warmupMillis();
        int iterationMs = p.iterationMillis();
        if (iterationTime != null) {
            iterationMs = millis(iterationTime);
            warmupMs = iterationMs;
        }
        return new Profile(p.name(), r, w, m, warmupMs, iterationMs, p.sizes(), p.scenarios());
    }

    /** {@code 700ms}, {@code 1s} or {@code 2} (seconds) in milliseconds, at least 100. */
    static int millis(String time) {
        java.util.regex.Matcher t = java.util.regex.Pattern.compile("(\\d{1,7})\\s*(ms|s)?").matcher(time.strip());
        if (!t.matches()) {
            throw new BadInputException("--iteration-time must be a time such as 700ms, 1s or 2 (seconds), not '" + time + "'");
        }
        long ms = Long.parseLong(t.group(1)) * ("ms".equals(t.group(2)) ? 1 : 1000);
        if (ms < 100 || ms > 3_600_000) {
            throw new BadInputException("--iteration-time must be from 100ms to 1 hour, not " + time);
        }
        return (int) ms;
    }

    private int runAll(Profile plan, Workspace workspace, RunDirectory results) {
        ScenarioSequence sequence = new ScenarioSequence(plan, workspace, results, out);
        Thread interrupted = new Thread(() -> {
            sequence.stop();
            String reason = String.format(Locale.ROOT, "interrupted after %d of %d forks (%d scenarios, %d rounds)",
                    sequence.finished(), plan.scenarios().size() * plan.rounds(), plan.scenarios().size(), plan.rounds());
            results.markIncomplete(reason, err);
            err.printf(Locale.ROOT, "%nuring-dio-bench: %s; %s%n", reason,
                    results.path() == null ? "nothing was written" : "their results are in " + results.path());
        });
        Runtime.getRuntime().addShutdownHook(interrupted);
        try (Workspace targets = workspace) {
            int failures = sequence.runAll();
            return RunFinish.finish(results, failures, !sequence.stopped(), out, err);
        } catch (FixtureException | java.io.IOException e) {
            String why = OneLineCommand.message(e);
            err.println("uring-dio-bench: " + why);
            results.markIncomplete("stopped after " + sequence.finished() + " of " + plan.scenarios().size() * plan.rounds()
                    + " forks: " + why, err);
            return ExitCode.FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: that is the message
            }
        }
    }
}
