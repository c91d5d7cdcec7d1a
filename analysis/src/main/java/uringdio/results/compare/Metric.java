package uringdio.results.compare;

import uringdio.stats.Direction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import uringdio.cli.BadInputException;
import uringdio.results.Columns;

/**
 * A column of {@code scenarios.csv} worth comparing between runs, and which way it gets worse.
 * A latency statistic ({@code e2e_p99_ns}) also names the {@code .hlog} tag and statistic that
 * give its value for each measurement iteration; throughput and CPU columns have no per-iteration
 * value in the results, so only their whole-run value is compared.
 */
public record Metric(String column, Direction direction, Optional<String> hlogTag, Optional<String> statistic) {

    /** The latency statistics compared; {@code count} is how many reads, not how fast they were. */
    private static final List<String> LATENCY_STATISTICS = List.of("mean", "p50", "p90", "p99", "p999", "max");

    /** Every metric {@code compare} knows, latencies first, in {@link Columns} order. */
    public static final List<Metric> KNOWN;

    static {
        List<Metric> known = new ArrayList<>();
        for (String tag : Columns.LATENCIES) {
            for (String stat : LATENCY_STATISTICS) {
                known.add(new Metric(Columns.latency(tag, stat), Direction.SMALLER_IS_BETTER, Optional.of(tag), Optional.of(stat)));
            }
        }
        known.add(wholeRun(Columns.READS_PER_SECOND, Direction.BIGGER_IS_BETTER));
        known.add(wholeRun(Columns.MIB_PER_SECOND, Direction.BIGGER_IS_BETTER));
        known.add(wholeRun(Columns.CPU_USER_US_PER_READ, Direction.SMALLER_IS_BETTER));
        known.add(wholeRun(Columns.CPU_SYS_US_PER_READ, Direction.SMALLER_IS_BETTER));
        known.add(wholeRun(Columns.PROCESS_CPU_NS_PER_READ, Direction.SMALLER_IS_BETTER));
        known.add(wholeRun(Columns.MACHINE_CPU_NS_PER_READ, Direction.SMALLER_IS_BETTER));
        known.add(wholeRun(Columns.IOWQ_CPU_NS_PER_READ, Direction.SMALLER_IS_BETTER));
        KNOWN = Collections.unmodifiableList(known);
    }

    private static Metric wholeRun(String column, Direction direction) {
        return new Metric(column, direction, Optional.empty(), Optional.empty());
    }

    /** The metric whose column is {@code name}. */
    public static Metric named(String name) {
        for (Metric m : KNOWN) {
            if (m.column.equals(name)) {
                return m;
            }
        }
        throw new BadInputException("unknown metric '" + name + "'; known metrics: "
                + String.join(",", KNOWN.stream().map(Metric::column).toList()));
    }

    public boolean hasIterations() {
        return hlogTag.isPresent();
    }

    /**
     * This metric's value over one iteration's histogram, computed as the run computed the
     * whole-run column from the total histogram, so the two are comparable.
     */
    public double valueOf(Histogram iteration) {
        String stat = statistic.orElseThrow(() -> new IllegalStateException(column + " has no per-iteration value"));
        return switch (stat) {
            case "mean" -> iteration.getMean();
            case "p50" -> iteration.getValueAtPercentile(50);
            case "p90" -> iteration.getValueAtPercentile(90);
            case "p99" -> iteration.getValueAtPercentile(99);
            case "p999" -> iteration.getValueAtPercentile(99.9);
            case "max" -> iteration.getMaxValue();
            default -> throw new IllegalStateException("no per-iteration statistic " + stat);
        };
    }

    @Override
    public String toString() {
        return column;
    }
}
