package uringdio.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uringdio.platform.Availability;
import uringdio.testing.Require;

/** A failed call is one clear line: the call, the errno name, and what it means here. */
class NativeErrorsTest {

    @Test
    void aMissingFileNamesTheCallTheErrnoAndThePath() {
        NativeCallException e = assertThrows(NativeCallException.class,
                () -> FileHandle.openDirectRead(Path.of("/nonexistent-uring-dio-bench/file")));
        assertEquals("open", e.call());
        assertEquals(Errno.ENOENT, e.errno());
        assertEquals("open: ENOENT (/nonexistent-uring-dio-bench/file: No such file or directory)", e.getMessage());
    }

    @Test
    void errnoNamesAreTheSymbolsNotNumbers() {
        assertEquals("EAGAIN", Errno.name(11));
        assertEquals("EAGAIN", Errno.name(-11));
        assertEquals("EPERM", Errno.name(Errno.EPERM));
        assertEquals("errno 200", Errno.name(200));
    }

    @Test
    void tmpfsIsRefusedWithItsName() throws IOException, InterruptedException {
        Path shm = Path.of("/dev/shm");
        Path dir;
        boolean mounted = false;
        if (Files.isDirectory(shm) && isTmpfs(shm)) {
            dir = Files.createTempDirectory(shm, "uring-dio-bench-test");
        } else {
            Require.root(); // no tmpfs at hand: make one, which needs root
            dir = Files.createTempDirectory("uring-dio-bench-tmpfs");
            run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir.toString());
            mounted = true;
        }
        try {
            Availability.Answer answer = Availability.directIo(dir);
            assertFalse(answer.usable());
            try (var left = Files.list(dir)) {
                assertEquals(0, left.count(), "the probe leaves nothing behind");
            }
            try {
                FileHandle.createDirect(dir.resolve("f")).close();
                // Linux 6.6+: tmpfs takes O_DIRECT and serves it from memory, so the check names tmpfs.
                assertEquals(dir + " is on tmpfs, which has no disk behind O_DIRECT; use a directory on btrfs, ext4 or xfs",
                        answer.reason());
            } catch (NativeCallException e) {
                // Before 6.6: tmpfs refuses O_DIRECT outright, and the open says so.
                assertTrue(e.getMessage().contains("does not support O_DIRECT (tmpfs does not)"), e.getMessage());
                assertTrue(answer.reason().startsWith("open: EINVAL ("), answer.reason());
            }
        } finally {
            if (mounted) {
                run("umount", dir.toString());
            }
            Files.deleteIfExists(dir.resolve("f"));
            Files.delete(dir);
        }
    }

    @Test
    void aDirectoryOnARealFilesystemTakesDirectIo(@TempDir Path dir) {
        Require.directIo(dir);
        assertTrue(Availability.directIo(dir).usable());
        assertFalse(Availability.directIo(dir.resolve("missing")).usable());
        assertEquals(dir.resolve("missing") + " does not exist", Availability.directIo(dir.resolve("missing")).reason());
    }

    private static boolean isTmpfs(Path dir) {
        try (FileHandle h = FileHandle.open(dir, LibC.O_RDONLY)) {
            return h.statFs().type() == StatFs.TMPFS_MAGIC;
        }
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        assertEquals(0, p.waitFor(), String.join(" ", cmd));
    }
}
