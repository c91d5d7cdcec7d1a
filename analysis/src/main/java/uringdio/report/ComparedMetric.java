package uringdio.report;

import java.util.Optional;
import uringdio.results.Columns;
import uringdio.stats.Direction;

/**
 * The metrics a comparison page judges, each with the way it gets better and, for a latency, the
 * percentile that reads its per-iteration value from a .hlog when a run has no rounds.csv.
 */
enum ComparedMetric {
    E2E_P50(Columns.latency("e2e", "p50"), "e2e p50", Direction.SMALLER_IS_BETTER, 50),
    E2E_P99(Columns.latency("e2e", "p99"), "e2e p99", Direction.SMALLER_IS_BETTER, 99),
    READS_PER_SECOND(Columns.READS_PER_SECOND, "reads/s", Direction.BIGGER_IS_BETTER, Double.NaN);

    final String column;
    final String words;
    final Direction direction;
    private final double percentile;

    ComparedMetric(String column, String words, Direction direction, double percentile) {
        this.column = column;
        this.words = words;
        this.direction = direction;
        this.percentile = percentile;
    }

    /** The percentile of the e2e histogram this metric is, if it is one. */
    Optional<Double> percentile() {
        return Double.isNaN(percentile) ? Optional.empty() : Optional.of(percentile);
    }
}
