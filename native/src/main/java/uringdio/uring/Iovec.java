package uringdio.uring;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import uringdio.layout.StructLayout;

/**
 * An array of {@code struct iovec} in native memory, for READV and buffer registration.
 *
 * <pre>
 * struct iovec {
 *     void  *iov_base;  // starting address
 *     size_t iov_len;   // number of bytes
 * };
 * </pre>
 */
public final class Iovec implements AutoCloseable {

    static final int SIZE = 16;
    static final int IOV_BASE = 0; // void *
    static final int IOV_LEN = 8;  // size_t

    public static final StructLayout LAYOUT = StructLayout.of("iovec", SIZE)
            .field("iov_base", IOV_BASE, 8)
            .field("iov_len", IOV_LEN, 8);

    private final Memory memory;
    private final int count;

    public Iovec(int count) {
        this.count = count;
        this.memory = new Memory((long) SIZE * count);
        memory.clear();
    }

    public Iovec set(int index, long base, long length) {
        memory.setLong((long) index * SIZE + IOV_BASE, base);
        memory.setLong((long) index * SIZE + IOV_LEN, length);
        return this;
    }

    /** Splits {@code [base, base + length)} into {@code count} equal vectors, as a READV of pages. */
    public static Iovec split(long base, long length, int count) {
        Iovec v = new Iovec(count);
        long each = length / count;
        for (int i = 0; i < count; i++) {
            v.set(i, base + i * each, i == count - 1 ? length - i * each : each);
        }
        return v;
    }

    public long address() {
        return Pointer.nativeValue(memory);
    }

    public int count() {
        return count;
    }

    @Override
    public void close() {
        memory.close();
    }
}
