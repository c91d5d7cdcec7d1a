package uringdio.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uringdio.fixture.Commands;
import uringdio.libc.LibC;
import uringdio.uring.IoUring;

/** What the machine is, for metadata.json and the findings: a result without its machine is not a result. */
public final class SystemFacts {

    private SystemFacts() {
    }

    public static String kernel() {
        return System.getProperty("os.version");
    }

    public static String host() {
        return read("/proc/sys/kernel/hostname", "unknown-host");
    }

    public static Map<String, String> collect() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("time", Instant.now().toString());
        m.put("kernel", kernel());
        m.put("kernel_version", read("/proc/sys/kernel/version", ""));
        m.put("distribution", osRelease());
        m.put("host", host());
        m.put("cpu_model", cpuModel());
        m.put("cpu_count", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("memory_kib", meminfo("MemTotal"));
        m.put("page_size", Integer.toString(LibC.pageSize()));
        m.put("liburing", liburingVersion());
        m.put("io_uring_disabled_sysctl", IoUring.ioUringDisabledSysctl());
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("jna", com.sun.jna.Native.VERSION);
        m.put("jmh", org.openjdk.jmh.util.Utils.class.getPackage().getImplementationVersion() == null
                ? "1.37" : org.openjdk.jmh.util.Utils.class.getPackage().getImplementationVersion());
        m.put("git_revision", gitRevision());
        m.put("command_line", ProcessHandle.current().info().commandLine().orElse(""));
        // A JMH fork's own command line says little; the command the user typed is its parent's.
        m.put("parent_command_line", ProcessHandle.current().parent().flatMap(p -> p.info().commandLine()).orElse(""));
        return m;
    }

    static String read(String file, String dflt) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            return dflt;
        }
    }

    static String osRelease() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring(12).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }

    static String meminfo(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith(key + ":")) {
                    return line.substring(key.length() + 1).replace("kB", "").strip();
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "";
    }

    /** The liburing the binding loads: the real file behind liburing.so.2 names its version. */
    static String liburingVersion() {
        for (String dir : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib")) {
            Path so = Path.of(dir, "liburing.so.2");
            if (Files.exists(so)) {
                try {
                    return so.toRealPath().getFileName().toString().replace("liburing.so.", "");
                } catch (IOException e) {
                    return "2 (version unknown)";
                }
            }
        }
        return "not found";
    }

    static String gitRevision() {
        Commands.Result rev = Commands.tryRun("git", "rev-parse", "HEAD");
        if (!rev.ok()) {
            return "unknown (not run from a git checkout)";
        }
        Commands.Result dirty = Commands.tryRun("git", "status", "--porcelain", "--untracked-files=no");
        return rev.output().strip() + (dirty.ok() && !dirty.output().isBlank() ? "-dirty" : "");
    }
}
