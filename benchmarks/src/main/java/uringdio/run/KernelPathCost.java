package uringdio.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uringdio.cli.BadInputException;
import uringdio.cli.ExitCode;
import uringdio.cli.OneLineCommand;
import uringdio.results.Columns;
import uringdio.results.ResultsCsv;
import uringdio.stats.PairedRatio;
import uringdio.stats.RatioInterval;

/**
 * What counting the kernel path costs the reads it counts: the same scenario run with counting on
 * and off, alternating (on, off, off, on, ...) so a drifting machine weighs on both alike, and
 * the ratio of their median end-to-end latencies with its 95% interval over the alternations.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar uringdio.run.KernelPathCost [--alternations 5] [-p NAME=V]...</pre>
 */
@Command(name = "uringdio.run.KernelPathCost", mixinStandardHelpOptions = true,
        description = "Runs one scenario with the kernel path counted and not, alternating, and prints the cost.")
public final class KernelPathCost implements Callable<Integer> {

    @Option(names = "--alternations", description = "Runs of each setting (default 5)")
    int alternations = 5;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=V", description = "The scenario (default: the seed's, on btrfs)")
    Map<String, String> params = new java.util.LinkedHashMap<>(Map.of("fs", "btrfs", "pattern", "FIRST"));

    @Option(names = "--iterations", description = "Measured iterations of 1 s per run (default 3)")
    int iterations = 3;

    @Option(names = "--results", description = "Where the runs go (default results/kernel-path-cost)")
    Path results = Path.of("results", "kernel-path-cost");

    public static void main(String[] args) {
        System.exit(OneLineCommand.of(new KernelPathCost(), "kernel-path-cost", new PrintWriter(System.out, true),
                new PrintWriter(System.err, true)).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (alternations < 2) {
            throw new BadInputException("--alternations must be at least 2, not " + alternations);
        }
        double[] on = new double[alternations];
        double[] off = new double[alternations];
        for (int i = 0; i < alternations; i++) {
            boolean onFirst = i % 2 == 0;
            for (boolean counted : onFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                double p50 = runOnce(counted, i);
                (counted ? on : off)[i] = p50;
                System.out.printf(Locale.ROOT, "  #%d kernel path %-3s  e2e p50 %.1f us%n", i + 1, counted ? "on" : "off",
                        p50 / 1000);
            }
        }
        RatioInterval r = PairedRatio.of(on, off);
        System.out.printf(Locale.ROOT, "counted / not counted, e2e p50: %s over %d alternations; on %s, off %s%n",
                r.format(), alternations, spread(on), spread(off));
        return ExitCode.OK;
    }

    /** One run of the scenario; its median end to end in ns. */
    private double runOnce(boolean counted, int alternation) throws IOException {
        Path base = results.resolve((counted ? "on-" : "off-") + (alternation + 1));
        List<String> args = new ArrayList<>(List.of("--results", base.toString(), "--warmup-iterations", "1",
                "--iterations", Integer.toString(iterations), "--kernel-path", counted ? "on" : "off"));
        params.forEach((k, v) -> args.addAll(List.of("-p", k + "=" + v)));
        int exit = RunMain.commandLine().execute(args.toArray(String[]::new));
        if (exit != ExitCode.OK) {
            throw new IllegalStateException("the run into " + base + " exited " + exit);
        }
        try (Stream<Path> dirs = Files.list(base)) {
            Path run = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
            Map<String, String> row = ResultsCsv.read(run.resolve(ResultsCsv.FILE)).get(0);
            return Double.parseDouble(row.get(Columns.latency("e2e", "p50")));
        }
    }

    private static String spread(double[] values) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return String.format(Locale.ROOT, "%.1f to %.1f us", min / 1000, max / 1000);
    }
}
