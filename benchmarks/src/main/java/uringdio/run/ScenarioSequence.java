package uringdio.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import uringdio.bench.PlannedScenario;
import uringdio.cli.OneLineCommand;
import uringdio.fixture.Target;
import uringdio.fixture.Workspace;

/**
 * The scenarios of a run, one JMH fork per scenario and round, each round in a rotated order:
 * each one's target made or found, the results directory made before the first starts, jmh.json
 * rewritten after each, and a line printed as each finishes. Stops starting scenarios once {@link #stop} is called (Ctrl-C).
 */
final class ScenarioSequence {

    private final Profile plan;
    private final Workspace targets;
    private final RunDirectory results;
    private final PrintStream out;
    private final List<RunResult> jmhResults = new ArrayList<>();
    private volatile boolean stopping;
    private volatile int finished;

    /** How long a fork waits for JMH's lock, held by another JMH run on this machine, before it fails. */
    private static final long LOCK_WAIT_MS = 10 * 60 * 1000;
    private static final long LOCK_POLL_MS = 500;

    ScenarioSequence(Profile plan, Workspace targets, RunDirectory results, PrintStream out) {
        this.plan = plan;
        this.targets = targets;
        this.results = results;
        this.out = out;
    }

    /**
     * The order of round {@code round} of {@code rounds} over {@code n} scenarios: the matrix
     * rotated to start at scenario {@code round * n / rounds}, so each scenario runs early in
     * one round and late in another, and a scenario and its control stay side by side in every round.
     */
    static List<Integer> order(int round, int rounds, int n) {
        List<Integer> order = new ArrayList<>();
        int first = (int) ((long) round * n / rounds);
        for (int k = 0; k < n; k++) {
            order.add((first + k) % n);
        }
        return order;
    }

    /** Runs every scenario in every round (until stopped); returns how many scenarios failed in some round. */
    int runAll() throws IOException {
        List<PlannedScenario> scenarios = plan.scenarios();
        int forks = scenarios.size() * plan.rounds();
        Progress progress = new Progress(out, forks);
        Set<String> failed = new LinkedHashSet<>();
        for (int round = 0; round < plan.rounds() && !stopping; round++) {
            for (int i : order(round, plan.rounds(), scenarios.size())) {
                if (stopping) {
                    break;
                }
                runFork(scenarios.get(i), round, progress, failed);
            }
        }
        return failed.size();
    }

    private void runFork(PlannedScenario s, int round, Progress progress, Set<String> failed) throws IOException {
        Target target = targets.target(s.scenario().fs().label());
        Path runDir = results.path();
        if (runDir == null) { // the first scenario is about to start: only now is there a run to record
            runDir = results.open();
            out.printf(Locale.ROOT, "uring-dio-bench: %d scenarios (%s) in %d rounds, each fork %d+%d iterations of %d+%d ms;"
                            + " results in %s%n", plan.scenarios().size(), plan.name(), plan.rounds(), plan.warmupIterations(),
                    plan.measurementIterations(), plan.warmupMillis(), plan.iterationMillis(), runDir);
        }
        progress.starting(finished, "r" + (round + 1) + " " + s.scenario().label());
        results.addTarget(s.scenario().fs().label(), target.environment().asMap());
        Path log = results.logOf(s.scenario().id() + (round == 0 ? "" : ".r" + round));
        boolean ran = false;
        long waitedMs = 0;
        while (!stopping) {
            try {
                Collection<RunResult> r = new Runner(ScenarioJmhOptions.of(plan, s, round, target, targets.kind().label(),
                        runDir, log)).run();
                jmhResults.addAll(r);
                results.writeJmhJson(jmhResults);
                ran = !r.isEmpty();
                break;
            } catch (RunnerException e) {
                // Another JMH run on this machine holds JMH's lock: wait for it rather than fail the fork
                // (measuring beside it would measure both). Anything else is in the fork's log.
                if (!String.valueOf(e.getMessage()).contains("JMH lock") || waitedMs >= LOCK_WAIT_MS) {
                    // When JMH stopped before forking, only the runner knows why: into the log with it.
                    Files.writeString(log, "RunnerException: " + OneLineCommand.message(e) + "\n",
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    break;
                }
                if (waitedMs == 0) {
                    out.print("(waiting for another JMH run to finish) ");
                    out.flush();
                }
                sleep(LOCK_POLL_MS);
                waitedMs += LOCK_POLL_MS;
            }
        }
        if (stopping) {
            return; // the scenario in progress was cut short; what finished is written
        }
        finished++;
        Map<String, String> row = ran ? results.rowOf(s.scenario().id()) : null;
        if (row == null) {
            failed.add(s.scenario().id());
        }
        progress.finished(finished, row, log, runDir);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
