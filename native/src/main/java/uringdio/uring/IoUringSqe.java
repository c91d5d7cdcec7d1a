package uringdio.uring;

import java.nio.ByteBuffer;
import uringdio.layout.StructLayout;

/**
 * One submission queue entry, written in place in the kernel-shared SQE array: a reusable view
 * that {@link IoUring#nextSqe()} points at the next free slot.
 *
 * <p>Why Java writes SQEs by offset instead of calling a C shim: Debian 12's liburing 2.3 has
 * every {@code io_uring_prep_*} as a static inline, and a JNA crossing costs about as much as
 * the rest of a NOP round trip in Java. Writing the 64 bytes here keeps one native call per
 * submit; each offset and width below is checked against {@code offsetof}/{@code sizeof}
 * from the installed header ({@link #LAYOUT}) before a ring is made.
 *
 * <pre>
 * struct io_uring_sqe {
 *     __u8  opcode;  __u8 flags;  __u16 ioprio;  __s32 fd;
 *     union { __u64 off; __u64 addr2; ... };
 *     union { __u64 addr; __u64 splice_off_in; };
 *     __u32 len;
 *     union { __kernel_rwf_t rw_flags; __u32 fsync_flags; ... };
 *     __u64 user_data;
 *     union { __u16 buf_index; __u16 buf_group; } __attribute__((packed));
 *     __u16 personality;
 *     union { __s32 splice_fd_in; __u32 file_index; ... };
 *     union { struct { __u64 addr3; __u64 __pad2[1]; }; __u8 cmd[0]; };
 * };
 * </pre>
 */
public final class IoUringSqe {

    static final int SIZE = 64;
    static final int OPCODE = 0;       // u8
    static final int FLAGS = 1;        // u8
    static final int IOPRIO = 2;       // u16
    static final int FD = 4;           // s32
    static final int OFF = 8;          // u64
    static final int ADDR = 16;        // u64
    static final int LEN = 24;         // u32
    static final int RW_FLAGS = 28;    // s32 (__kernel_rwf_t)
    static final int USER_DATA = 32;   // u64
    static final int BUF_INDEX = 40;   // u16
    static final int PERSONALITY = 42; // u16
    static final int FILE_INDEX = 44;  // u32
    static final int ADDR3 = 48;       // u64
    static final int PAD2 = 56;        // u64[1]

    public static final StructLayout LAYOUT = StructLayout.of("io_uring_sqe", SIZE)
            .field("opcode", OPCODE, 1)
            .field("flags", FLAGS, 1)
            .field("ioprio", IOPRIO, 2)
            .field("fd", FD, 4)
            .field("off", OFF, 8)
            .field("addr", ADDR, 8)
            .field("len", LEN, 4)
            .field("rw_flags", RW_FLAGS, 4)
            .field("user_data", USER_DATA, 8)
            .field("buf_index", BUF_INDEX, 2)
            .field("personality", PERSONALITY, 2)
            .field("file_index", FILE_INDEX, 4)
            .field("addr3", ADDR3, 8)
            .field("__pad2", PAD2, 8);

    private final ByteBuffer sqes;
    private int base;

    IoUringSqe(ByteBuffer sqes) {
        this.sqes = sqes;
    }

    /** Points this view at SQE slot {@code index}. */
    IoUringSqe at(int index) {
        this.base = index * SIZE;
        return this;
    }

    /** What liburing's io_uring_prep_rw() does: every field the kernel reads is set, the rest zeroed. */
    private IoUringSqe prepRw(int opcode, int fd, long addr, int len, long offset) {
        ByteBuffer b = sqes;
        int o = base;
        b.put(o + OPCODE, (byte) opcode);
        b.put(o + FLAGS, (byte) 0);
        b.putShort(o + IOPRIO, (short) 0);
        b.putInt(o + FD, fd);
        b.putLong(o + OFF, offset);
        b.putLong(o + ADDR, addr);
        b.putInt(o + LEN, len);
        b.putInt(o + RW_FLAGS, 0);
        b.putLong(o + USER_DATA, 0L);
        b.putShort(o + BUF_INDEX, (short) 0);
        b.putShort(o + PERSONALITY, (short) 0);
        b.putInt(o + FILE_INDEX, 0);
        b.putLong(o + ADDR3, 0L);
        b.putLong(o + PAD2, 0L);
        return this;
    }

    public IoUringSqe prepNop() {
        return prepRw(Opcode.NOP, -1, 0L, 0, 0L);
    }

    /** IORING_OP_READ: {@code len} bytes at file {@code offset} into the buffer at {@code addr}. */
    public IoUringSqe prepRead(int fd, long addr, int len, long offset) {
        return prepRw(Opcode.READ, fd, addr, len, offset);
    }

    /** IORING_OP_READV: into {@code nrVecs} struct iovec at {@code iovecs}. */
    public IoUringSqe prepReadv(int fd, long iovecs, int nrVecs, long offset) {
        return prepRw(Opcode.READV, fd, iovecs, nrVecs, offset);
    }

    /** IORING_OP_READ_FIXED: into registered buffer {@code bufIndex}, which must contain {@code [addr, addr+len)}. */
    public IoUringSqe prepReadFixed(int fd, long addr, int len, long offset, int bufIndex) {
        prepRw(Opcode.READ_FIXED, fd, addr, len, offset);
        sqes.putShort(base + BUF_INDEX, (short) bufIndex);
        return this;
    }

    /** {@code sqe->flags}: IOSQE_ASYNC, IOSQE_FIXED_FILE. */
    public IoUringSqe flags(int iosqeFlags) {
        sqes.put(base + FLAGS, (byte) iosqeFlags);
        return this;
    }

    /** {@code sqe->rw_flags}: RWF_NOWAIT, RWF_HIPRI. */
    public IoUringSqe rwFlags(int rwf) {
        sqes.putInt(base + RW_FLAGS, rwf);
        return this;
    }

    public IoUringSqe userData(long userData) {
        sqes.putLong(base + USER_DATA, userData);
        return this;
    }
}
