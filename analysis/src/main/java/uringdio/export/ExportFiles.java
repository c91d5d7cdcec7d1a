package uringdio.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes an export file whole or not at all (to a temporary file beside it, then renamed over
 * it), so a CI step that picks it up never reads half a result.
 */
final class ExportFiles {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What goes into the file. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private ExportFiles() {
    }

    static void writeJson(JsonNode tree, Path file) {
        write(file, out -> MAPPER.writeValue(out, tree));
    }

    static void write(Path file, Body body) {
        Path absolute = file.toAbsolutePath();
        try {
            // Not a JDK temporary file: that is 0600 whatever the umask, and CI users must be able to read what root wrote.
            Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + System.nanoTime() + ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    body.writeTo(out);
                }
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
