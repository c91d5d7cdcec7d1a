package uringdio.fidelity;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import uringdio.fixture.SystemFacts;

/**
 * Keeps idle CPUs in idle states with no exit latency (on a KVM guest with the haltpoll driver:
 * polling instead of halting) while it is open, through the kernel's PM QoS request
 * {@code /dev/cpu_dma_latency} set to 0: the knob tuned's latency-performance profile and
 * cyclictest use. Closing it, or the process ending, lifts the request.
 *
 * <p>What it changes: a read's completion wakes the waiting thread, and on a VM an idle vCPU
 * that halted is woken through the host. On a 2-vCPU guest (haltpoll, guest_halt_poll_ns=0),
 * fio's QD1 16 KiB read on btrfs (two wake-ups a read: the io-wq worker's and the submitter's)
 * took p50 171-183 us with halting allowed and 95 us with this held.
 *
 * <p>Why it is not the default: on that guest it did not make the two tools agree better. With
 * it held the suite's own per-read work got slower (its data check 2.5 to 4.1 us a read) and on
 * ext4 at QD16 its reads/s fell to 0.73 of fio's, against 0.93 to 0.98 with idle states left
 * alone; btrfs agreed within 3% either way. It stays an option for machines where the wake-up,
 * not the CPU work, is what differs.
 */
final class CpuIdleLimit implements AutoCloseable {

    static final Path DEVICE = Path.of("/dev/cpu_dma_latency");
    /** What metadata.json says while the limit is held. */
    static final String DESCRIPTION = DEVICE + " held at 0 us (idle CPUs poll)";
    private static final Path HALT_POLL_NS = Path.of("/sys/module/haltpoll/parameters/guest_halt_poll_ns");

    private final FileOutputStream request;

    private CpuIdleLimit(FileOutputStream request) {
        this.request = request;
    }

    /** Holds the limit until {@link #close()}; throws, saying why, where the request cannot be made (not root). */
    static CpuIdleLimit hold() {
        try {
            FileOutputStream out = new FileOutputStream(DEVICE.toFile());
            // A 4-byte binary s32, the latency limit in microseconds (the kernel also takes hex text).
            out.write(new byte[4]);
            out.flush();
            SystemFacts.cpuIdleLimitSetBySuite(DESCRIPTION);
            return new CpuIdleLimit(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot hold " + DEVICE + " at 0 (" + e.getMessage()
                    + "): run as root, or pass --cpu-idle=as-is");
        }
    }

    /**
     * The cpuidle driver and governor, for the report ({@code haltpoll/haltpoll}), with the guest's
     * halt-polling window where the haltpoll driver has one: 0 means a vCPU halts at once.
     */
    static String idleDriver() {
        Path base = Path.of("/sys/devices/system/cpu/cpuidle");
        String driver;
        try {
            driver = Files.readString(base.resolve("current_driver")).strip() + "/"
                    + Files.readString(base.resolve("current_governor")).strip();
        } catch (IOException e) {
            return "no cpuidle driver";
        }
        try {
            return driver + " (guest_halt_poll_ns=" + Files.readString(HALT_POLL_NS).strip() + ")";
        } catch (IOException e) {
            return driver;
        }
    }

    @Override
    public void close() {
        SystemFacts.cpuIdleLimitSetBySuite(null);
        try {
            request.close();
        } catch (IOException e) {
            // the request goes with the file descriptor, which is gone either way
        }
    }
}
