package uringdio.uring;

import uringdio.layout.StructLayout;

/**
 * The offsets of {@code struct io_uring_params}, filled in for io_uring_queue_init_params().
 *
 * <pre>
 * struct io_uring_params {
 *     __u32 sq_entries;  __u32 cq_entries;  __u32 flags;  __u32 sq_thread_cpu;
 *     __u32 sq_thread_idle;  __u32 features;  __u32 wq_fd;  __u32 resv[3];
 *     struct io_sqring_offsets sq_off;  struct io_cqring_offsets cq_off;
 * };
 * </pre>
 */
final class IoUringParams {

    static final int SIZE = 120;
    static final int SQ_ENTRIES = 0;     // u32
    static final int CQ_ENTRIES = 4;     // u32
    static final int FLAGS = 8;          // u32
    static final int SQ_THREAD_CPU = 12; // u32
    static final int SQ_THREAD_IDLE = 16; // u32
    static final int FEATURES = 20;      // u32
    static final int WQ_FD = 24;         // u32

    static final StructLayout LAYOUT = StructLayout.of("io_uring_params", SIZE)
            .field("sq_entries", SQ_ENTRIES, 4)
            .field("cq_entries", CQ_ENTRIES, 4)
            .field("flags", FLAGS, 4)
            .field("sq_thread_cpu", SQ_THREAD_CPU, 4)
            .field("sq_thread_idle", SQ_THREAD_IDLE, 4)
            .field("features", FEATURES, 4)
            .field("wq_fd", WQ_FD, 4);

    private IoUringParams() {
    }
}
