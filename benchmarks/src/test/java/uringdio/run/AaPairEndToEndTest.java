package uringdio.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uringdio.cli.ExitCode;
import uringdio.results.Columns;
import uringdio.results.ResultsCsv;
import uringdio.results.RoundsCsv;
import uringdio.results.RunExports;
import uringdio.results.compare.CompareRuns;
import uringdio.testing.Require;

/**
 * Two real runs of the same tiny matrix, one after the other on the same kernel (an A/A pair):
 * compare passes them. Then candidates made from the second run in code, each a copy with one
 * thing changed, are each flagged: every round 30% slower, the ALL control swapped for the FIRST
 * read, a scenario missing.
 */
class AaPairEndToEndTest {

    private static final String[] MATRIX = {"-p", "fs=btrfs,ext4", "-p", "pattern=FIRST,ALL", "--rounds", "3",
        "--warmup-iterations", "1", "--iterations", "1", "--iteration-time", "300ms"};

    @TempDir
    static Path tmp;
    private static Path baseline;
    private static Path candidate;

    @BeforeAll
    static void runTwice() throws IOException {
        Require.ioUring();
        Require.scratchFilesystem("btrfs");
        Require.scratchFilesystem("ext4");
        baseline = run("a");
        candidate = run("b");
    }

    private static Path run(String name) throws IOException {
        List<String> args = new ArrayList<>(List.of(MATRIX));
        args.addAll(List.of("--results", tmp.resolve(name).toString()));
        assertEquals(ExitCode.OK, new CommandLine(new RunMain()).execute(args.toArray(String[]::new)), name);
        try (Stream<Path> dirs = Files.list(tmp.resolve(name))) {
            return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private record Outcome(int exitCode, String out) {
    }

    private static Outcome compare(Path base, Path cand, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of(base.toString(), cand.toString()));
        args.addAll(List.of(options));
        int code = CompareRuns.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Outcome(code, out + err.toString());
    }

    /** A copy of the candidate run whose rounds.csv and scenarios.csv rows are rewritten by {@code edit}. */
    private static Path copy(String name, java.util.function.Consumer<Path> edit) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(candidate)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        edit.accept(dir);
        return dir;
    }

    private static void rewriteRounds(Path dir, java.util.function.UnaryOperator<List<String[]>> change) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(RoundsCsv.FILE));
            List<String[]> rows = new ArrayList<>();
            for (String l : lines.subList(1, lines.size())) {
                rows.add(l.split(","));
            }
            StringBuilder b = new StringBuilder(lines.get(0)).append('\n');
            for (String[] r : change.apply(rows)) {
                b.append(String.join(",", r)).append('\n');
            }
            Files.writeString(dir.resolve(RoundsCsv.FILE), b.toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theAaPairPasses() {
        Outcome o = compare(baseline, candidate);
        assertEquals(ExitCode.OK, o.exitCode(), o.out());
        assertTrue(o.out().contains("environment differences"), o.out());
    }

    @Test
    void eachRunHasItsRoundsIntervalsVerdictAndExports() throws IOException {
        List<Map<String, String>> rows = ResultsCsv.read(baseline.resolve(ResultsCsv.FILE));
        assertEquals(4, rows.size());
        assertEquals(12, Files.readAllLines(baseline.resolve(RoundsCsv.FILE)).size() - 1, "4 scenarios x 3 rounds");
        Map<String, String> first = rows.stream().filter(r -> r.get(Columns.LABEL).equals("btrfs 16K x4 FIRST INLINE qd1"))
                .findFirst().orElseThrow();
        assertEquals("3", first.get(Columns.ROUNDS));
        assertEquals("ALL", first.get(Columns.VS_CONTROL));
        double lower = Double.parseDouble(first.get(Columns.ratio("e2e_p50", "lower")));
        double upper = Double.parseDouble(first.get(Columns.ratio("e2e_p50", "upper")));
        assertTrue(lower <= upper && lower > 0, lower + " " + upper);
        String verdict = Files.readString(baseline.resolve("verdict.txt"));
        assertTrue(verdict.contains("0 short reads and 0 wrong reads in"), verdict);
        JsonNode bmf = new ObjectMapper().readTree(baseline.resolve(RunExports.BMF).toFile());
        assertTrue(bmf.get(first.get(Columns.SCENARIO)).get("e2e-p50").has("lower_value"), bmf.toString());
        assertTrue(Files.readString(baseline.resolve(RunExports.JUNIT)).contains("tests=\"4\""));
        assertTrue(Files.size(baseline.resolve(RunExports.GAB_BIGGER)) > 2);
    }

    @Test
    void aCandidateThirtyPercentSlowerIsARegression() throws IOException {
        Path slow = copy("slow", dir -> rewriteRounds(dir, rows -> {
            for (String[] r : rows) {
                for (int i = 2; i <= 4; i++) {
                    r[i] = String.format(Locale.ROOT, "%.1f", Double.parseDouble(r[i]) * 1.3);
                }
                r[5] = String.format(Locale.ROOT, "%.3f", Double.parseDouble(r[5]) / 1.3);
            }
            return rows;
        }));
        Outcome o = compare(baseline, slow);
        assertEquals(ExitCode.REGRESSION, o.exitCode(), o.out());
    }

    @Test
    void aSwappedControlIsFlagged() throws IOException {
        // btrfs's FIRST result presented as its ALL control: row and rounds. Its row still says
        // FIRST, so the swap is caught whatever the noise: other settings behind the same id.
        // (Numbers alone swapped are caught by their interval once the machine is quiet enough
        // to tell FIRST from ALL in 3 rounds: IntervalGateTest, and benchmarks/aa-pairs.sh.)
        Path swapped = copy("swapped", dir -> {
            rewriteRounds(dir, rows -> {
                List<String[]> out = new ArrayList<>();
                for (String[] r : rows) {
                    if (!(r[0].contains("_btrfs_") && r[0].contains("_ALL_"))) {
                        out.add(r);
                    }
                    if (r[0].contains("_btrfs_") && r[0].contains("_FIRST_")) {
                        String[] asAll = r.clone();
                        asAll[0] = r[0].replace("_FIRST_", "_ALL_");
                        out.add(asAll);
                    }
                }
                return out;
            });
            try {
                List<Map<String, String>> rows = new ArrayList<>(ResultsCsv.read(dir.resolve(ResultsCsv.FILE)));
                Map<String, String> first = rows.stream().filter(r -> r.get(Columns.SCENARIO).contains("_btrfs_")
                        && r.get(Columns.SCENARIO).contains("_FIRST_")).findFirst().orElseThrow();
                for (int i = 0; i < rows.size(); i++) {
                    String id = rows.get(i).get(Columns.SCENARIO);
                    if (id.contains("_btrfs_") && id.contains("_ALL_")) {
                        Map<String, String> asAll = new java.util.LinkedHashMap<>(first);
                        asAll.put(Columns.SCENARIO, id);
                        rows.set(i, asAll);
                    }
                }
                ResultsCsv.rewrite(dir.resolve(ResultsCsv.FILE), rows);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Outcome o = compare(baseline, swapped);
        assertEquals(ExitCode.NOT_SAME, o.exitCode(), o.out());
        assertTrue(o.out().contains("other settings behind the same id: pattern ALL -> FIRST"), o.out());
    }

    @Test
    void aMissingScenarioFails() throws IOException {
        Path missing = copy("missing", dir -> {
            try {
                List<Map<String, String>> rows = new ArrayList<>(ResultsCsv.read(dir.resolve(ResultsCsv.FILE)));
                rows.remove(0);
                ResultsCsv.rewrite(dir.resolve(ResultsCsv.FILE), rows);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(ExitCode.NOT_SAME, compare(baseline, missing).exitCode());
        assertEquals(ExitCode.OK, compare(baseline, missing, "--allow-missing").exitCode());
    }
}
