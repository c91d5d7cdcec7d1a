package uringdio.libc;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A region of mmap'd memory: where every read of the suite lands, never the Java heap, so the
 * kernel sees the pages exactly as the fault-in pattern left them.
 */
public final class MappedMemory implements AutoCloseable {

    private final long address;
    private final long size;
    private final int pageSize;
    private final Memory residencyVector;
    private final byte[] residency;
    private boolean closed;

    private MappedMemory(long address, long size) {
        this.address = address;
        this.size = size;
        this.pageSize = LibC.pageSize();
        int pages = (int) ((size + pageSize - 1) / pageSize);
        this.residencyVector = new Memory(pages);
        this.residency = new byte[pages];
    }

    /** Private anonymous memory of {@code size} bytes: no page resident until touched. */
    public static MappedMemory anonymous(long size) {
        return new MappedMemory(LibC.mmap(size, LibC.PROT_READ | LibC.PROT_WRITE,
                LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS, -1, 0), size);
    }

    /** A shared read-write mapping of {@code size} bytes of an open file, from offset 0 (fstests generic/647's buffer). */
    public static MappedMemory sharedFile(int fd, long size) {
        return sharedFile(fd, size, LibC.PROT_READ | LibC.PROT_WRITE);
    }

    /** A shared mapping of {@code size} bytes of an open file, from offset 0, with protection {@code prot}. */
    public static MappedMemory sharedFile(int fd, long size, int prot) {
        return new MappedMemory(LibC.mmap(size, prot, LibC.MAP_SHARED, fd, 0), size);
    }

    public long address() {
        return address;
    }

    public long size() {
        return size;
    }

    public int pageSize() {
        return pageSize;
    }

    public int pages() {
        return residency.length;
    }

    /** A direct view of the whole region in native byte order; it must not outlive {@link #close()}. */
    public ByteBuffer byteBuffer() {
        return new Pointer(address).getByteBuffer(0, size).order(ByteOrder.nativeOrder());
    }

    /** MADV_DONTNEED over every page: anonymous pages read back as zeros after this, file pages fault in again. */
    public void dropAllPages() {
        LibC.madvise(address, size, LibC.MADV_DONTNEED);
    }

    /**
     * mincore(2) over the region: the returned array (reused by the next call) holds, one byte a
     * page, bit 0 set where the page is resident. For a file mapping that means "in the page
     * cache", not "mapped in this process".
     */
    public byte[] residency() {
        LibC.mincore(address, size, Pointer.nativeValue(residencyVector));
        residencyVector.read(0, residency, 0, residency.length);
        return residency;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            LibC.munmap(address, size);
            residencyVector.close();
        }
    }
}
