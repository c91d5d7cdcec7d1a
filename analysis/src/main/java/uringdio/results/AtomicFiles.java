package uringdio.results;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Whole-file writes that a crash or Ctrl-C cannot leave half done: the new content goes to a
 * temporary file beside the target, is forced to disk, then renamed over it.
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
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
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
     * Runs {@code update} holding an exclusive lock on {@code target}'s lock file, so two
     * processes (JMH forks, a run and its tests) rewriting one results file take turns.
     */
    public static <T> T locked(Path target, IoSupplier<T> update) throws IOException {
        Path lock = target.resolveSibling("." + target.getFileName() + ".lock");
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var ignored = ch.lock()) {
            return update.get();
        }
    }

    /** A supplier that may throw IOException. */
    @FunctionalInterface
    public interface IoSupplier<T> {
        T get() throws IOException;
    }
}
