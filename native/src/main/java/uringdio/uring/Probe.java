package uringdio.uring;

import com.sun.jna.Pointer;
import java.util.BitSet;
import java.util.List;
import uringdio.layout.StructLayout;

/**
 * Which opcodes the running kernel supports (IORING_REGISTER_PROBE).
 *
 * <pre>
 * struct io_uring_probe {
 *     __u8 last_op;  __u8 ops_len;  __u16 resv;  __u32 resv2[3];
 *     struct io_uring_probe_op ops[];
 * };
 * struct io_uring_probe_op {
 *     __u8 op;  __u8 resv;  __u16 flags;  __u32 resv2;   // flags: IO_URING_OP_* flags
 * };
 * </pre>
 */
public final class Probe {

    static final int SIZE = 16;
    static final int LAST_OP = 0; // u8
    static final int OPS_LEN = 1; // u8
    static final int OPS = 16;    // struct io_uring_probe_op[]
    static final int OP_SIZE = 8;
    static final int OP_OP = 0;    // u8
    static final int OP_FLAGS = 2; // u16
    static final int IO_URING_OP_SUPPORTED = 1;

    static final List<StructLayout> LAYOUTS = List.of(
            StructLayout.of("io_uring_probe", SIZE)
                    .field("last_op", LAST_OP, 1)
                    .field("ops_len", OPS_LEN, 1)
                    .field("ops", OPS, 0),
            StructLayout.of("io_uring_probe_op", OP_SIZE)
                    .field("op", OP_OP, 1)
                    .field("flags", OP_FLAGS, 2));

    private final int lastOp;
    private final BitSet supported;

    private Probe(int lastOp, BitSet supported) {
        this.lastOp = lastOp;
        this.supported = supported;
    }

    static Probe read(long address) {
        Pointer p = new Pointer(address);
        int lastOp = p.getByte(LAST_OP) & 0xff;
        int opsLen = p.getByte(OPS_LEN) & 0xff;
        BitSet supported = new BitSet();
        for (int i = 0; i < opsLen; i++) {
            long op = OPS + (long) i * OP_SIZE;
            if ((p.getShort(op + OP_FLAGS) & IO_URING_OP_SUPPORTED) != 0) {
                supported.set(p.getByte(op + OP_OP) & 0xff);
            }
        }
        return new Probe(lastOp, supported);
    }

    public boolean supports(int opcode) {
        return opcode <= lastOp && supported.get(opcode);
    }

    /** The highest opcode this kernel knows. */
    public int lastOp() {
        return lastOp;
    }
}
