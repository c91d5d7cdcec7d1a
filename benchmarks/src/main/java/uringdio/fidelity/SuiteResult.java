package uringdio.fidelity;

import java.util.Map;
import uringdio.results.Columns;

/**
 * What the suite measured for one {@link SameRead}: its row of {@code scenarios.csv}, the columns
 * compared with fio's report and those that say what the suite did per read that fio does not.
 *
 * @param e2eP50Ns          median end-to-end latency (prep of the SQE to reap of the CQE), ns
 * @param e2eP99Ns          99th percentile of it, ns
 * @param e2eMeanNs         mean of it, ns
 * @param completionP50Ns   median from the submit call's return to reap (fio's clat), ns
 * @param submitMeanNs      mean time inside the submit call, ns
 * @param readsPerSecond    correct reads per measured second (re-arming and verifying buffers timed out)
 * @param reads             correct reads in the measurement iterations
 * @param measuredSeconds   the measurement iterations' time, less re-arming
 * @param checkMeanNs       the data check of one completed read (length and every byte), ns
 * @param rearmMeanNs       re-arming a buffer and verifying its residency with mincore, ns
 * @param wrongReads        short reads, wrong bytes, errors and -EAGAIN, over every read
 * @param patternMismatches buffers found not resident as the pattern asks before a read
 * @param ringFlags         the setup flags the suite's ring ran with
 * @param pageCachePagesAfter the file's pages in the page cache after the run (0 for direct reads)
 * @param machineCpuNsPerRead every CPU's busy time per read over the measured time, ns
 * @param ioWqCpuNsPerRead  the io-wq workers' CPU time per read, ns
 */
public record SuiteResult(double e2eP50Ns, double e2eP99Ns, double e2eMeanNs, double completionP50Ns,
                          double submitMeanNs, double readsPerSecond, long reads, double measuredSeconds,
                          double checkMeanNs, double rearmMeanNs, long wrongReads, long patternMismatches,
                          String ringFlags, long pageCachePagesAfter, double machineCpuNsPerRead,
                          double ioWqCpuNsPerRead) {

    /** Reads the scenario's row; a missing column is named. */
    public static SuiteResult fromRow(Map<String, String> row) {
        return new SuiteResult(number(row, Columns.latency("e2e", "p50")), number(row, Columns.latency("e2e", "p99")),
                number(row, Columns.latency("e2e", "mean")), number(row, Columns.latency("completion", "p50")),
                number(row, Columns.latency("submit", "mean")), number(row, Columns.READS_PER_SECOND),
                (long) number(row, Columns.READS), number(row, Columns.MEASURED_SECONDS),
                number(row, Columns.CHECK_MEAN_NS), number(row, Columns.REARM_MEAN_NS),
                (long) (number(row, Columns.SHORT_READS) + number(row, Columns.DATA_MISMATCHES)
                        + number(row, Columns.ERRORS) + number(row, Columns.EAGAIN)),
                (long) number(row, Columns.PATTERN_MISMATCHES), row.getOrDefault(Columns.RING_FLAGS, "?"),
                (long) number(row, Columns.PAGE_CACHE_PAGES), number(row, Columns.MACHINE_CPU_NS_PER_READ),
                number(row, Columns.IOWQ_CPU_NS_PER_READ));
    }

    /**
     * The share of the measured time the loop spent checking data: work fio does not do, inside
     * the suite's reads per second (not inside its latencies, which end at the reap).
     */
    public double checkShareOfTime() {
        return checkMeanNs * readsPerSecond / 1e9;
    }

    /** Reads in flight on average, by Little's law (reads/s times mean end-to-end latency); see {@link FioResult#meanInFlight()}. */
    public double meanInFlight() {
        return readsPerSecond * e2eMeanNs / 1e9;
    }

    private static double number(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("the suite's results have no " + column);
        }
        return Double.parseDouble(v);
    }
}
