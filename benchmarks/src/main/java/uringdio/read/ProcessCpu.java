package uringdio.read;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * CPU time of this process (its io-wq workers are threads of it, so their time is included) and
 * the io-wq workers ({@code iou-wrk-*} threads) seen so far: where the forced wait now runs.
 */
public final class ProcessCpu {

    /** USER_HZ, the unit of /proc/[pid]/stat times: 100 on every Linux ABI the suite runs on. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Path SELF_STAT = Path.of("/proc/self/stat");
    private static final Path TASKS = Path.of("/proc/self/task");

    private final Set<String> workersSeen = new HashSet<>();

    /** User and system CPU seconds of the whole process so far, exited threads included. */
    public record Times(double userSeconds, double systemSeconds) {
        public Times minus(Times earlier) {
            return new Times(userSeconds - earlier.userSeconds, systemSeconds - earlier.systemSeconds);
        }
    }

    public static Times now() {
        try {
            String stat = Files.readString(SELF_STAT);
            // Fields after the parenthesised command (which may contain spaces): state is field 3,
            // utime field 14, stime field 15.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new Times(Long.parseLong(f[11]) / TICKS_PER_SECOND, Long.parseLong(f[12]) / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return new Times(Double.NaN, Double.NaN);
        }
    }

    /** Notes the io-wq workers alive now; returns how many distinct ones have been seen. */
    public int sampleWorkers() {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith("iou-wrk-")) {
                        workersSeen.add(task.getFileName().toString());
                    }
                } catch (IOException gone) {
                    // the thread exited between listing and reading
                }
            }
        } catch (IOException e) {
            // /proc unreadable: report what was seen
        }
        return workersSeen.size();
    }

    public int workersSeen() {
        return workersSeen.size();
    }
}
