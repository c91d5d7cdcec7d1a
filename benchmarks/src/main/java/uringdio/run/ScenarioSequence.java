package uringdio.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import uringdio.bench.PlannedScenario;
import uringdio.cli.OneLineCommand;
import uringdio.fixture.Target;
import uringdio.fixture.Workspace;

/**
 * The scenarios of a run, one JMH fork each, in order: each one's target made or found, the
 * results directory made before the first starts, jmh.json rewritten after each, and a line
 * printed as each finishes. Stops starting scenarios once {@link #stop} is called (Ctrl-C).
 */
final class ScenarioSequence {

    private final Profile plan;
    private final Workspace targets;
    private final RunDirectory results;
    private final PrintStream out;
    private final List<RunResult> jmhResults = new ArrayList<>();
    private volatile boolean stopping;
    private volatile int finished;
    private int failures;

    ScenarioSequence(Profile plan, Workspace targets, RunDirectory results, PrintStream out) {
        this.plan = plan;
        this.targets = targets;
        this.results = results;
        this.out = out;
    }

    /** Runs every scenario (until stopped); returns how many could not run. */
    int runAll() throws IOException {
        List<PlannedScenario> scenarios = plan.scenarios();
        Progress progress = new Progress(out, scenarios.size());
        for (int i = 0; i < scenarios.size() && !stopping; i++) {
            PlannedScenario s = scenarios.get(i);
            Target target = targets.target(s.scenario().fs().label());
            Path runDir = results.path();
            if (runDir == null) { // the first scenario is about to start: only now is there a run to record
                runDir = results.open();
                out.printf(Locale.ROOT, "uring-dio-bench: %d scenarios (%s), %d+%d iterations of %d s each; results in %s%n",
                        scenarios.size(), plan.name(), plan.warmupIterations(), plan.measurementIterations(),
                        plan.iterationSeconds(), runDir);
            }
            progress.starting(i, s.scenario().label());
            results.addTarget(s.scenario().fs().label(), target.environment().asMap());
            Path log = results.logOf(s.scenario().id());
            try {
                Collection<RunResult> r = new Runner(ScenarioJmhOptions.of(plan, s, target, targets.kind().label(), runDir,
                        log)).run();
                jmhResults.addAll(r);
                results.writeJmhJson(jmhResults);
            } catch (RunnerException e) {
                // The fork's own words are in its log; the first line that says what went wrong is enough
                // here. When JMH stopped before forking (another JMH holds its lock), only the runner knows.
                Files.writeString(log, "RunnerException: " + OneLineCommand.message(e) + "\n", StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            if (stopping) {
                break; // the scenario in progress was cut short; what finished is written
            }
            finished = i + 1;
            Map<String, String> row = results.rowOf(s.scenario().id());
            if (row == null) {
                failures++;
            }
            progress.finished(i + 1, row, log, runDir);
        }
        return failures;
    }

    /** No scenario starts after this. */
    void stop() {
        stopping = true;
    }

    /** Whether {@link #stop} was called: the run did not reach its end. */
    boolean stopped() {
        return stopping;
    }

    int finished() {
        return finished;
    }
}
