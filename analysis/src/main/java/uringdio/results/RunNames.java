package uringdio.results;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The name of a run's results directory: when (UTC), on which kernel, on which host. */
public final class RunNames {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private RunNames() {
    }

    /** {@code 20261125-093012_6.18.44-fc-v769_vm}. */
    public static String of(Instant start, String kernel, String host) {
        return TIME.format(start) + "_" + safe(kernel) + "_" + safe(host);
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
