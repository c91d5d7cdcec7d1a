package uringdio.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import uringdio.attribution.UserDataTag;
import uringdio.trace.KernelDev;
import uringdio.uring.Opcode;

/**
 * Tracepoint filters that keep a scenario's own events and nothing else: the filesystem's events
 * for its fixture file only (by the superblock's device and the inode), so the loop device's own
 * direct I/O on its image file, on another device, is never counted; and io_uring's events for
 * this process's reads only (by the read opcodes and the tag in their user_data).
 *
 * <p>The device is the superblock's, as {@code /proc/self/mountinfo} gives it: on btrfs it is not
 * what {@code stat} says (a subvolume has a device number of its own), and a filter built from
 * st_dev would count nothing there.
 */
public record FixtureEvents(long kernelDev, long inode, int readSize) {

    /** Filters for reads of {@code readSize} bytes from {@code file}. */
    public static FixtureEvents of(Path file, int readSize) {
        try {
            long inode = ((Number) Files.getAttribute(file, "unix:ino")).longValue();
            return new FixtureEvents(KernelDev.ofPath(file), inode, readSize);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + file + ": " + e.getMessage(), e);
        }
    }

    /** io_uring events of this process's reads: a read opcode (READ, READV, READ_FIXED) and its user_data tag. */
    public String suiteReads() {
        return String.format(Locale.ROOT, "(opcode == %d || opcode == %d || opcode == %d) && %s", Opcode.READ,
                Opcode.READV, Opcode.READ_FIXED, UserDataTag.filter());
    }

    /** io_uring completions of this process's SQEs (the event has no opcode). */
    public String suiteCompletions() {
        return UserDataTag.filter();
    }

    /** iomap events on the fixture file. */
    public String directIo() {
        return "dev == " + kernelDev + " && ino == " + inode;
    }

    /** iomap events on the fixture file that also pass {@code condition}. */
    public String directIo(String condition) {
        return directIo() + " && " + condition;
    }

    /** A completion that made some progress and less than the whole read: it stopped part way and waited. */
    public String partialCompletion() {
        return directIo("error == 0 && ret > 0 && ret < " + readSize);
    }

    /** Page-cache lookups of the fixture file. */
    public String pageCache() {
        return "s_dev == " + kernelDev + " && i_ino == " + inode;
    }
}
