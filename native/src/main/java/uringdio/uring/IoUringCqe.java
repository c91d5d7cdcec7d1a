package uringdio.uring;

import uringdio.layout.StructLayout;

/**
 * The layout of a completion queue entry; {@link IoUring} reads them in place.
 *
 * <pre>
 * struct io_uring_cqe {
 *     __u64 user_data;  // sqe->user_data value passed back
 *     __s32 res;        // result code for this event
 *     __u32 flags;
 * };
 * </pre>
 */
public final class IoUringCqe {

    static final int SIZE = 16;
    static final int USER_DATA = 0; // u64
    static final int RES = 8;       // s32
    static final int FLAGS = 12;    // u32

    public static final StructLayout LAYOUT = StructLayout.of("io_uring_cqe", SIZE)
            .field("user_data", USER_DATA, 8)
            .field("res", RES, 4)
            .field("flags", FLAGS, 4);

    private IoUringCqe() {
    }
}
