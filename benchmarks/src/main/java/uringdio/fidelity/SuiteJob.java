package uringdio.fidelity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import uringdio.bench.BenchConfig;
import uringdio.bench.ExtentReadBenchmark;
import uringdio.bench.PlannedScenario;
import uringdio.results.Columns;
import uringdio.results.ResultsCsv;

/**
 * The suite's side of a {@link SameRead}: {@link ExtentReadBenchmark} under JMH, run from this
 * process as the run command runs it (one fork, the prepared directory handed over by system
 * property), then its row read back from {@code scenarios.csv}.
 *
 * <p>JMH's iterations are one second each, so {@code warmupSeconds} warm-up iterations and
 * {@code measuredSeconds} measurement iterations are the same seconds as fio's ramp_time and
 * runtime. JMH's warm-up also lets the JIT compile the loop, which fio, being C, does not need.
 *
 * @param read        the read both tools make
 * @param targetKind  what the directory is, for the results ({@code scratch-loop}, {@code user-directory})
 * @param results     an empty directory for this run's results
 * @param extraProperties further {@code -D} properties for the fork (name without the uringdio. prefix)
 * @param showJmh     JMH's own report on the console instead of in {@code results/jmh.log}
 */
public record SuiteJob(SameRead read, String targetKind, Path results, Map<String, String> extraProperties,
                       boolean showJmh) {

    static final String METHOD = "read";
    static final TimeValue ITERATION = TimeValue.seconds(1);

    /** JMH's options for this run. */
    public Options options() {
        PlannedScenario planned = read.scenario();
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include("^" + Pattern.quote(ExtentReadBenchmark.class.getName() + "." + METHOD) + "$")
                .forks(1)
                .threads(1)
                .warmupIterations(read.warmupSeconds())
                .warmupTime(ITERATION)
                .measurementIterations(read.measuredSeconds())
                .measurementTime(ITERATION)
                .shouldFailOnError(true)
                .verbosity(showJmh ? VerboseMode.NORMAL : VerboseMode.SILENT);
        if (!showJmh) {
            b.output(jmhLog().toString());
        }
        planned.params().forEach(b::param);
        List<String> jvm = new ArrayList<>();
        jvm.add(property("results", results.toString()));
        jvm.add(property("target." + read.fs(), read.file().getParent().toString()));
        jvm.add(property("targetKind." + read.fs(), targetKind));
        jvm.add(property("ranges", Long.toString(read.spec().ranges())));
        extraProperties.forEach((k, v) -> jvm.add(property(k, v)));
        b.jvmArgsAppend(jvm.toArray(String[]::new));
        return b.build();
    }

    /** Runs the benchmark and reads its row back. */
    public SuiteResult run() {
        try {
            Files.createDirectories(results);
            new Runner(options()).run();
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH could not run " + read.scenario().scenario().id() + ": "
                    + rootMessage(e) + (showJmh ? "" : " (JMH's report: " + jmhLog() + ")"), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + results + ": " + e.getMessage(), e);
        }
        Path csv = results.resolve(ResultsCsv.FILE);
        String id = read.scenario().scenario().id();
        try {
            return ResultsCsv.read(csv).stream().filter(r -> id.equals(r.get(Columns.SCENARIO))).findFirst()
                    .map(SuiteResult::fromRow)
                    .orElseThrow(() -> new IllegalStateException("the benchmark wrote no row for " + id + " to " + csv
                            + (showJmh ? "" : " (JMH's report: " + jmhLog() + ")")));
        } catch (IOException e) {
            throw new IllegalStateException("the benchmark wrote no " + csv + " (JMH's report: " + jmhLog() + ")", e);
        }
    }

    Path jmhLog() {
        return results.resolve("jmh.log");
    }

    private static String property(String name, String value) {
        return "-D" + BenchConfig.PREFIX + name + "=" + value;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.replace("ERROR: ", "").replace('\n', ' ').strip();
    }
}
