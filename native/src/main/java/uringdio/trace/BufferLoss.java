package uringdio.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Events a trace instance's buffer lost, from each {@code per_cpu/cpuN/stats}: {@code overrun}
 * (overwritten when the buffer wrapped), {@code commit overrun} (lost while a nested write was
 * committing), {@code dropped events} (refused when full with overwrite off). A traced pass that
 * lost events says so; its records are then incomplete.
 */
public record BufferLoss(long overrun, long commitOverrun, long dropped) {

    public long total() {
        return overrun + commitOverrun + dropped;
    }

    /** Sums the stats of every CPU directory under {@code instance/per_cpu}. */
    static BufferLoss read(Path instance) {
        long overrun = 0;
        long commit = 0;
        long dropped = 0;
        try (Stream<Path> cpus = Files.list(instance.resolve("per_cpu"))) {
            for (Path cpu : cpus.toList()) {
                List<String> lines = Files.readAllLines(cpu.resolve("stats"));
                overrun += value(lines, "overrun");
                commit += value(lines, "commit overrun");
                dropped += value(lines, "dropped events");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the buffer stats of " + instance, e);
        }
        return new BufferLoss(overrun, commit, dropped);
    }

    private static long value(List<String> lines, String key) {
        for (String line : lines) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.substring(key.length() + 1).trim());
            }
        }
        throw new IllegalStateException("no `" + key + "` line in a per_cpu stats file: " + lines);
    }
}
