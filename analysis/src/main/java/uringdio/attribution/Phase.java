package uringdio.attribution;

/**
 * The steps of one read, in the order they happen. Each phase is the time from the step before it
 * (the latest one the read went through) to its own: so the phases a read went through add up to
 * its end-to-end latency exactly, whichever path it took.
 */
public enum Phase {
    /** Preparing the SQE to io_uring taking it ({@code io_uring_submit_req}): the submit call's entry. */
    SUBMIT("submit"),
    /** The inline NOWAIT attempt, to the filesystem's -EAGAIN ({@code iomap_dio_complete error -11}). */
    NOWAIT_REFUSED("NOWAIT attempt to -EAGAIN"),
    /** From the refusal (or the submission) to an io-wq worker starting the read blocking. */
    PUNT("punt to worker start"),
    /** The worker's first attempt: it submitted what it could, hit an unfaulted page and waited for it. */
    FORCED_WAIT("forced wait"),
    /** The worker's first attempt made no progress at all (no page of the buffer resident). */
    NO_PROGRESS("direct attempt, no progress"),
    /** From the partial completion to the restart's {@code iomap_dio_rw_begin}: faulting the buffer in. */
    FAULT_IN("fault-in"),
    /** The direct I/O that completes the read: the restart's, or the whole read's on a path without one. */
    DIRECT_IO("direct I/O to completion"),
    /** After no direct progress, btrfs reads the whole range through the page cache, to the CQE being posted. */
    BUFFERED("buffered read to completion posted"),
    /** From the filesystem's completion to io_uring posting the CQE ({@code io_uring_complete}). */
    POSTED("completion posted"),
    /** From the CQE being posted to the suite seeing it: the instrument's own error. */
    STAMP_LAG("posted to reaped");

    private final String words;

    Phase(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
