package uringdio.uring;

import java.util.Map;

/** The io_uring opcodes, SQE flags and read flags the suite uses (include/uapi/linux/io_uring.h, linux/fs.h). */
public final class Opcode {

    public static final int NOP = 0;
    public static final int READV = 1;
    public static final int READ_FIXED = 4;
    public static final int READ = 22;

    /** sqe->flags: the fd is an index into the registered files. */
    public static final int IOSQE_FIXED_FILE = 1;
    /** sqe->flags: never issue inline, always hand to an io-wq worker. */
    public static final int IOSQE_ASYNC = 1 << 4;

    /** rw_flags: high-priority (polled) I/O. */
    public static final int RWF_HIPRI = 0x1;
    /** rw_flags: return -EAGAIN in the CQE rather than block or punt. */
    public static final int RWF_NOWAIT = 0x8;

    private Opcode() {
    }

    /** The Java values by their C names, for the check against the headers. */
    static Map<String, Long> javaConstants() {
        return Map.of("IORING_OP_NOP", (long) NOP, "IORING_OP_READV", (long) READV,
                "IORING_OP_READ_FIXED", (long) READ_FIXED, "IORING_OP_READ", (long) READ,
                "IOSQE_FIXED_FILE", (long) IOSQE_FIXED_FILE, "IOSQE_ASYNC", (long) IOSQE_ASYNC,
                "RWF_HIPRI", (long) RWF_HIPRI, "RWF_NOWAIT", (long) RWF_NOWAIT);
    }

    /** The name of an opcode, for messages. */
    public static String name(int opcode) {
        return switch (opcode) {
            case NOP -> "NOP";
            case READV -> "READV";
            case READ_FIXED -> "READ_FIXED";
            case READ -> "READ";
            default -> "opcode " + opcode;
        };
    }
}
