package uringdio.uring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import uringdio.layout.NativeLayout;
import uringdio.layout.StructLayout;
import uringdio.libc.NativeCallException;

/**
 * Whether rings can be made here, decided once: liburing loads, the binding's offsets match the
 * installed headers, and the kernel lets a small ring be set up. Kept apart from {@link IoUring}
 * so the ring class holds only what a live ring does.
 */
public final class IoUringSupport {

    private IoUringSupport() {
    }

    /** Every struct the binding reads or writes by offset, for the check against the headers. */
    public static List<StructLayout> layouts() {
        List<StructLayout> all = new ArrayList<>(List.of(IoUringSqe.LAYOUT, IoUringCqe.LAYOUT,
                LiburingRing.LAYOUT, IoUringParams.LAYOUT, Iovec.LAYOUT));
        all.addAll(Probe.LAYOUTS);
        return all;
    }

    /** Every difference between the binding's offsets and constants and the installed headers. */
    public static List<String> layoutMismatches() {
        List<String> wrong = new ArrayList<>();
        for (StructLayout l : layouts()) {
            wrong.addAll(l.mismatches());
        }
        wrong.addAll(NativeLayout.constantMismatches(Opcode.javaConstants()));
        return wrong;
    }

    /**
     * Null when rings can be made here; otherwise why not, in one line that says how to fix it
     * (liburing missing, io_uring disabled, headers the binding does not match). Decided once.
     */
    public static String unavailabilityCause() {
        return Once.CAUSE;
    }

    public static boolean isAvailable() {
        return Once.CAUSE == null;
    }

    /** The value of the kernel.io_uring_disabled sysctl (6.6+), or "absent". */
    public static String ioUringDisabledSysctl() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/io_uring_disabled")).trim();
        } catch (Exception e) {
            return "absent";
        }
    }

    /** Holder: the probe runs on first use, by making and closing a small ring. */
    private static final class Once {
        static final String CAUSE = probe();

        private static String probe() {
            try {
                Liburing.load();
            } catch (UnsatisfiedLinkError e) {
                return e.getMessage();
            }
            List<String> wrong;
            try {
                wrong = layoutMismatches();
            } catch (UnsatisfiedLinkError e) {
                return "liburingdio.so (the binding's layout table) cannot be loaded: " + e.getMessage()
                        + "; rebuild with `mvn package`";
            }
            if (!wrong.isEmpty()) {
                return "the io_uring binding does not match the installed liburing headers: " + String.join("; ", wrong);
            }
            try (IoUring ring = IoUring.builder().entries(2).buildUnchecked()) {
                return null;
            } catch (NativeCallException e) {
                return "io_uring is unavailable: " + e.getMessage();
            }
        }
    }
}
