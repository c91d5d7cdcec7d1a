package uringdio.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uringdio.fixture.FixtureException;
import uringdio.fixture.FormattedDevice;
import uringdio.fixture.ScratchFilesystem;
import uringdio.fixture.ScratchSession;
import uringdio.fixture.Target;
import uringdio.fixture.UserDirectory;

/**
 * The targets of one run, made before the first scenario that needs each and removed after the
 * last: scratch filesystems (root, the default), a directory of the user's, or a device the user
 * handed over. Closing this closes every target, and the scratch session's shutdown hook does
 * the same on Ctrl-C.
 */
final class RunTargets implements AutoCloseable {

    enum Kind { SCRATCH, USER_DIRECTORY, CURRENT_DIRECTORY, DEVICE }

    private final Kind kind;
    private final Path scratchBase;
    private final long imageBytes;
    private final Path userDirectory;
    private final Path device;
    private final String deviceConfirmation;
    private final long needBytes;
    private final Map<String, Target> made = new LinkedHashMap<>();
    private final List<Target> order = new ArrayList<>();
    private ScratchSession session;

    private RunTargets(Kind kind, Path scratchBase, long imageBytes, Path userDirectory, Path device,
                       String deviceConfirmation, long needBytes) {
        this.kind = kind;
        this.scratchBase = scratchBase;
        this.imageBytes = imageBytes;
        this.userDirectory = userDirectory;
        this.device = device;
        this.deviceConfirmation = deviceConfirmation;
        this.needBytes = needBytes;
    }

    static RunTargets scratch(Path base, long imageBytes) {
        return new RunTargets(Kind.SCRATCH, base, imageBytes, null, null, null, 0);
    }

    static RunTargets userDirectory(Path dir, boolean current, long needBytes) {
        return new RunTargets(current ? Kind.CURRENT_DIRECTORY : Kind.USER_DIRECTORY, null, 0, dir, null, null, needBytes);
    }

    static RunTargets device(Path base, Path device, String confirmation) {
        return new RunTargets(Kind.DEVICE, base, 0, null, device, confirmation, 0);
    }

    Kind kind() {
        return kind;
    }

    /** The target for {@code fs}, made now if this is its first use. */
    synchronized Target get(String fs) {
        Target t = made.get(fs);
        if (t != null) {
            return t;
        }
        switch (kind) {
            case SCRATCH -> t = ScratchFilesystem.create(session(), fs, imageBytes, "");
            case DEVICE -> {
                // A device holds one filesystem at a time: the previous one goes before the next is made.
                for (Target old : order) {
                    old.close();
                }
                made.clear();
                t = FormattedDevice.format(session(), device, deviceConfirmation, fs, "");
            }
            default -> {
                UserDirectory dir = UserDirectory.open(userDirectory,
                        kind == Kind.CURRENT_DIRECTORY ? "current-directory" : "user-directory", needBytes);
                if (!dir.name().equals(fs)) {
                    dir.close();
                    throw new FixtureException(userDirectory + " is on " + dir.name() + ", not " + fs);
                }
                t = dir;
            }
        }
        made.put(fs, t);
        order.add(t);
        return t;
    }

    private ScratchSession session() {
        if (session == null) {
            session = ScratchSession.open(scratchBase);
        }
        return session;
    }

    /** How a fork is told where its filesystem is. */
    String kindName() {
        return switch (kind) {
            case SCRATCH -> "scratch-loop";
            case USER_DIRECTORY -> "user-directory";
            case CURRENT_DIRECTORY -> "current-directory";
            case DEVICE -> "formatted-device";
        };
    }

    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (int i = order.size() - 1; i >= 0; i--) {
            try {
                order.get(i).close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        order.clear();
        made.clear();
        if (session != null) {
            session.close();
            session = null;
        }
        if (first != null) {
            throw first;
        }
    }
}
