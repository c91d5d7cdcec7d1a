package uringdio.attribution;

/**
 * What the kernel did for one scenario's reads over its measured iterations, counted exactly from
 * tracepoints (not sampled): how many reads io_uring was handed, how many it punted to an io-wq
 * worker, and what the filesystem's direct-I/O path did with them.
 *
 * <p>Which tracepoint (and filter) gives each count, on Linux 6.18:
 * <ul>
 *   <li>{@code submissions}: {@code io_uring/io_uring_submit_req} for a read opcode; for PREAD,
 *       which has no ring, the suite's own count of reads issued;</li>
 *   <li>{@code punts}: {@code io_uring/io_uring_queue_async_work}: refused inline (or
 *       IOSQE_ASYNC) and handed to an io-wq worker, which issues it blocking;</li>
 *   <li>{@code dioAttempts}: {@code iomap/iomap_dio_rw_begin} on the scenario's filesystem;</li>
 *   <li>{@code restarts}: those with {@code done_before > 0}: a read resumed after a partial one
 *       (btrfs faulted the rest of the buffer in and went again);</li>
 *   <li>{@code eagain}: {@code iomap/iomap_dio_complete} with {@code error == -11}: a NOWAIT attempt
 *       the filesystem refused;</li>
 *   <li>{@code partial}: {@code iomap_dio_complete} with {@code 0 < ret < read size}: the
 *       blocking attempt stopped at an unfaulted page and waited for what it had submitted (the
 *       forced wait);</li>
 *   <li>{@code zeroProgress}: {@code iomap_dio_complete} with {@code ret == 0} and no error: the
 *       direct read made no progress at all (btrfs then finishes it with buffered I/O);</li>
 *   <li>{@code buffered}: {@code filemap/mm_filemap_get_pages} on the fixture file: page-cache
 *       lookups, each one a buffered read of one or more pages.</li>
 * </ul>
 * Events of the loop device's own direct I/O on its image file are on another device and are not
 * counted.
 */
public record PathCounts(long submissions, long punts, long dioAttempts, long restarts, long eagain, long partial,
                         long zeroProgress, long buffered) {

    public PathCounts {
        if (submissions < 0 || punts < 0 || dioAttempts < 0 || restarts < 0 || eagain < 0 || partial < 0
                || zeroProgress < 0 || buffered < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + this);
        }
    }

    /** {@code count} per submitted read, 0 when nothing was submitted. */
    public double perRead(long count) {
        return submissions == 0 ? 0 : (double) count / submissions;
    }

    /** Share of reads (0 to 1) that went through an io-wq worker. */
    public double puntedShare() {
        return share(punts);
    }

    /** Share of reads that stopped after partial progress and waited for it: the forced wait. */
    public double forcedWaitShare() {
        return share(partial);
    }

    /**
     * Share of reads finished with buffered I/O. A read that made no direct progress is one; so is
     * a read whose page-cache lookups btrfs made without such a completion first (compressed
     * extents); a large read may look pages up more than once, so lookups count at most one each.
     */
    public double bufferedShare() {
        return share(Math.max(zeroProgress, buffered));
    }

    private double share(long count) {
        return submissions == 0 ? 0 : Math.min(1.0, (double) count / submissions);
    }
}
