package uringdio.overhead;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import uringdio.bench.BindingOverheadBenchmark;
import uringdio.cli.BadInputException;
import uringdio.cli.ExitCode;
import uringdio.cli.OneLineCommand;
import uringdio.fixture.ExtentFile;
import uringdio.fixture.ScratchSession;
import uringdio.fixture.Target;
import uringdio.fixture.TargetEnvironment;
import uringdio.fixture.Workspace;
import uringdio.libc.FileHandle;
import uringdio.libc.LibC;
import uringdio.platform.Availability;
import uringdio.scenario.ExtentFileSpec;
import uringdio.scenario.FileVariant;

/**
 * The binding's overhead against its physical limit, in one command: the C loops
 * ({@code uring-overhead-loop}) and the same loops through the binding
 * ({@link BindingOverheadBenchmark}, under JMH) on the same ring setup and the same file,
 * interleaved so that drift of a noisy machine falls on both: C, Java, C again for the NOP round
 * trip, then the same for the QD1 4 KiB read. Prints each figure, the Java / C ratio and whether
 * it meets its target. The targets being missed is a finding, not an error: the exit status is
 * 0 either way.
 */
@Command(name = "overhead-comparison", sortOptions = false, mixinStandardHelpOptions = false,
        description = {
            "Runs the NOP round trip and the QD1 4 KiB O_DIRECT read in C against",
            "liburing and through the Java binding (JMH), side by side on one file,",
            "and prints both and their ratio. As root the file goes on a scratch ext4",
            "(a loop device, removed at the end); otherwise name a directory with --dir."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCode.OK + ":figures printed (whether or not the targets are met)",
            ExitCode.FAILED + ":the comparison could not run (the reason is printed on one line)",
            ExitCode.BAD_INPUT + ":bad command line",
            ExitCode.FINDINGS + ":some reads came back short or wrong: figures printed, but they are not of correct reads"})
public final class OverheadComparison implements Callable<Integer> {

    /** 64 MiB of 4 KiB extents: the suite's random-read file shape, at a size both loops can copy into memory. */
    static final ExtentFileSpec FILE_SPEC = new ExtentFileSpec(1, ExtentFileSpec.BLOCK, 16384, FileVariant.PLAIN);
    private static final long SCRATCH_IMAGE_BYTES = 1L << 30;
    /** The file, and the spacer file ExtentFile writes beside it while it lays the extents out. */
    private static final long USER_DIRECTORY_NEEDS = 2 * FILE_SPEC.fileBytes() + (16L << 20);


    static final double NOP_TARGET = 1.4;
    static final double READ_TARGET = 1.05;
    /** C NOP: 5 rounds of this many round trips (about a second each, like JMH's iterations), after as many to warm up. */
    static final long C_NOP_OPS_PER_ROUND = 5_000_000;
    static final int C_NOP_ROUNDS = 5;
    /** C reads: this many measured (a few seconds), after a tenth as many to warm up. */
    static final long C_READ_OPS = 100_000;

    @Option(names = "--dir", paramLabel = "<directory>",
            description = "Put the file in a subdirectory of this directory (removed at the end) instead of a scratch ext4.")
    private Path dir;

    @Option(names = "--scratch-dir", paramLabel = "<directory>",
            description = "Where the scratch ext4's image and mount go (default: ${DEFAULT-VALUE}).")
    private Path scratchBase = ScratchSession.DEFAULT_BASE;

    @Option(names = "--seed", paramLabel = "<n>", defaultValue = "1",
            description = "Seed of the read offsets, the same for both loops (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--rounds", paramLabel = "<n>", defaultValue = "5",
            description = "Rounds of C and Java, alternating which goes first; the ratio's 95% interval needs at "
                    + "least 2 (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--show-jmh", description = "Print JMH's own report of each Java run.")
    private boolean showJmh;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command with its report on {@code out}, progress and errors on {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = OneLineCommand.of(new OverheadComparison(), "overhead-comparison", out, err);
        cmd.setExecutionExceptionHandler((e, commandLine, ignored) -> {
            // Every failure here is a fact about the machine (no root, no io_uring, JMH busy): one line.
            // Ctrl-C kills JMH's fork and the C loop too, which then looks like their failure: say what it was.
            commandLine.getErr().println("overhead-comparison: "
                    + (shuttingDown() ? "interrupted; removing what the run made" : OneLineCommand.message(e)));
            commandLine.getErr().flush();
            return e instanceof BadInputException ? ExitCode.BAD_INPUT : ExitCode.FAILED;
        });
        return cmd.execute(args);
    }

    /** Whether the JVM is exiting (Ctrl-C, SIGTERM): the only way Java offers to ask is to try adding a hook. */
    private static boolean shuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }


    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        requireUsable(Availability.ioUring(), "io_uring is unavailable here");
        if (rounds < 1) {
            throw new BadInputException("--rounds must be at least 1, not " + rounds);
        }
        if (dir == null) {
            requireUsable(Availability.root(), "no place for the file");
            requireUsable(Availability.loopDevices(), "cannot make a scratch ext4");
            requireUsable(Availability.filesystem("ext4"), "cannot make a scratch ext4");
        }
        try (Workspace workspace = dir == null ? Workspace.scratch(scratchBase, SCRATCH_IMAGE_BYTES)
                : Workspace.userDirectory(dir, false, USER_DIRECTORY_NEEDS);
             OverheadLoopProgram c = OverheadLoopProgram.extract()) {
            Target target = dir == null ? workspace.target("ext4") : workspace.target(filesystemOf(dir));
            err.println("making the 64 MiB file in " + target.directory());
            ExtentFile file = ExtentFile.obtain(target.directory(), FILE_SPEC);
            BindingLoops java = new BindingLoops(showJmh);
            int block = BindingOverheadBenchmark.BLOCK_SIZE;

            double[] cNop = new double[rounds];
            double[] javaNop = new double[rounds];
            double[] cRead = new double[rounds];
            double[] javaRead = new double[rounds];
            long cBad = 0;
            long javaBad = 0;
            long cReads = 0;
            long javaReads = 0;
            for (int r = 0; r < rounds; r++) {
                boolean cFirst = r % 2 == 0;
                err.println("round " + (r + 1) + " of " + rounds + ": NOP round trip and QD1 4 KiB O_DIRECT read, "
                        + (cFirst ? "C then Java (JMH)" : "Java (JMH) then C"));
                for (int i = 0; i < 2; i++) {
                    if (cFirst == (i == 0)) {
                        cNop[r] = c.nop(C_NOP_OPS_PER_ROUND, C_NOP_ROUNDS).medianNsPerOp();
                    } else {
                        javaNop[r] = java.nop().medianNsPerOp();
                    }
                }
                for (int i = 0; i < 2; i++) {
                    if (cFirst == (i == 0)) {
                        OverheadLoopProgram.ReadFigures f = c.read(file.path(), block, C_READ_OPS, seed);
                        cRead[r] = f.p50Ns();
                        cBad += f.badReads();
                        cReads += f.ops();
                    } else {
                        BindingLoops.ReadFigures f = java.read4k(file.path(), seed);
                        javaRead[r] = f.p50Ns();
                        javaBad += f.badReads();
                        javaReads += f.reads();
                    }
                }
            }
            List<LoopComparison> rows = List.of(
                    new LoopComparison("NOP round trip, ns/op", cNop, javaNop, NOP_TARGET),
                    new LoopComparison("QD1 4 KiB read, p50 ns", cRead, javaRead, READ_TARGET));
            printReport(out, target, file, rows, cReads, javaReads, cBad, javaBad);
            if (cBad + javaBad > 0) {
                err.println("overhead-comparison: " + (cBad + javaBad) + " reads came back short or with the wrong bytes "
                        + "(C " + cBad + ", Java " + javaBad + "): the read figures are not of correct reads");
                return ExitCode.FINDINGS;
            }
            return ExitCode.OK;
        }
    }

    private static void requireUsable(Availability.Answer answer, String what) {
        if (!answer.usable()) {
            throw new IllegalStateException(what + ": " + answer.reason());
        }
    }

    /** The filesystem the user's directory is on, which is the one its target is made for. */
    private static String filesystemOf(Path dir) {
        try (FileHandle h = FileHandle.open(dir, LibC.O_RDONLY)) {
            return h.statFs().typeName();
        }
    }

    /** The filesystem and device the file is on, for the report. */
    private static String describe(Target target) {
        TargetEnvironment env = target.environment();
        String loop = env.loopDirectIo().isEmpty() ? "" : ", loop device direct-io " + env.loopDirectIo();
        return env.filesystem() + " on " + env.device() + loop + " (" + env.kind() + ")";
    }

    private void printReport(PrintWriter out, Target target, ExtentFile file, List<LoopComparison> rows, long cReads,
                             long javaReads, long cBad, long javaBad) {
        out.println();
        out.println("Binding overhead: the same loops in C (liburing) and through the Java binding (JNA)");
        out.println("file:  " + file.path() + " (" + (file.size() >> 20) + " MiB, 4 KiB blocks, offsets: xorshift64 seed "
                + Long.toUnsignedString(seed) + ")");
        out.println("       " + describe(target));
        out.println("rings: 8 entries, no setup flags, one submit_and_wait per op in both");
        out.println("runs:  " + rounds + " rounds, C first in odd rounds and Java first in even ones; each figure is the "
                + "median over the rounds");
        out.println("C:     NOP: median of " + C_NOP_ROUNDS + " batches of " + C_NOP_OPS_PER_ROUND
                + " ops; read: p50 of " + C_READ_OPS + " reads");
        out.println("Java:  JMH, 1 fork; NOP: median of its measurement iterations; read: p50 of every sampled read");
        out.println();
        out.println(LoopComparison.header());
        for (LoopComparison row : rows) {
            out.println(row.row());
        }
        out.println("ratio = Java / C, geometric mean of the rounds' ratios with its 95% interval (paired t on their "
                + "logs); 'met' when the whole interval is at or below the target");
        out.println();
        out.println("Each round:");
        for (LoopComparison row : rows) {
            out.println("  " + row.rounds());
        }
        out.println(String.format(Locale.ROOT, "reads checked (length and bytes): C %d, Java %d; bad: %d, %d", cReads,
                javaReads, cBad, javaBad));
        out.flush();
    }
}
