package uringdio.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import uringdio.attribution.Attribution;
import uringdio.read.ScenarioLoop;
import uringdio.scenario.ScenarioParser;
import uringdio.scenario.Workload;

/**
 * What every scenario benchmark does around its reads (JMH sample 24's inheritance): tell the
 * recorder which iterations are measured, count the kernel's events over those iterations only,
 * count correct reads beside JMH's score, and at the end trace a pass of reads, drain the loop
 * and write the scenario's results.
 */
@State(Scope.Thread)
public abstract class ScenarioBenchmark {

    protected ScenarioRun run;
    protected ScenarioLoop loop;
    private ScenarioAttribution attribution;
    private boolean measuring;

    /** Completed reads of the right length and bytes, reported as JMH sample 23 reports secondary counts. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Reads {
        public long reads;

        @Setup(Level.Iteration)
        public void clear() {
            reads = 0;
        }
    }

    /**
     * Parses the scenario from JMH's parameters (every key this benchmark has, through the one
     * parser), finds its target and fixture, then makes its loop; nothing is left open if either fails.
     */
    protected final void open(Workload workload, BenchmarkParams params, Function<ScenarioRun, ScenarioLoop> makeLoop) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : params.getParamsKeys()) {
            values.put(key, params.getParam(key));
        }
        run = ScenarioRun.open(ScenarioParser.parseRunnable(workload, values, BenchConfig.fileSizes()));
        try {
            loop = makeLoop.apply(run);
            attribution = ScenarioAttribution.open(run.file().path(), run.scenario().readSize());
        } catch (RuntimeException e) {
            if (loop != null) {
                loop.close();
            }
            run.close();
            throw e;
        }
    }

    /** Correct reads completed in this iteration so far; a step's difference goes to {@link Reads}. */
    protected final long readsSoFar() {
        return run.recorder().measuredReadsInIteration();
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
        run.recorder().startIteration(measuring);
        if (measuring) {
            attribution.startMeasured();
        }
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        if (measuring) {
            attribution.endMeasured();
        }
        run.recorder().endIteration();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try (ScenarioAttribution counted = attribution) {
            // The traced pass follows the measured iterations, so its cost is in none of them.
            Attribution path = counted.finish(loop, run.synchronousReads());
            loop.close(); // drains: every read in flight is checked too
            run.writeResults(loop.ringFlags(), loop.patternChecks(), loop.patternMismatches(), path);
        } finally {
            run.close();
        }
    }
}
