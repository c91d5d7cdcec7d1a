package uringdio.fidelity;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import uringdio.fixture.FixtureException;
import uringdio.fixture.ScratchFilesystem;
import uringdio.fixture.ScratchSession;
import uringdio.fixture.Target;
import uringdio.fixture.UserDirectory;

/**
 * Where the compared file lives: scratch filesystems the command makes (root; loop devices with
 * direct I/O, removed at the end), or the user's own directory, in which only a subdirectory of
 * ours is made and removed. Everything goes on close, and on Ctrl-C too; the processes this JVM
 * started (fio, JMH's fork) are stopped first, since a file they hold open keeps a filesystem from
 * unmounting.
 */
final class FidelityPlace implements AutoCloseable {

    private final Map<String, Target> targets;
    private final String kind;
    private final ScratchSession session;
    private final Thread userDirectoryHook;
    private boolean closed;

    private FidelityPlace(Map<String, Target> targets, String kind, ScratchSession session, Thread userDirectoryHook) {
        this.targets = targets;
        this.kind = kind;
        this.session = session;
        this.userDirectoryHook = userDirectoryHook;
    }

    /** A scratch filesystem of each of {@code filesystems}, sparse images of {@code imageBytes}, under {@code base}. */
    static FidelityPlace scratch(Path base, List<String> filesystems, long imageBytes) {
        ScratchSession session = ScratchSession.open(base);
        try {
            Map<String, Target> made = new LinkedHashMap<>();
            for (String fs : filesystems) {
                made.put(fs, ScratchFilesystem.create(session, fs, imageBytes, ""));
            }
            // Registered last, so the session closes it first: children stopped before any unmount.
            session.register(FidelityPlace::stopChildProcesses);
            return new FidelityPlace(made, "scratch-loop", session, null);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** A subdirectory of the user's {@code dir}; its filesystem is the only one compared. */
    static FidelityPlace userDirectory(Path dir, long needBytes) {
        UserDirectory user = UserDirectory.open(dir, "user-directory", needBytes);
        if (!List.of("btrfs", "ext4", "xfs").contains(user.name())) {
            user.close();
            throw new FixtureException(dir + " is on " + user.name() + ": the suite reads btrfs, ext4 and xfs");
        }
        Thread hook = new Thread(() -> {
            stopChildProcesses();
            user.close();
        }, "fio fidelity cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        return new FidelityPlace(Map.of(user.name(), user), "user-directory", null, hook);
    }

    List<String> filesystems() {
        return List.copyOf(targets.keySet());
    }

    Target target(String fs) {
        return targets.get(fs);
    }

    /** How the suite's results name this kind of place. */
    String kind() {
        return kind;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (session != null) {
            session.close();
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(userDirectoryHook);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook is running and does the cleanup
        }
        targets.values().forEach(Target::close);
    }

    /** Stops what this JVM started and is still running, politely, then for good after a few seconds. */
    private static void stopChildProcesses() {
        ProcessHandle.current().children().forEach(child -> {
            child.destroy();
            try {
                child.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                child.destroyForcibly();
            }
        });
    }
}
