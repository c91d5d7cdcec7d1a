package uringdio.fidelity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the CPUs are, from {@code /proc/stat}: sampled before the runs, so that a report made
 * while something else was running says so. The load average cannot tell: a thread waiting for
 * a direct read in D state counts in it, the comparison's own included.
 */
final class CpuBusy {

    private CpuBusy() {
    }

    /** The share of CPU time not idle and not waiting for I/O over {@code millis}, 0 to 1; NaN if unknown. */
    static double over(long millis) {
        long[] a = read();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
        long[] b = read();
        if (a == null || b == null) {
            return Double.NaN;
        }
        long total = 0;
        long idle = 0;
        for (int i = 0; i < a.length; i++) {
            long d = b[i] - a[i];
            total += d;
            if (i == 3 || i == 4) { // idle, iowait
                idle += d;
            }
        }
        return total == 0 ? Double.NaN : (double) (total - idle) / total;
    }

    /** user nice system idle iowait irq softirq steal, in clock ticks. */
    private static long[] read() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] v = new long[8];
            for (int i = 0; i < v.length; i++) {
                v[i] = Long.parseLong(f[i + 1]);
            }
            return v;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
