package uringdio.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Device numbers as tracepoints carry them. The {@code dev} of the iomap events and the
 * {@code s_dev} of {@code mm_filemap_get_pages} are the kernel's {@code dev_t} of the file's
 * superblock, {@code MKDEV(major, minor) = major << 20 | minor}; {@code stat} hands user space
 * another encoding (glibc's {@code makedev}: {@code 254:0} is {@code 0xfe00} in st_dev but
 * {@code 0xfe00000} in the trace). A filter written with st_dev matches nothing.
 *
 * <p>Take the numbers from /proc/self/mountinfo ({@link #ofPath}), which shows the superblock's
 * device. On btrfs, {@code stat} reports the subvolume's anonymous device instead, which no
 * iomap event carries; on ext4 and xfs the two agree.
 */
public final class KernelDev {

    private KernelDev() {
    }

    /** The in-kernel dev_t of {@code major:minor}: MKDEV, with MINORBITS = 20. */
    public static long of(int major, int minor) {
        if (major < 0 || major >= 1 << 12 || minor < 0 || minor >= 1 << 20) {
            throw new IllegalArgumentException("no kernel dev_t for " + major + ":" + minor);
        }
        return ((long) major << 20) | minor;
    }

    /** The in-kernel dev_t of a user-space st_dev (glibc's encoding, as {@code unix:dev} gives it). */
    public static long ofStDev(long stDev) {
        int major = (int) (((stDev >>> 8) & 0xfff) | ((stDev >>> 32) & ~0xfffL));
        int minor = (int) ((stDev & 0xff) | ((stDev >>> 12) & ~0xffL));
        return of(major, minor);
    }

    /** The in-kernel dev_t of the superblock {@code path} is on, from /proc/self/mountinfo. */
    public static long ofPath(Path path) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + path, e);
        }
        String best = null;
        int bestLength = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                // id parent major:minor root mount-point options ... - fstype source super-options
                String[] f = line.split(" ");
                Path mountPoint = Path.of(Tracefs.unescapeOctal(f[4]));
                int length = mountPoint.getNameCount();
                // >=: a later mount on the same point hides the earlier one.
                if (real.startsWith(mountPoint) && length >= bestLength) {
                    best = f[2];
                    bestLength = length;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/mountinfo", e);
        }
        if (best == null) {
            throw new IllegalStateException("no mount in /proc/self/mountinfo holds " + real);
        }
        int colon = best.indexOf(':');
        return of(Integer.parseInt(best.substring(0, colon)), Integer.parseInt(best.substring(colon + 1)));
    }

    /** A tracepoint filter on {@code field} for the filesystem {@code path} is on: {@code dev == 266338304}. */
    public static String filter(String field, Path path) {
        return field + " == " + ofPath(path);
    }
}
