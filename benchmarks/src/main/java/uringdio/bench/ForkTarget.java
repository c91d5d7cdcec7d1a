package uringdio.bench;

import java.nio.file.Path;
import uringdio.fixture.FixtureException;
import uringdio.fixture.PreparedDirectory;
import uringdio.fixture.ScratchFilesystem;
import uringdio.fixture.ScratchSession;
import uringdio.fixture.Target;
import uringdio.fixture.TargetEnvironment;
import uringdio.fixture.UserDirectory;
import uringdio.platform.Availability;

/**
 * Where a benchmark JVM puts its files for a filesystem: the directory the run command prepared,
 * else the user's own directory (if its filesystem is the one asked for), else a scratch
 * filesystem of its own, made now and removed when the trial ends.
 */
final class ForkTarget {

    private ForkTarget() {
    }

    static Target acquire(String fs, long needBytes) {
        Path prepared = BenchConfig.targetFor(fs);
        if (prepared != null) {
            return new PreparedDirectory(fs, BenchConfig.get("targetKind." + fs, "prepared"), prepared);
        }
        Path user = BenchConfig.userDirectory();
        if (user != null) {
            UserDirectory dir = UserDirectory.open(user, "user-directory", needBytes);
            if (!dir.name().equals(fs)) {
                dir.close();
                throw new FixtureException(user + " is on " + dir.name() + ", this scenario asks for " + fs
                        + ": run it with -p fs=" + dir.name() + ", or as root without -Duringdio.dir for scratch filesystems");
            }
            return dir;
        }
        Availability.Answer loop = Availability.loopDevices();
        if (!loop.usable()) {
            throw new FixtureException("no place for " + fs + " files: " + loop.reason());
        }
        Availability.Answer kernelFs = Availability.filesystem(fs);
        if (!kernelFs.usable()) {
            throw new FixtureException(kernelFs.reason());
        }
        ScratchSession session = ScratchSession.open(BenchConfig.scratchBase());
        try {
            ScratchFilesystem scratch = ScratchFilesystem.create(session, fs, BenchConfig.imageSize(), "");
            return new Target() {
                @Override
                public String name() {
                    return scratch.name();
                }

                @Override
                public Path directory() {
                    return scratch.directory();
                }

                @Override
                public TargetEnvironment environment() {
                    return scratch.environment();
                }

                @Override
                public void close() {
                    session.close(); // closes the filesystem with it
                }
            };
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }
}
