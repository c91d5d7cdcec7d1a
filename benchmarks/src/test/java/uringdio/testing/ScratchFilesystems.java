package uringdio.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import uringdio.fixture.ScratchFilesystem;
import uringdio.fixture.ScratchSession;

/**
 * Loop-mounted btrfs, ext4 and xfs for a test class, made on first use and torn down after the
 * class, whether its tests passed or threw (and at JVM exit if the JVM is killed politely).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ScratchFilesystems SCRATCH = new ScratchFilesystems();
 * ... SCRATCH.get("btrfs").directory() ...
 * }</pre>
 */
public final class ScratchFilesystems implements AfterAllCallback {

    /** Small, sparse, and above xfs's 300 MiB minimum. */
    public static final long IMAGE_BYTES = 512L << 20;

    private final Map<String, ScratchFilesystem> made = new LinkedHashMap<>();
    private final Map<String, String> mountOptions = new LinkedHashMap<>();
    private ScratchSession session;

    /** Mounts {@code fs} with {@code options} when it is made. */
    public ScratchFilesystems withMountOptions(String fs, String options) {
        mountOptions.put(fs, options);
        return this;
    }

    /** The scratch filesystem {@code fs}, made now if needed; the test is skipped, with the reason, where it cannot be. */
    public synchronized ScratchFilesystem get(String fs) {
        Require.scratchFilesystem(fs);
        Require.ioUring();
        return made.computeIfAbsent(fs, f -> ScratchFilesystem.create(session(), f, IMAGE_BYTES, mountOptions.getOrDefault(f, "")));
    }

    /** The session the filesystems live in. */
    public synchronized ScratchSession session() {
        if (session == null) {
            session = ScratchSession.open(ScratchSession.DEFAULT_BASE);
        }
        return session;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        made.clear();
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
