package uringdio.fidelity;

/**
 * The system property that sets the setup flags of the suite's read loop ring, and the flags fio
 * 3.33's io_uring engine asks for. Seen with strace: io_uring_setup with CQSIZE, COOP_TASKRUN,
 * SINGLE_ISSUER and DEFER_TASKRUN; refused with EINVAL, fio asks again without DEFER_TASKRUN and
 * SINGLE_ISSUER, then without COOP_TASKRUN (engines/io_uring.c, fio_ioring_queue_init), as the
 * suite's ring builder drops preferred flags. CQSIZE is left out: it only shrinks fio's CQ to its
 * queue depth, which neither tool's completions can overflow.
 *
 * <p>fio has no option to leave these flags out, so the suite's side is matched instead. They can
 * matter to what is measured: with DEFER_TASKRUN a completion is posted only when the task next
 * enters the kernel to wait, and with COOP_TASKRUN no interrupt hurries it along.
 */
final class RingFlagsProperty {

    /** {@code -Duringdio.ringFlags=...}, without the prefix. */
    static final String NAME = "ringFlags";
    static final String FIO_3_33 = "COOP_TASKRUN,SINGLE_ISSUER,DEFER_TASKRUN";

    private RingFlagsProperty() {
    }
}
