package uringdio.overhead;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import uringdio.read.OffsetSequence;

/**
 * The C overhead loop ({@code native/src/main/c/overhead_loop.c}), which the build packages as
 * the class-path resource {@value #RESOURCE}: copied out to an executable temporary file, run
 * in its modes, its {@code key=value} output parsed. Closing it deletes the copy.
 */
public final class OverheadLoopProgram implements AutoCloseable {

    public static final String RESOURCE = "uringdio/bin/uring-overhead-loop";

    private final Path executable;

    private OverheadLoopProgram(Path executable) {
        this.executable = executable;
    }

    /** Copies the program out of the class path; throws saying so when the build did not package it. */
    public static OverheadLoopProgram extract() {
        Path copy = null;
        try (InputStream in = OverheadLoopProgram.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path: build with `mvn install` "
                        + "(it compiles native/src/main/c/overhead_loop.c; liburing-dev is needed)");
            }
            copy = Files.createTempFile("uring-overhead-loop-", "");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            // After the copy: REPLACE_EXISTING recreates the file with default permissions.
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
            copy.toFile().deleteOnExit(); // Ctrl-C before close(): still removed
            return new OverheadLoopProgram(copy);
        } catch (IOException e) {
            deleteQuietly(copy);
            throw new UncheckedIOException("cannot copy " + RESOURCE + " to a temporary file: " + e.getMessage(), e);
        }
    }

    /** What {@code nop <ops> <rounds>} measured. */
    public record NopFigures(double medianNsPerOp, List<Double> roundsNsPerOp) {
    }

    /** What {@code read <file> <block_size> <ops> <seed>} measured; {@code badReads} must be 0. */
    public record ReadFigures(long p50Ns, long p99Ns, double meanNs, long ops, long badReads) {
    }

    /** {@code rounds} rounds of {@code ops} NOP round trips (after as many again to warm up). */
    public NopFigures nop(long ops, int rounds) {
        return parseNop(run(List.of("nop", Long.toString(ops), Integer.toString(rounds)), false));
    }

    /**
     * {@code ops} QD1 reads of {@code blockSize} from {@code file} (after a tenth as many to warm
     * up), at the offsets {@link OffsetSequence} gives for {@code seed}. Bad reads are reported
     * in the figures, not thrown.
     */
    public ReadFigures read(Path file, int blockSize, long ops, long seed) {
        return parseRead(run(List.of("read", file.toString(), Integer.toString(blockSize), Long.toString(ops),
                Long.toUnsignedString(seed)), true));
    }

    /** The first {@code count} offsets the read mode reads from a file of {@code blocks} blocks. */
    public long[] offsets(long blocks, int blockSize, int count, long seed) {
        String out = run(List.of("offsets", Long.toString(blocks), Integer.toString(blockSize), Integer.toString(count),
                Long.toUnsignedString(seed)), false);
        return out.lines().mapToLong(Long::parseUnsignedLong).toArray();
    }

    /** Parses the nop mode's output. */
    public static NopFigures parseNop(String output) {
        List<Double> rounds = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("nop_round_ns_per_op=")) {
                rounds.add(Double.parseDouble(line.substring(line.indexOf('=') + 1)));
            }
        }
        return new NopFigures(Double.parseDouble(required(keyValues(output), "nop_ns_per_op")), List.copyOf(rounds));
    }

    /** Parses the read mode's output. */
    public static ReadFigures parseRead(String output) {
        Map<String, String> v = keyValues(output);
        return new ReadFigures(Long.parseLong(required(v, "read_p50_ns")), Long.parseLong(required(v, "read_p99_ns")),
                Double.parseDouble(required(v, "read_mean_ns")), Long.parseLong(required(v, "read_ops")),
                Long.parseLong(required(v, "read_bad")));
    }

    /** The {@code key=value} lines of {@code output}; a key given twice keeps its last value. */
    static Map<String, String> keyValues(String output) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return values;
    }

    private static String required(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("the C overhead loop printed no " + key + " (it printed: "
                    + String.join(", ", values.keySet()) + ")");
        }
        return v;
    }

    /**
     * Runs the program to its end; returns its standard output. Exit status 3 is the read mode
     * saying some reads were bad, which the figures carry, so it is accepted where
     * {@code badReadsReported}; any other failure throws with the program's own message.
     */
    private String run(List<String> args, boolean badReadsReported) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).start();
            p.getOutputStream().close();
            // Both pipes drained at once, so a chatty stderr cannot stall the program mid-measurement.
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            String out = readAll(p.getInputStream());
            int status = p.waitFor();
            if (status == 0 || (status == 3 && badReadsReported)) {
                return out;
            }
            String message = err.join().strip();
            throw new IllegalStateException("the C overhead loop (" + String.join(" ", args) + ") failed with status "
                    + status + (message.isEmpty() ? "" : ": " + message));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable + " (is its directory mounted noexec? set "
                    + "-Djava.io.tmpdir to another): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the C overhead loop ran", e);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        deleteQuietly(executable);
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // deleteOnExit has it too
        }
    }
}
