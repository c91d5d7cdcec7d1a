package uringdio.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import uringdio.libc.LibC;

/**
 * Where tracefs is, mounting a private one when none is: the suite reads event ids and formats
 * from it and makes its own trace instances in it.
 *
 * <p>A tracefs already mounted (by the user, by another tool) is used as it is and never
 * unmounted. When none is, root mounts one at a directory of its own under /var/tmp, never at
 * /sys/kernel/tracing, so closing can unmount it without pulling the ground from under another
 * process that found it there. All mounts of tracefs show the same kernel state.
 */
public final class Tracefs implements AutoCloseable {

    private static final Path PRIVATE_PARENT = Path.of("/var/tmp");
    private static final String PRIVATE_PREFIX = "uring-dio-bench-tracefs-";
    private static final AtomicInteger PRIVATE_MOUNTS = new AtomicInteger();

    private final Path root;
    private final boolean mountedHere;
    private boolean closed;

    private Tracefs(Path root, boolean mountedHere) {
        this.root = root;
        this.mountedHere = mountedHere;
    }

    /** The tracefs already mounted, or a private one (root only); throws saying why neither is possible. */
    public static Tracefs open() {
        Optional<Path> existing = findMounted();
        return existing.isPresent() ? new Tracefs(existing.get(), false) : mountPrivate();
    }

    /** Mounts a tracefs of our own, unmounted by {@link #close()}, whether or not one is mounted elsewhere. */
    public static Tracefs mountPrivate() {
        unmountLeftovers();
        Path dir = PRIVATE_PARENT.resolve(PRIVATE_PREFIX + ProcessHandle.current().pid() + "-"
                + PRIVATE_MOUNTS.incrementAndGet());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + dir + " to mount tracefs on", e);
        }
        try {
            LibC.mount("nodev", dir.toString(), "tracefs", LibC.MS_NOSUID | LibC.MS_NODEV | LibC.MS_NOEXEC);
        } catch (RuntimeException e) {
            deleteQuietly(dir);
            throw e;
        }
        return new Tracefs(dir, true);
    }

    /**
     * The mount point of the first tracefs in /proc/self/mounts that is not another suite
     * process's private one (which that process unmounts when it likes), if any.
     */
    public static Optional<Path> findMounted() {
        return tracefsMounts().stream().filter(p -> !p.getFileName().toString().startsWith(PRIVATE_PREFIX)).findFirst();
    }

    private static List<Path> tracefsMounts() {
        List<Path> mounts = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
                String[] f = line.split(" ");
                if (f.length > 2 && f[2].equals("tracefs")) {
                    mounts.add(Path.of(unescapeOctal(f[1])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/mounts", e);
        }
        return mounts;
    }

    /** Private mounts whose process is gone (killed before it could unmount them) are unmounted and removed. */
    private static void unmountLeftovers() {
        for (Path p : tracefsMounts()) {
            String name = p.getFileName().toString();
            if (!p.getParent().equals(PRIVATE_PARENT) || !name.startsWith(PRIVATE_PREFIX)) {
                continue;
            }
            String[] pidAndCount = name.substring(PRIVATE_PREFIX.length()).split("-");
            try {
                long pid = Long.parseLong(pidAndCount[0]);
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                LibC.umount(p.toString());
                deleteQuietly(p);
            } catch (RuntimeException e) {
                // not ours to judge, or already gone: leave it
            }
        }
    }

    /** /proc/self/mounts writes space, tab, newline and backslash in paths as \\040 and the like. */
    static String unescapeOctal(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public Path root() {
        return root;
    }

    /** Whether this object mounted {@link #root()} and so will unmount it. */
    public boolean mountedHere() {
        return mountedHere;
    }

    /** The event's id and fields; throws naming the event when this kernel does not have it. */
    public TraceEvent event(EventName name) {
        return TraceEvent.read(root, name);
    }

    /** Unmounts and removes the mount point if we mounted it; a user's mount is left alone. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (mountedHere) {
            LibC.umount(root.toString());
            deleteQuietly(root);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // an empty directory under /var/tmp left behind is harmless
        }
    }
}
