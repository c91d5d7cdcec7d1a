package uringdio.results;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Whole-file writes that a crash or Ctrl-C cannot leave half done: the new content goes to a
 * temporary file beside the target, is forced to disk, then renamed over it.
 *
 * <p>Files are created as any file is, with the user's umask (0644 and directories 0755 under the
 * usual 022), so a colleague or a CI user can read what a root run wrote; a stricter umask is how
 * to ask otherwise. (A JDK temporary file would be 0600 whatever the umask.)
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static void write(Path target, Content content) throws IOException {
        Path tmp = uniqueSibling(target, ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                // The content's writer may close what it is given (a CSVPrinter does): only a flush gets through.
                OutputStream out = new FilterOutputStream(Channels.newOutputStream(ch)) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        this.out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Runs {@code update} holding an exclusive lock, so that two processes (JMH forks, a run and
     * its tests) rewriting one results file take turns; no lock file is left behind.
     *
     * <p>The lock is a file beside the target, {@code .<name>.lock}, deleted by its holder before
     * it lets go. A process that was waiting on the deleted file then holds a lock on a file no
     * longer there: each holder writes a token of its own into the file it locked and reads it
     * back through the path, and starts over if the path names another file or none.
     */
    public static <T> T locked(Path target, IoSupplier<T> update) throws IOException {
        Path lockPath = target.resolveSibling("." + target.getFileName() + ".lock");
        byte[] token = (ProcessHandle.current().pid() + "-" + Thread.currentThread().getId() + "-" + System.nanoTime()
                + "-" + ThreadLocalRandom.current().nextLong()).getBytes(StandardCharsets.UTF_8);
        while (true) {
            try (FileChannel ch = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(token), 0);
                if (!holds(lockPath, token)) {
                    continue; // locked a file its last holder had already removed
                }
                try {
                    return update.get();
                } finally {
                    Files.deleteIfExists(lockPath); // before the lock is released, so no one else's is removed
                }
            }
        }
    }

    private static boolean holds(Path lockPath, byte[] token) throws IOException {
        try {
            return java.util.Arrays.equals(Files.readAllBytes(lockPath), token);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static Path uniqueSibling(Path target, String suffix) {
        Path dir = target.toAbsolutePath().getParent();
        return dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                + suffix);
    }

    /** A supplier that may throw IOException. */
    @FunctionalInterface
    public interface IoSupplier<T> {
        T get() throws IOException;
    }
}
