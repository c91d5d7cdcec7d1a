package uringdio.fidelity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import uringdio.platform.Availability;

/** Runs fio: whether it is here, which version, and one job to its JSON report. */
public final class FioProcess {

    static final String EXECUTABLE = "fio";
    static final String INSTALL_HINT = "fio is not installed: run `apt-get install -y fio` (as root)";
    /** Beyond the job's own seconds: fio's start, the file's open and page-cache invalidation, its report. */
    private static final long SLACK_SECONDS = 60;

    private FioProcess() {
    }

    /** Whether fio runs here; if not, the one line that says how to install it. */
    public static Availability.Answer availability() {
        try {
            version();
            return new Availability.Answer(true, "");
        } catch (IllegalStateException e) {
            return new Availability.Answer(false, e.getMessage());
        }
    }

    /** {@code fio-3.33}, from {@code fio --version}. */
    public static String version() {
        Process p;
        try {
            p = new ProcessBuilder(EXECUTABLE, "--version").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(INSTALL_HINT);
        }
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("`fio --version` failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("`fio --version` failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new IllegalStateException("interrupted while asking fio its version", e);
        }
    }

    /**
     * Runs {@code job} to the end and reads its report; fio's own words go to {@code log}. Throws
     * with fio's first error line when it fails.
     */
    public static FioResult run(FioJob job, Path log) {
        List<String> cmd = job.commandLine();
        Process p;
        try {
            Files.deleteIfExists(job.jsonOutput());
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage().contains("No such file") ? INSTALL_HINT
                    : "cannot start fio: " + e.getMessage(), e);
        }
        long limit = job.read().warmupSeconds() + job.read().measuredSeconds() + SLACK_SECONDS;
        try {
            if (!p.waitFor(limit, TimeUnit.SECONDS)) {
                p.destroy();
                p.waitFor(5, TimeUnit.SECONDS);
                p.destroyForcibly();
                throw new IllegalStateException("fio did not finish within " + limit + " s (its output: " + log + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new IllegalStateException("interrupted while fio ran", e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("fio failed (exit " + p.exitValue() + "): " + firstErrorLine(log)
                    + "; its command: " + job.shellLine());
        }
        try {
            return FioResult.parse(Files.readString(job.jsonOutput()));
        } catch (IOException e) {
            throw new IllegalStateException("fio wrote no report to " + job.jsonOutput() + ": " + e.getMessage(), e);
        }
    }

    private static String firstErrorLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.stream().filter(l -> l.startsWith("fio:") || l.contains("error")).findFirst()
                    .orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1)).strip();
        } catch (IOException e) {
            return "no output";
        }
    }
}
