package uringdio.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uringdio.libc.FileHandle;
import uringdio.libc.NativeCallException;
import uringdio.libc.StatFs;
import uringdio.trace.TraceSupport;
import uringdio.uring.IoUringSupport;

/**
 * The one place that decides what can run here: io_uring, liburing, O_DIRECT on a path, root,
 * loop devices, each filesystem. Each answer carries the reason in one line that says how to fix
 * it; tests assume on these answers and print the reason when they skip.
 */
public final class Availability {

    /** Whether something is usable, and if not, why and what to do. */
    public record Answer(boolean usable, String reason) {
        static Answer yes() {
            return new Answer(true, "");
        }

        static Answer no(String reason) {
            return new Answer(false, reason);
        }
    }

    private static final Map<String, Answer> CACHE = new ConcurrentHashMap<>();

    private Availability() {
    }

    /** Can io_uring rings be made: liburing loads, the binding matches its headers, the kernel allows it. */
    public static Answer ioUring() {
        return CACHE.computeIfAbsent("io_uring", k -> answer(IoUringSupport.unavailabilityCause()));
    }

    /**
     * Can the suite read tracepoints: root (event ids, formats and instances are root's files
     * even where tracefs is mounted), tracefs mounted or mountable, and every event it traces
     * present on this kernel (the reason names a missing one). Probed once by {@link TraceSupport}.
     */
    public static Answer tracepoints() {
        if (!root().usable()) {
            return Answer.no("not running as root: tracefs (event ids, formats, trace instances) is root's; rerun with sudo");
        }
        return answer(TraceSupport.tracefsUnavailabilityCause());
    }

    /**
     * Can exact CPU-wide tracepoint counts be taken through perf_event_open: perf events in the
     * kernel, root (CPU-wide tracepoint counters need CAP_PERFMON unless
     * kernel.perf_event_paranoid is -1), tracepoints as above, and a trial counter opens.
     */
    public static Answer perfCounters() {
        String paranoid = readTrimmed(Path.of("/proc/sys/kernel/perf_event_paranoid"));
        if (paranoid == null) {
            return Answer.no("no /proc/sys/kernel/perf_event_paranoid: this kernel has no perf events (CONFIG_PERF_EVENTS)");
        }
        if (!root().usable()) {
            return Answer.no("not running as root: CPU-wide tracepoint counters need CAP_PERFMON or "
                    + "kernel.perf_event_paranoid=-1 (it is " + paranoid + "), and tracefs is root's; rerun with sudo");
        }
        Answer tracepoints = tracepoints();
        return tracepoints.usable() ? answer(TraceSupport.perfCountersUnavailabilityCause()) : tracepoints;
    }

    private static String readTrimmed(Path p) {
        try {
            return Files.readString(p).trim();
        } catch (IOException e) {
            return null;
        }
    }

    private static Answer answer(String cause) {
        return cause == null ? Answer.yes() : Answer.no(cause);
    }

    /** Are we root (uid 0)? Loop devices, mkfs and mount need it. */
    public static Answer root() {
        return CACHE.computeIfAbsent("root", k -> "0".equals(effectiveUid()) ? Answer.yes()
                : Answer.no("not running as root: loop devices, mkfs and mount need it; rerun with sudo, or name a directory with --dir"));
    }

    static String effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2];
                }
            }
        } catch (IOException e) {
            // fall through: unknown counts as not root
        }
        return "unknown";
    }

    /** Can we make loop-mounted scratch filesystems: root, loop devices, losetup. */
    public static Answer loopDevices() {
        return CACHE.computeIfAbsent("loop", k -> {
            Answer root = root();
            if (!root.usable()) {
                return root;
            }
            if (!Files.exists(Path.of("/dev/loop-control"))) {
                return Answer.no("no /dev/loop-control: this kernel has no loop device support (modprobe loop)");
            }
            if (!onPath("losetup")) {
                return Answer.no("losetup not found: run `apt-get install -y mount`");
            }
            return Answer.yes();
        });
    }

    /** Can this kernel mount {@code fs}, and is its mkfs installed? */
    public static Answer filesystem(String fs) {
        return CACHE.computeIfAbsent("fs:" + fs, k -> {
            try {
                boolean known = Files.readAllLines(Path.of("/proc/filesystems")).stream()
                        .anyMatch(l -> l.trim().equals(fs) || l.endsWith("\t" + fs));
                if (!known) {
                    return Answer.no("the kernel does not list " + fs + " in /proc/filesystems: modprobe " + fs);
                }
            } catch (IOException e) {
                return Answer.no("cannot read /proc/filesystems: " + e.getMessage());
            }
            String mkfs = "mkfs." + fs;
            if (!onPath(mkfs)) {
                return Answer.no(mkfs + " not found: run `apt-get install -y " + packageOf(fs) + "` (or `sudo ./uring-dio-bench setup`)");
            }
            return Answer.yes();
        });
    }

    /** The Debian package that holds {@code mkfs.<fs>}. */
    public static String packageOf(String fs) {
        return switch (fs) {
            case "btrfs" -> "btrfs-progs";
            case "xfs" -> "xfsprogs";
            case "ext4" -> "e2fsprogs";
            default -> fs + "-progs";
        };
    }

    /**
     * Does {@code dir} take O_DIRECT reads that reach a disk: it exists, is a directory, is
     * writable, a file made in it opens with O_DIRECT, and it is not tmpfs. Not cached: the
     * answer belongs to the path.
     */
    public static Answer directIo(Path dir) {
        if (!Files.exists(dir)) {
            return Answer.no(dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            return Answer.no(dir + " is not a directory");
        }
        Path probe = dir.resolve(".uring-dio-bench-odirect-probe-" + ProcessHandle.current().pid());
        try {
            try (FileHandle f = FileHandle.createDirect(probe)) {
                StatFs fs = f.statFs();
                if (fs.readOnly()) {
                    return Answer.no(dir + " is on a read-only filesystem");
                }
                if (fs.type() == StatFs.TMPFS_MAGIC) {
                    // Before 6.6 tmpfs refuses O_DIRECT (EINVAL, caught below); since, it accepts it
                    // and serves it from memory: either way no read would reach a device.
                    return Answer.no(dir + " is on tmpfs, which has no disk behind O_DIRECT; "
                            + "use a directory on btrfs, ext4 or xfs");
                }
            }
            return Answer.yes();
        } catch (NativeCallException e) {
            return Answer.no(e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // the probe file could not be made in the first place
            }
        }
    }

    /** Is an executable named {@code tool} on PATH (or in /sbin, /usr/sbin, which sudo-less PATHs omit)? */
    public static boolean onPath(String tool) {
        return which(tool) != null;
    }

    /** The full path of {@code tool}, or null. */
    public static Path which(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        for (String d : path.split(":")) {
            if (d.isEmpty()) {
                continue;
            }
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
