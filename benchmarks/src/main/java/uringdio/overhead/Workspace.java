package uringdio.overhead;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import uringdio.fixture.ExtentFile;
import uringdio.fixture.ExtentFileSpec;
import uringdio.fixture.FileVariant;
import uringdio.fixture.ScratchFilesystem;
import uringdio.fixture.ScratchSession;
import uringdio.fixture.Target;
import uringdio.fixture.TargetEnvironment;
import uringdio.fixture.UserDirectory;

/**
 * Where the comparison's file lives: a scratch ext4 the run makes (root), or a directory the
 * user names. Everything made here goes when it closes, on Ctrl-C too, and the processes this
 * JVM started (JMH's fork, the C loop) are stopped first, since a file they hold open keeps the
 * scratch filesystem from unmounting.
 */
final class Workspace implements AutoCloseable {

    /** 64 MiB of 4 KiB extents: the suite's random-read file shape, at a size both loops can copy into memory. */
    static final ExtentFileSpec FILE_SPEC = new ExtentFileSpec(1, ExtentFileSpec.BLOCK, 16384, FileVariant.PLAIN);
    static final long SCRATCH_IMAGE_BYTES = 1L << 30;
    /** The file, and the spacer file ExtentFile writes beside it while it lays the extents out. */
    private static final long USER_DIRECTORY_NEEDS = 2 * FILE_SPEC.fileBytes() + (16L << 20);

    private final Target target;
    private final ScratchSession session;
    private final Thread shutdownHook;
    private boolean closed;

    private Workspace(Target target, ScratchSession session, Thread shutdownHook) {
        this.target = target;
        this.session = session;
        this.shutdownHook = shutdownHook;
    }

    /** A loop-mounted ext4 in a scratch session under {@code scratchBase}; its own hook cleans up on Ctrl-C. */
    static Workspace scratchExt4(Path scratchBase) {
        ScratchSession session = ScratchSession.open(scratchBase);
        try {
            ScratchFilesystem fs = ScratchFilesystem.create(session, "ext4", SCRATCH_IMAGE_BYTES, "");
            // Registered last, so closed first: children stopped before the unmount.
            session.register(Workspace::stopChildProcesses);
            return new Workspace(fs, session, null);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** A subdirectory of the user's {@code dir}, removed on close or at JVM exit. */
    static Workspace userDirectory(Path dir) {
        UserDirectory user = UserDirectory.open(dir, "user-directory", USER_DIRECTORY_NEEDS);
        Thread hook = new Thread(() -> {
            stopChildProcesses();
            user.close();
        }, "overhead comparison cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        return new Workspace(user, null, hook);
    }

    Path directory() {
        return target.directory();
    }

    /** The filesystem and device the file is on, for the report. */
    String describe() {
        TargetEnvironment env = target.environment();
        String loop = env.loopDirectIo().isEmpty() ? "" : ", loop device direct-io " + env.loopDirectIo();
        return env.filesystem() + " on " + env.device() + loop + " (" + env.kind() + ")";
    }

    /** The 64 MiB fixture file both loops read; made once, each sector naming itself. */
    ExtentFile patternFile() {
        return ExtentFile.obtain(directory(), FILE_SPEC);
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
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook is running and does the cleanup
        }
        target.close();
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
