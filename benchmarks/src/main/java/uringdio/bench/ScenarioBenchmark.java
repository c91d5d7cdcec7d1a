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
import uringdio.read.ScenarioLoop;
import uringdio.scenario.ScenarioParser;
import uringdio.scenario.Workload;

/**
 * What every scenario benchmark does around its reads (JMH sample 24's inheritance): tell the
 * recorder which iterations are measured, count correct reads beside JMH's score, and at the end
 * drain the loop and write the scenario's results.
 */
@State(Scope.Thread)
public abstract class ScenarioBenchmark {

    protected ScenarioRun run;
    protected ScenarioLoop loop;

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
        } catch (RuntimeException e) {
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
        run.recorder().startIteration(iteration.getType() == IterationType.MEASUREMENT);
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        run.recorder().endIteration();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            loop.close(); // drains: every read in flight is checked too
            run.writeResults(loop.ringFlags(), loop.patternChecks(), loop.patternMismatches());
        } finally {
            run.close();
        }
    }
}
