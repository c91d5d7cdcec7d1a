package uringdio.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole files, made as any file is (the umask decides, not 0600), and no lock file left behind. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsMadeWithTheUmasksPermissionsLikeAnyOther() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path written = dir.resolve("written");
        AtomicFiles.write(written, "x");
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(written);
        assertEquals(Files.getPosixFilePermissions(plain), perms, "what the umask gives a new file");
        assertEquals("x", Files.readString(written));
    }

    @Test
    void aLockedUpdateLeavesNoLockFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("scenarios.csv");
        for (int i = 0; i < 3; i++) {
            int n = i;
            AtomicFiles.locked(target, () -> {
                assertFalse(Files.exists(target) && n == 0);
                AtomicFiles.write(target, "row " + n);
                return null;
            });
        }
        assertEquals("row 2", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void aLockFileLeftByAProcessThatDiedIsTakenOverAndRemoved() throws IOException {
        Path target = dir.resolve("metadata.json");
        Files.writeString(dir.resolve(".metadata.json.lock"), "12345-1-1-1"); // no one holds it any more
        String got = AtomicFiles.locked(target, () -> "ran");
        assertEquals("ran", got);
        assertFalse(Files.exists(dir.resolve(".metadata.json.lock")));
    }
}
