package uringdio.stats.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uringdio.stats.Direction;
import uringdio.stats.GateRule;
import uringdio.stats.GateVerdict;
import uringdio.stats.MinimumDetectableEffect;
import uringdio.stats.RunChange;

/**
 * The intervals on rounds this suite recorded itself: {@code rounds/custom-8-rounds-loaded-2cpu.csv}
 * is the rounds.csv of {@code run -p fs=btrfs,ext4 -p pattern=FIRST,ALL --rounds 8} on a 2-vCPU
 * guest while other builds ran on it (load average about 9): per-round p50s spread by 20% to 40%,
 * p99s by far more, with outliers. Noise resampled from each scenario's rounds, A/A: the paired
 * interval (scenario against control within a run) and both between-run intervals cover 1 at
 * least 92% of the time, and the gate at 10% calls at most one A/A pair in 40 a regression (one
 * tail of the interval; under 0.5% for p50).
 */
class RecordedRoundsCoverageTest {

    private static final String FILE = "/rounds/custom-8-rounds-loaded-2cpu.csv";
    private static final List<String> METRICS = List.of("e2e_p50_ns", "e2e_p99_ns", "reads_per_s");
    /** The default profile's rounds. */
    private static final int ROUNDS = 5;

    /** Scenario and metric to its recorded per-round values. */
    static Map<String, List<Double>> recorded() throws IOException {
        Map<String, List<Double>> byKey = new LinkedHashMap<>();
        try (InputStream in = RecordedRoundsCoverageTest.class.getResourceAsStream(FILE)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            List<String> header = List.of(lines.get(0).split(","));
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                for (String m : METRICS) {
                    byKey.computeIfAbsent(cells[0] + " " + m, k -> new ArrayList<>())
                            .add(Double.parseDouble(cells[header.indexOf(m)]));
                }
            }
        }
        return byKey;
    }

    @Test
    void pairedIntervalsCoverOneOnRecordedRounds() throws IOException {
        int seed = 9100;
        for (Map.Entry<String, List<Double>> e : recorded().entrySet()) {
            double coverage = new GateSimulation(new ResampledNoise(e.getValue()), seed++).pairedCoverage(ROUNDS, 1, Coverage.TRIALS);
            System.out.printf(Locale.ROOT, "paired, %s, %d rounds: coverage %.1f%%%n", e.getKey(), ROUNDS, coverage * 100);
            assertTrue(coverage >= Coverage.LOWEST && coverage <= Coverage.HIGHEST_UNDER_HEAVY_TAILS, e.getKey() + ": " + coverage);
        }
    }

    @Test
    void betweenRunIntervalsCoverOneAndTheGatePassesAaPairs() throws IOException {
        int seed = 9200;
        for (RunChange method : RunChange.values()) {
            for (Map.Entry<String, List<Double>> e : recorded().entrySet()) {
                GateSimulation sim = new GateSimulation(new ResampledNoise(e.getValue()), seed++);
                double coverage = sim.runChangeCoverage(method, ROUNDS, 1, Coverage.TRIALS);
                Direction d = e.getKey().endsWith("reads_per_s") ? Direction.BIGGER_IS_BETTER : Direction.SMALLER_IS_BETTER;
                double falseAlarms = sim.verdictRate(method, GateRule.DEFAULT, d, ROUNDS, 1, GateVerdict.REGRESSION, Coverage.TRIALS);
                double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
                double detectable = MinimumDetectableEffect.betweenRuns(v).detectableChange(ROUNDS);
                System.out.printf(Locale.ROOT, "%s, %s, %d rounds: coverage %.1f%%, A/A regressions %.2f%%,"
                        + " detectable change %.0f%%%n", method, e.getKey(), ROUNDS, coverage * 100, falseAlarms * 100, detectable * 100);
                assertTrue(coverage >= Coverage.LOWEST && coverage <= Coverage.HIGHEST_UNDER_HEAVY_TAILS, e.getKey() + ": " + coverage);
                // One tail of a 95% interval: at most 2.5% of A/A pairs beyond 1, fewer beyond 1.10.
                // TRIMMED keeps 3 of 5 rounds: its A/A regressions reach 3.2% on p99 here, why WELCH is compare's default.
                assertTrue(method == RunChange.TRIMMED || falseAlarms <= 0.025, e.getKey() + ": " + falseAlarms);
            }
        }
    }
}
