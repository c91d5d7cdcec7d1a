package uringdio.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import uringdio.bench.BenchConfig;
import uringdio.bench.PlannedScenario;
import uringdio.cli.BadInputException;
import uringdio.fixture.Workspace;
import uringdio.libc.FileHandle;
import uringdio.libc.LibC;
import uringdio.libc.StatFs;
import uringdio.platform.Availability;
import uringdio.scenario.Filesystem;

/**
 * Where a run's files go: a device of the user's with {@code --format-device}, the user's
 * directory with {@code --dir}, scratch filesystems on loop devices as root, the current
 * directory otherwise. Each refusal is bad input in one line that says what to do instead.
 */
final class TargetChoice {

    private final RunMain options;
    private final PrintStream out;

    TargetChoice(RunMain options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** The workspace for {@code plan}, checked for room and O_DIRECT. */
    Workspace choose(Profile plan) {
        long need = Math.max(plan.sizes().largeFileSize() * 3, 512L << 20);
        if (options.device != null) {
            if (plan.filesystems().size() > 1) {
                throw new BadInputException("a device holds one filesystem at a time: add --fs " + plan.filesystems().get(0));
            }
            require(Availability.root());
            return Workspace.device(options.scratchDir, options.device, options.deviceConfirmation);
        }
        if (options.dir != null) {
            requireUsableDirectory(options.dir, need, "choose a --dir you can write, or run as root");
            return Workspace.userDirectory(options.dir, false, need);
        }
        Availability.Answer loop = Availability.loopDevices();
        if (loop.usable()) {
            for (Filesystem fs : plan.filesystems()) {
                require(Availability.filesystem(fs.label()));
            }
            requireScratchSpace(plan.filesystems().size());
            return Workspace.scratch(options.scratchDir, BenchConfig.bytes("--image-size", options.imageSize));
        }
        Path cwd = Path.of("").toAbsolutePath();
        requireUsableDirectory(cwd, need, "run with --dir DIR on a filesystem you can write, or as root "
                + "(for scratch filesystems)");
        out.println("uring-dio-bench: " + loop.reason());
        out.println("  Running in the current directory " + cwd + " instead. What that loses: only the scenarios of its "
                + "filesystem run (no btrfs-against-ext4/xfs comparison unless it is one of them); reads go to whatever "
                + "device holds it, with its caches, not to an isolated loop device; btrfs variants need btrfs.");
        return Workspace.userDirectory(cwd, true, need);
    }

    /** With a user's directory only its filesystem's scenarios can run: says which are dropped and why. */
    Profile keepRunnable(Profile plan, Workspace targets) {
        if (targets.kind() != Workspace.Kind.USER_DIRECTORY && targets.kind() != Workspace.Kind.CURRENT_DIRECTORY) {
            return plan;
        }
        Path d = options.dir != null ? options.dir : Path.of("").toAbsolutePath();
        String fs;
        try (FileHandle h = FileHandle.open(d, LibC.O_RDONLY)) {
            fs = h.statFs().typeName();
        }
        List<PlannedScenario> keep = plan.scenarios().stream().filter(s -> s.scenario().fs().label().equals(fs)).toList();
        if (keep.isEmpty()) {
            throw new BadInputException(d + " is on " + fs + ", and no scenario of this run reads " + fs
                    + ": the suite reads " + Filesystem.choices());
        }
        if (keep.size() < plan.scenarios().size()) {
            out.println("uring-dio-bench: " + d + " is on " + fs + ": running its " + keep.size() + " scenarios, skipping "
                    + (plan.scenarios().size() - keep.size()) + " on other filesystems");
        }
        return plan.with(keep);
    }

    private static void require(Availability.Answer a) {
        if (!a.usable()) {
            throw new BadInputException(a.reason());
        }
    }

    private static void requireUsableDirectory(Path d, long need, String instead) {
        Path abs = d.toAbsolutePath();
        if (Files.isDirectory(abs) && !Files.isWritable(abs)) {
            throw new BadInputException("cannot write " + abs + ": " + instead);
        }
        Availability.Answer a = Availability.directIo(abs);
        if (!a.usable()) {
            throw new BadInputException(a.reason().contains("EACCES") || a.reason().contains("EPERM")
                    ? "cannot write " + abs + ": " + instead : a.reason());
        }
        try (FileHandle h = FileHandle.open(d, LibC.O_RDONLY)) {
            StatFs fs = h.statFs();
            if (fs.availableBytes() < need) {
                throw new BadInputException(d + " has " + (fs.availableBytes() >> 20) + " MiB free, the run needs "
                        + (need >> 20) + " MiB: free some space or lower --large-file-size");
            }
        }
    }

    private void requireScratchSpace(int filesystems) {
        Path scratch = options.scratchDir;
        try {
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw BadInputException.cannotWrite(scratch, e);
        }
        Availability.Answer a = Availability.directIo(scratch);
        if (!a.usable()) {
            throw new BadInputException("scratch images need O_DIRECT where they live (loop devices read them "
                    + "directly): " + a.reason() + "; choose another --scratch-dir");
        }
        long need = (long) filesystems * (3L << 30);
        try (FileHandle h = FileHandle.open(scratch, LibC.O_RDONLY)) {
            long free = h.statFs().availableBytes();
            if (free < need) {
                throw new BadInputException(scratch + " has " + (free >> 20) + " MiB free, scratch images for "
                        + filesystems + " filesystem(s) need up to " + (need >> 20) + " MiB: choose another --scratch-dir");
            }
        }
    }
}
