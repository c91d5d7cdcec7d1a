package uringdio.read;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * CPU time of this process (its io-wq workers are threads of it, so their time is included), of
 * the io-wq workers ({@code iou-wrk-*} threads) alone, and of the whole machine, which also holds
 * what no thread of ours runs: btrfs's checksum and end-io workqueues, the loop device's worker,
 * interrupts. And the io-wq workers seen so far: where the forced wait now runs.
 */
public final class ProcessCpu {

    /** USER_HZ, the unit of /proc/[pid]/stat times: 100 on every Linux ABI the suite runs on. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Path SELF_STAT = Path.of("/proc/self/stat");
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path MACHINE_STAT = Path.of("/proc/stat");
    private static final double NANOS_PER_TICK = 1e9 / TICKS_PER_SECOND;

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

    /**
     * CPU time every CPU of the machine spent not idle since boot, in ns: the first line of
     * /proc/stat (user, nice, system, irq, softirq, steal, in USER_HZ ticks) less idle and iowait.
     * NaN if unreadable.
     */
    public static double machineBusyNanos() {
        try (java.io.BufferedReader r = Files.newBufferedReader(MACHINE_STAT)) {
            String[] f = r.readLine().trim().split("\\s+"); // "cpu user nice system idle iowait irq softirq steal ..."
            long busy = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Notes the io-wq workers alive now and returns the CPU time each has had, in ns on CPU
     * (/proc/self/task/TID/schedstat's first field), by thread id.
     */
    public Map<String, Long> sampleWorkers() {
        Map<String, Long> onCpu = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith("iou-wrk-")) {
                        String tid = task.getFileName().toString();
                        workersSeen.add(tid);
                        String schedstat = Files.readString(task.resolve("schedstat"));
                        onCpu.put(tid, Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread exited between listing and reading
                }
            }
        } catch (IOException e) {
            // /proc unreadable: report what was seen
        }
        return onCpu;
    }

    /**
     * The io-wq workers' CPU between two {@link #sampleWorkers} samples, in ns: a worker born in
     * between counts from 0; one that exited in between is missing (io-wq lets an idle worker
     * go after a few seconds), so this is a lower bound.
     */
    public static long workerNanosBetween(Map<String, Long> before, Map<String, Long> after) {
        long sum = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            sum += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
        }
        return sum;
    }

    public int workersSeen() {
        return workersSeen.size();
    }
}
