package uringdio.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import uringdio.bench.BenchConfig;
import uringdio.bench.PlannedScenario;
import uringdio.fixture.Target;

/**
 * JMH's options for one scenario in one round of a run: its benchmark method and parameters, one fork, the
 * profile's iterations, its log file, and the system properties that tell the fork where its
 * target and results are.
 */
final class ScenarioJmhOptions {

    private ScenarioJmhOptions() {
    }

    static Options of(Profile plan, PlannedScenario s, int round, Target target, String targetKind, Path runDir, Path log) {
        TimeValue warmup = TimeValue.milliseconds(plan.warmupMillis());
        TimeValue iteration = TimeValue.milliseconds(plan.iterationMillis());
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(s.include())
                .forks(1)
                .warmupIterations(plan.warmupIterations())
                .measurementIterations(plan.measurementIterations())
                .warmupTime(warmup)
                .measurementTime(iteration)
                .shouldFailOnError(true)
                .output(log.toString());
        s.params().forEach(b::param);
        String fs = s.scenario().fs().label();
        List<String> jvm = new ArrayList<>();
        jvm.add("-D" + BenchConfig.PREFIX + "results=" + runDir);
        jvm.add("-D" + BenchConfig.PREFIX + "round=" + round);
        jvm.add("-D" + BenchConfig.PREFIX + "rounds=" + plan.rounds());
        jvm.add("-D" + BenchConfig.PREFIX + "target." + fs + "=" + target.directory());
        jvm.add("-D" + BenchConfig.PREFIX + "targetKind." + fs + "=" + targetKind);
        jvm.add("-D" + BenchConfig.PREFIX + "kernelPath=" + (BenchConfig.kernelPath() ? "on" : "off"));
        PlannedScenario.forkProperties(plan.sizes(), BenchConfig.seed()).forEach((k, v) -> jvm.add("-D" + k + "=" + v));
        b.jvmArgsAppend(jvm.toArray(String[]::new));
        return b.build();
    }
}
