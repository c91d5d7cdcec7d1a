package uringdio.overhead;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import uringdio.bench.BindingOverheadBenchmark;

/**
 * The Java side of the comparison: {@link BindingOverheadBenchmark} run by JMH from this
 * process, in one forked JVM as its {@code @Fork(1)} asks, with JMH's own warm-up and timing.
 */
final class BindingLoops {

    private final boolean showJmhOutput;

    /** {@code showJmhOutput}: JMH's iteration-by-iteration report, or nothing but errors. */
    BindingLoops(boolean showJmhOutput) {
        this.showJmhOutput = showJmhOutput;
    }

    /** What the NOP benchmark measured: the median of its measurement iterations' ns/op, and each. */
    record NopFigures(double medianNsPerOp, List<Double> iterationsNsPerOp) {
    }

    /** What the read benchmark measured: percentiles over every sampled read, and the bad reads. */
    record ReadFigures(double p50Ns, double p99Ns, double meanNs, long reads, long badReads) {
    }

    NopFigures nop() {
        RunResult run = runOne("nop", List.of());
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult fork : run.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                scores.add(iteration.getPrimaryResult().getScore());
            }
        }
        return new NopFigures(Median.of(scores), List.copyOf(scores));
    }

    ReadFigures read4k(Path file, long seed) {
        RunResult run = runOne("read4k", List.of("-D" + BindingOverheadBenchmark.FILE_PROPERTY + "=" + file,
                "-D" + BindingOverheadBenchmark.SEED_PROPERTY + "=" + Long.toUnsignedString(seed)));
        Result<?> latency = run.getPrimaryResult();
        return new ReadFigures(latency.getStatistics().getPercentile(50), latency.getStatistics().getPercentile(99),
                latency.getStatistics().getMean(), count(run, "reads"), count(run, "badReads"));
    }

    /** An {@code @AuxCounters} count, summed over the measurement iterations. */
    private static long count(RunResult run, String counter) {
        Result<?> r = run.getSecondaryResults().get(counter);
        if (r == null) {
            throw new IllegalStateException("JMH reported no " + counter + " count: the reads were not counted");
        }
        return Math.round(r.getScore());
    }

    private RunResult runOne(String method, List<String> jvmArgs) {
        String name = BindingOverheadBenchmark.class.getName() + "." + method;
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(name) + "$")
                .forks(1)
                .shouldFailOnError(true)
                .verbosity(showJmhOutput ? VerboseMode.NORMAL : VerboseMode.SILENT);
        if (!jvmArgs.isEmpty()) {
            options.jvmArgsAppend(jvmArgs.toArray(String[]::new));
        }
        Collection<RunResult> results;
        try {
            results = new Runner(options.build()).run();
        } catch (RunnerException e) {
            String why = rootMessage(e);
            // JMH's own words where they say what to do (its lock); its report where they do not.
            boolean vague = why.startsWith("Benchmark error") || why.startsWith("Benchmark had encountered error");
            throw new IllegalStateException("JMH could not run " + name + ": " + why
                    + (vague && !showJmhOutput ? " (rerun with --show-jmh for JMH's report)" : ""), e);
        }
        if (results.size() != 1) {
            throw new IllegalStateException("JMH ran " + results.size() + " benchmarks for " + name
                    + ": is benchmarks.jar built from these sources (mvn install)?");
        }
        return results.iterator().next();
    }

    /**
     * The message that says what went wrong: the fork's own exception where JMH carries it (as a
     * suppressed exception of its BenchmarkException), else the deepest cause's.
     */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (true) {
            if (t.getSuppressed().length > 0) {
                return rootMessage(t.getSuppressed()[0]);
            }
            if (t.getCause() == null || t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.replace("ERROR: ", "").strip();
    }
}
