package uringdio.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import uringdio.cli.BadInputException;
import uringdio.fixture.SystemFacts;
import uringdio.results.AtomicFiles;
import uringdio.results.Columns;
import uringdio.results.Metadata;
import uringdio.results.ResultsCsv;
import uringdio.results.RunFiles;
import uringdio.results.RunNames;

/**
 * A run's results directory, {@code <results>/<time>_<kernel>_<host>/}, whole or saying it is not.
 * Nothing is made before the first scenario is about to start ({@link #open}); from then until
 * {@link #markComplete} an {@code INCOMPLETE} file holds why it is not whole yet, so a run that
 * stops (Ctrl-C, a target that cannot be made) leaves a directory that says so.
 */
final class RunDirectory {

    private final Path base;
    private final Map<String, String> facts;
    private final Map<String, Map<String, String>> targetFacts = new LinkedHashMap<>();
    private volatile Path dir;

    private RunDirectory(Path base, Map<String, String> facts) {
        this.base = base;
        this.facts = facts;
    }

    /**
     * Checks now that run directories can be made under {@code base} (making {@code base} if
     * missing, but no run directory), so that a results place that cannot be written is bad input
     * before anything runs.
     */
    static RunDirectory under(Path base, Profile plan) {
        try {
            Files.createDirectories(base);
            Path probe = Files.createTempFile(base, ".uring-dio-bench-writable", ".tmp");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            throw new BadInputException("cannot write results under " + base + ": " + e.getMessage());
        }
        Map<String, String> facts = SystemFacts.collect();
        facts.put("profile", plan.name());
        facts.put("scenarios", Integer.toString(plan.scenarios().size()));
        facts.put("rounds", Integer.toString(plan.rounds()));
        facts.put("fork_iterations", plan.warmupIterations() + " x " + plan.warmupMillis() + " ms warm-up, "
                + plan.measurementIterations() + " x " + plan.iterationMillis() + " ms measured");
        return new RunDirectory(base, facts);
    }

    /** Makes the run's directory, marked incomplete, with its metadata, if this is the first call. */
    synchronized Path open() throws IOException {
        if (dir == null) {
            Path d = base.resolve(RunNames.of(Instant.now(), SystemFacts.kernel(), SystemFacts.host())).toAbsolutePath();
            Files.createDirectories(d.resolve(RunFiles.JMH_LOGS));
            RunFiles.markIncomplete(d, "the run is under way, or stopped before its end without saying why");
            Metadata.write(d, facts, targetFacts);
            dir = d;
        }
        return dir;
    }

    /** The directory, or null before {@link #open}. */
    Path path() {
        return dir;
    }

    /** Adds a target's facts to metadata.json, the first time it is used. */
    void addTarget(String name, Map<String, String> facts) throws IOException {
        if (targetFacts.putIfAbsent(name, facts) == null) {
            Metadata.addTarget(dir, this.facts, name, facts);
        }
    }

    /** Says why the directory is not whole (if it exists): the run stopped for {@code reason}. */
    void markIncomplete(String reason, PrintStream err) {
        if (dir == null) {
            return;
        }
        try {
            RunFiles.markIncomplete(dir, reason);
        } catch (IOException e) {
            err.println("uring-dio-bench: cannot write " + dir.resolve(RunFiles.INCOMPLETE) + ": " + e.getMessage());
        }
    }

    /** The directory is whole: its table and verdict are written. */
    void markComplete() throws IOException {
        RunFiles.markComplete(dir);
    }

    /** Rewrites jmh.json with every scenario's JMH results so far. */
    void writeJmhJson(List<RunResult> results) throws IOException {
        AtomicFiles.write(dir.resolve(RunFiles.JMH_JSON), o -> {
            PrintStream ps = new PrintStream(o, true, StandardCharsets.UTF_8);
            ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(results);
            ps.flush();
        });
    }

    /** The rows of scenarios.csv, none if no scenario wrote one. */
    List<Map<String, String>> rows() throws IOException {
        Path csv = dir.resolve(ResultsCsv.FILE);
        return Files.exists(csv) ? ResultsCsv.read(csv) : List.of();
    }

    /** The row {@code scenarioId} wrote, or null if it wrote none. */
    Map<String, String> rowOf(String scenarioId) {
        try {
            return rows().stream().filter(r -> r.get(Columns.SCENARIO).equals(scenarioId)).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The JMH log of a scenario. */
    Path logOf(String scenarioId) {
        return dir.resolve(RunFiles.JMH_LOGS).resolve(scenarioId + ".log");
    }
}
