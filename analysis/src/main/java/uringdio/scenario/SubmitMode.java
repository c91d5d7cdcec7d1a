package uringdio.scenario;

/** How a read is handed to the kernel: the axis that decides which path it takes (see KERNEL-FACTS). */
public enum SubmitMode {
    /** io_uring's own issue: inline with IOCB_NOWAIT first, punted to io-wq on -EAGAIN. */
    INLINE,
    /** RWF_NOWAIT: the -EAGAIN comes back in the CQE; counted, then retried without it or not. */
    RWF_NOWAIT,
    /** IOSQE_ASYNC: always issued by an io-wq worker, never inline. */
    IOSQE_ASYNC,
    /** READ_FIXED into a registered (pinned) buffer: no fault path at all. */
    REGISTERED,
    /** A synchronous pread(2) in the calling thread: the baseline without io_uring. */
    PREAD
}
