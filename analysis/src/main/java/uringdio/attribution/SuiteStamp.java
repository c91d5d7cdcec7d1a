package uringdio.attribution;

/**
 * The suite's own view of one read in a traced pass: its SQE's user_data, the file offset it
 * read, and {@code System.nanoTime()} when its SQE was prepared and when its completion was first
 * seen. The end-to-end latency of the tables is {@code reapedNanos - preparedNanos}.
 */
public record SuiteStamp(long userData, long offset, long preparedNanos, long reapedNanos) {
}
