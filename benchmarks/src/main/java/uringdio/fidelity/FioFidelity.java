package uringdio.fidelity;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import uringdio.bench.BenchConfig;
import uringdio.cli.BadInputException;
import uringdio.cli.ExitCode;
import uringdio.cli.OneLineCommand;
import uringdio.fixture.ExtentFile;
import uringdio.fixture.ScratchSession;
import uringdio.fixture.SystemFacts;
import uringdio.fixture.Target;
import uringdio.fixture.Workspace;
import uringdio.libc.FileHandle;
import uringdio.libc.LibC;
import uringdio.platform.Availability;
import uringdio.scenario.ExtentFileSpec;
import uringdio.scenario.FaultPattern;
import uringdio.scenario.FileSizes;
import uringdio.scenario.FileVariant;
import uringdio.scenario.Filesystem;
import uringdio.scenario.ScenarioDefaults;

/**
 * The same O_DIRECT read through fio and through the suite, side by side: one file per
 * filesystem, made by the suite's own fixture; at each queue depth, fio's io_uring engine with
 * direct=1 and the suite's ExtentReadBenchmark read it with the same read size, queue depth,
 * submit batch, warm-up and measured seconds. Prints p50 latency and reads/s of both and their
 * ratios. Missing the 5% target is a finding, not an error: the exit status is 0 either way.
 *
 * <p>The runs of one comparison alternate fio, suite, suite, fio, ...: with a machine that drifts
 * steadily (a 2-core VM warming up, a neighbour starting), each tool's mean run then sits at the
 * same moment, and the drift falls on both equally.
 */
@Command(name = "fio-fidelity", sortOptions = false, mixinStandardHelpOptions = false,
        description = {
            "Runs the same O_DIRECT read through fio (io_uring, direct=1) and through the",
            "suite (ExtentReadBenchmark, buffer resident like fio's), on the same file, and",
            "prints p50 latency and reads/s of both and their ratio. As root the file goes",
            "on scratch filesystems (loop devices, removed at the end); otherwise name a",
            "directory with --dir."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCode.OK + ":figures printed (whether or not they are within 5%%)",
            ExitCode.FAILED + ":the comparison could not run (the reason is printed on one line)",
            ExitCode.BAD_INPUT + ":bad command line",
            ExitCode.FINDINGS + ":some reads came back short or wrong: figures printed, but they are not of correct reads"})
public final class FioFidelity implements Callable<Integer> {


    @Option(names = "--fs", split = ",", paramLabel = "<fs>",
            description = "Filesystems to compare on, as scratch filesystems (default: ${DEFAULT-VALUE}).")
    private List<String> filesystems = new ArrayList<>(List.of("btrfs", "ext4"));

    @Option(names = "--dir", paramLabel = "<directory>",
            description = "Compare on this directory's filesystem instead (a subdirectory is made and removed).")
    private Path dir;

    @Option(names = "--scratch-dir", paramLabel = "<directory>",
            description = "Where scratch images and mounts go (default: ${DEFAULT-VALUE}).")
    private Path scratchBase = ScratchSession.DEFAULT_BASE;

    @Option(names = "--like-profile",
            description = "Read as the default profile's seed scenario does: its file (" + FileSizes.DEFAULT_RANGES
                    + " read ranges of " + ScenarioDefaults.READ_SIZE + " bytes, " + ScenarioDefaults.EXTENTS
                    + " extents each) and the suite's buffer re-armed to pattern ALL before every read (its "
                    + "FIRST and NONE take kernel paths fio's resident buffer cannot); overrides --file-size, "
                    + "--read-size and --extents.")
    private boolean likeProfile;

    @Option(names = "--file-size", paramLabel = "<size>", defaultValue = "256m",
            description = "The file both tools read (default: ${DEFAULT-VALUE}): large enough that reads rarely "
                    + "meet again in any cache, small enough to write quickly.")
    private String fileSize;

    @Option(names = "--read-size", paramLabel = "<size>", defaultValue = "16k",
            description = "Bytes per read, fio's bs (default: ${DEFAULT-VALUE}, an InnoDB page).")
    private String readSize;

    @Option(names = "--extents", paramLabel = "<n>", defaultValue = "4",
            description = "Extents each read range is laid out in (default: ${DEFAULT-VALUE}, the suite's seed file).")
    private int extents;

    @Option(names = "--queue-depths", split = ",", paramLabel = "<qd>",
            description = "Queue depths to compare at, fio's iodepth (default: ${DEFAULT-VALUE}).")
    private List<Integer> queueDepths = new ArrayList<>(List.of(1, 16));

    @Option(names = "--submit-batch", paramLabel = "<n>", defaultValue = "1",
            description = "Reads per submit call, fio's iodepth_batch_submit (default: ${DEFAULT-VALUE}).")
    private int submitBatch;

    @Option(names = "--warmup-seconds", paramLabel = "<s>", defaultValue = "2",
            description = "fio's ramp_time and the suite's JMH warm-up iterations of 1 s (default: ${DEFAULT-VALUE}).")
    private int warmupSeconds;

    @Option(names = "--seconds", paramLabel = "<s>", defaultValue = "5",
            description = "fio's runtime and the suite's JMH measurement iterations of 1 s (default: ${DEFAULT-VALUE}).")
    private int measuredSeconds;

    @Option(names = "--repetitions", paramLabel = "<n>", defaultValue = "5",
            description = "Runs of each tool per comparison, alternating; each pair gives one ratio, and the 95% "
                    + "interval needs at least 2 (default: ${DEFAULT-VALUE}).")
    private int repetitions;

    @Option(names = "--suite-ring-flags", paramLabel = "<how>", defaultValue = "fio",
            description = "The suite's ring setup flags: 'fio' (COOP_TASKRUN, SINGLE_ISSUER, DEFER_TASKRUN, as fio "
                    + "3.33 sets them) or 'none' (the suite's default) (default: ${DEFAULT-VALUE}).")
    private String suiteRingFlags;

    @Option(names = "--cpu-idle", paramLabel = "<how>", defaultValue = "as-is",
            description = "'as-is': leave CPU idle states as the machine has them; 'poll': hold /dev/cpu_dma_latency "
                    + "at 0 while measuring, so idle CPUs poll instead of halting and no read waits for a halted "
                    + "(virtual) CPU to wake (default: ${DEFAULT-VALUE}).")
    private String cpuIdle;

    @Option(names = "--keep", paramLabel = "<directory>",
            description = "Keep fio's JSON and the suite's results here (default: a temporary directory, removed).")
    private Path keep;

    @Option(names = "--show-jmh", description = "Print JMH's own report of each suite run.")
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
        return OneLineCommand.of(new FioFidelity(), "fio-fidelity", out, err).execute(args);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExtentFileSpec fileSpec = fileSpec();
        checkChoices(fileSpec);
        String fioVersion = FioProcess.version(); // first, so a missing fio is the one line said
        requireUsable(Availability.ioUring(), "io_uring is unavailable here");
        if (cpuIdle.equals("poll")) {
            requireUsable(Availability.root(), "--cpu-idle=poll holds " + CpuIdleLimit.DEVICE);
        }
        if (dir == null) {
            requireUsable(Availability.loopDevices(), "no scratch filesystems (or name a directory of yours with --dir)");
            for (String fs : filesystems) {
                requireUsable(Availability.filesystem(fs), "no scratch " + fs);
            }
        }
        Path results = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("fio-fidelity-");
        // The file, and the spacer beside it while its extents are laid out, and some slack.
        long needBytes = 2 * fileSpec.fileBytes() + (64L << 20);
        try (Workspace place = dir != null ? Workspace.userDirectory(dir, false, needBytes)
                : Workspace.scratch(scratchBase, Math.max(1L << 30, 3 * fileSpec.fileBytes()))) {
            Map<String, Target> targets = new LinkedHashMap<>();
            for (String fs : dir != null ? List.of(filesystemOf(dir)) : filesystems) {
                targets.put(fs, place.target(fs));
            }
            Map<String, ExtentFile> files = new LinkedHashMap<>();
            List<SameRead> reads = new ArrayList<>();
            for (String fs : targets.keySet()) {
                err.println("fio-fidelity: laying out " + (fileSpec.fileBytes() >> 20) + " MiB on " + fs + " ("
                        + fileSpec.extentsPerRange() + " extents per " + (fileSpec.rangeBytes() >> 10) + " KiB read range)");
                ExtentFile file = ExtentFile.obtain(targets.get(fs).directory(), fileSpec);
                files.put(fs, file);
                for (int qd : queueDepths) {
                    reads.add(new SameRead(fs, file.path(), fileSpec, qd, submitBatch, warmupSeconds, measuredSeconds,
                            suitePattern()));
                }
            }
            double busyBefore = CpuBusy.over(1000);
            AlternatingRuns runs = new AlternatingRuns(repetitions, place.kind().label(), results, suiteProperties(),
                    showJmh, err);
            CpuIdleLimit idle = cpuIdle.equals("poll") ? CpuIdleLimit.hold() : null;
            try {
                runs.runAll(reads);
            } finally {
                if (idle != null) {
                    idle.close();
                }
            }
            new FidelityReport(out).print(new FidelityReport.Context(fioVersion, targets, files, repetitions, cpuIdle,
                    busyBefore), runs);
            long wrong = runs.comparisons().stream().mapToLong(Comparison::wrongReads).sum();
            if (wrong > 0) {
                err.println("fio-fidelity: " + wrong + " reads came back short or wrong (or fio stopped on an error): "
                        + "the figures are not of correct reads");
                return ExitCode.FINDINGS;
            }
            return ExitCode.OK;
        } finally {
            if (keep == null) {
                deleteTree(results);
            } else {
                err.println("fio-fidelity: fio's JSON and the suite's results are in " + results);
            }
        }
    }

    /** The suite's buffer pattern: fio's (resident), or the profile's seed read with its whole buffer touched. */
    private FaultPattern suitePattern() {
        return likeProfile ? FaultPattern.ALL : SameRead.FIO_PATTERN;
    }

    private ExtentFileSpec fileSpec() {
        if (likeProfile) {
            return ExtentFileSpec.forReads(Integer.parseInt(ScenarioDefaults.READ_SIZE),
                    Integer.parseInt(ScenarioDefaults.EXTENTS), FileSizes.DEFAULT_RANGES, FileVariant.PLAIN);
        }
        long read = parseSize("--read-size", readSize);
        long file = parseSize("--file-size", fileSize);
        if (read > Integer.MAX_VALUE || read % ExtentFileSpec.BLOCK != 0) {
            throw new BadInputException("--read-size must be whole 4 KiB pages, not " + readSize);
        }
        if (file % read != 0 || file < read) {
            throw new BadInputException("--file-size " + fileSize + " must be a whole number of reads of " + readSize);
        }
        try {
            return ExtentFileSpec.forReads((int) read, extents, file / read, FileVariant.PLAIN);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private void checkChoices(ExtentFileSpec fileSpec) {
        if (dir == null) {
            filesystems.forEach(fs -> Filesystem.parse(fs, " in --fs"));
        }
        for (int qd : queueDepths) {
            if (qd < 1 || submitBatch < 1 || submitBatch > qd) {
                throw new BadInputException("each queue depth must be at least 1 and at least the submit batch (" + submitBatch
                        + "), not " + qd);
            }
        }
        if (warmupSeconds < 0 || measuredSeconds < 1 || repetitions < 1) {
            throw new BadInputException("--warmup-seconds must be 0 or more, --seconds and --repetitions at least 1");
        }
        // The suite's own parser refuses what the suite cannot run: asked now, before any file is made.
        for (int qd : queueDepths) {
            new SameRead(dir == null ? filesystems.get(0) : "ext4", Path.of("/"), fileSpec, qd, submitBatch,
                    warmupSeconds, measuredSeconds, suitePattern()).scenario().scenario().requireRunnable(512);
        }
        if (!cpuIdle.equals("poll") && !cpuIdle.equals("as-is")) {
            throw new BadInputException("--cpu-idle is poll or as-is, not " + cpuIdle);
        }
        if (!suiteRingFlags.equals("fio") && !suiteRingFlags.equals("none")) {
            throw new BadInputException("--suite-ring-flags is fio or none, not " + suiteRingFlags);
        }
    }

    private static long parseSize(String option, String value) {
        return BenchConfig.bytes(option, value);
    }

    /** The fork's properties beyond the read: the ring's setup flags, matched to fio's unless told otherwise. */
    private Map<String, String> suiteProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        if (suiteRingFlags.equals("fio")) {
            p.put(RingFlagsProperty.NAME, RingFlagsProperty.FIO_3_33);
        }
        if (cpuIdle.equals("poll")) {
            // The fork writes the metadata; the limit is held by this process, so the fork is told.
            p.put(SystemFacts.CPU_IDLE_LIMIT_PROPERTY.substring(BenchConfig.PREFIX.length()), CpuIdleLimit.DESCRIPTION);
        }
        return p;
    }

    private static void requireUsable(Availability.Answer answer, String what) {
        if (!answer.usable()) {
            throw new IllegalStateException(what + ": " + answer.reason());
        }
    }


    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("fio-fidelity: cannot remove " + root + ": " + e.getMessage());
        }
    }

    /** The filesystem of the user's directory: the only one compared there (btrfs, ext4 or xfs). */
    private static String filesystemOf(Path dir) {
        try (FileHandle h = FileHandle.open(dir, LibC.O_RDONLY)) {
            String fs = h.statFs().typeName();
            if (Filesystem.byName(fs) == null) {
                throw new BadInputException(dir + " is on " + fs + ": the suite reads " + Filesystem.choices());
            }
            return fs;
        }
    }
}
