package uringdio.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The CPUs online now, from /sys/devices/system/cpu/online ({@code 0-3,6}): one counter is opened on each. */
final class OnlineCpus {

    private OnlineCpus() {
    }

    static List<Integer> list() {
        try {
            return parse(Files.readString(Path.of("/sys/devices/system/cpu/online")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /sys/devices/system/cpu/online", e);
        }
    }

    /** Parses the kernel's cpulist format: comma-separated numbers and inclusive ranges. */
    static List<Integer> parse(String cpulist) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : cpulist.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int dash = part.indexOf('-');
            int first = Integer.parseInt(part.substring(0, dash < 0 ? part.length() : dash).trim());
            int last = dash < 0 ? first : Integer.parseInt(part.substring(dash + 1).trim());
            for (int c = first; c <= last; c++) {
                cpus.add(c);
            }
        }
        return cpus;
    }
}
