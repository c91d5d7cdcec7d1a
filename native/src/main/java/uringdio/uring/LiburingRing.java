package uringdio.uring;

import uringdio.layout.StructLayout;

/**
 * The offsets of liburing's {@code struct io_uring}, the user-space ring state that liburing's
 * exported functions (submit, wait, register) read and write and that the binding shares with
 * them: Java advances {@code sq.sqe_tail} after writing an SQE, and liburing's submit publishes
 * it to the kernel.
 *
 * <pre>
 * struct io_uring_sq {
 *     unsigned *khead, *ktail, *kring_mask, *kring_entries, *kflags, *kdropped, *array;
 *     struct io_uring_sqe *sqes;
 *     unsigned sqe_head, sqe_tail;
 *     size_t ring_sz;  void *ring_ptr;
 *     unsigned ring_mask, ring_entries;
 *     unsigned pad[2];
 * };
 * struct io_uring_cq {
 *     unsigned *khead, *ktail, *kring_mask, *kring_entries, *kflags, *koverflow;
 *     struct io_uring_cqe *cqes;
 *     size_t ring_sz;  void *ring_ptr;
 *     unsigned ring_mask, ring_entries;
 *     unsigned pad[2];
 * };
 * struct io_uring {
 *     struct io_uring_sq sq;  struct io_uring_cq cq;
 *     unsigned flags;  int ring_fd;  unsigned features;  int enter_ring_fd;
 *     __u8 int_flags;  __u8 pad[3];  unsigned pad2;
 * };
 * </pre>
 */
final class LiburingRing {

    static final int SIZE = 216;
    static final int SQ_KHEAD = 0;          // unsigned *
    static final int SQ_KTAIL = 8;          // unsigned *
    static final int SQ_KFLAGS = 32;        // unsigned *
    static final int SQ_KDROPPED = 40;      // unsigned *
    static final int SQ_ARRAY = 48;         // unsigned *
    static final int SQ_SQES = 56;          // struct io_uring_sqe *
    static final int SQ_SQE_HEAD = 64;      // unsigned
    static final int SQ_SQE_TAIL = 68;      // unsigned
    static final int SQ_RING_MASK = 88;     // unsigned
    static final int SQ_RING_ENTRIES = 92;  // unsigned
    static final int CQ_KHEAD = 104;        // unsigned *
    static final int CQ_KTAIL = 112;        // unsigned *
    static final int CQ_KOVERFLOW = 144;    // unsigned *
    static final int CQ_CQES = 152;         // struct io_uring_cqe *
    static final int CQ_RING_MASK = 176;    // unsigned
    static final int CQ_RING_ENTRIES = 180; // unsigned
    static final int FLAGS = 192;           // unsigned
    static final int RING_FD = 196;         // int
    static final int FEATURES = 200;        // unsigned

    static final StructLayout LAYOUT = StructLayout.of("io_uring", SIZE)
            .field("sq.khead", SQ_KHEAD, 8)
            .field("sq.ktail", SQ_KTAIL, 8)
            .field("sq.kflags", SQ_KFLAGS, 8)
            .field("sq.kdropped", SQ_KDROPPED, 8)
            .field("sq.array", SQ_ARRAY, 8)
            .field("sq.sqes", SQ_SQES, 8)
            .field("sq.sqe_head", SQ_SQE_HEAD, 4)
            .field("sq.sqe_tail", SQ_SQE_TAIL, 4)
            .field("sq.ring_mask", SQ_RING_MASK, 4)
            .field("sq.ring_entries", SQ_RING_ENTRIES, 4)
            .field("cq.khead", CQ_KHEAD, 8)
            .field("cq.ktail", CQ_KTAIL, 8)
            .field("cq.koverflow", CQ_KOVERFLOW, 8)
            .field("cq.cqes", CQ_CQES, 8)
            .field("cq.ring_mask", CQ_RING_MASK, 4)
            .field("cq.ring_entries", CQ_RING_ENTRIES, 4)
            .field("flags", FLAGS, 4)
            .field("ring_fd", RING_FD, 4)
            .field("features", FEATURES, 4);

    private LiburingRing() {
    }
}
