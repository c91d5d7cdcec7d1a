package uringdio.libc;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import uringdio.layout.StructLayout;

/**
 * The FS_IOC_FIEMAP ioctl: how a file's bytes lie on disk, extent by extent.
 *
 * <pre>
 * struct fiemap {
 *     __u64 fm_start;           // logical offset (inclusive) at which to start mapping (in)
 *     __u64 fm_length;          // logical length of mapping which userspace wants (in)
 *     __u32 fm_flags;           // FIEMAP_FLAG_* flags for request (in/out)
 *     __u32 fm_mapped_extents;  // number of extents that were mapped (out)
 *     __u32 fm_extent_count;    // size of fm_extents array (in)
 *     __u32 fm_reserved;
 *     struct fiemap_extent fm_extents[];
 * };
 * struct fiemap_extent {
 *     __u64 fe_logical;  __u64 fe_physical;  __u64 fe_length;  __u64 fe_reserved64[2];
 *     __u32 fe_flags;    __u32 fe_reserved[3];
 * };
 * </pre>
 */
public final class Fiemap {

    static final int SIZE = 32;
    static final int FM_START = 0;           // u64
    static final int FM_LENGTH = 8;          // u64
    static final int FM_FLAGS = 16;          // u32
    static final int FM_MAPPED_EXTENTS = 20; // u32
    static final int FM_EXTENT_COUNT = 24;   // u32
    static final int FM_EXTENTS = 32;        // struct fiemap_extent[]

    static final int EXTENT_SIZE = 56;
    static final int FE_LOGICAL = 0;   // u64
    static final int FE_PHYSICAL = 8;  // u64
    static final int FE_LENGTH = 16;   // u64
    static final int FE_FLAGS = 40;    // u32

    public static final int FIEMAP_FLAG_SYNC = 0x1;
    public static final int FIEMAP_EXTENT_LAST = 0x1;
    public static final int FIEMAP_EXTENT_ENCODED = 0x8;
    public static final int FIEMAP_EXTENT_DATA_INLINE = 0x200;
    public static final int FIEMAP_EXTENT_UNWRITTEN = 0x800;
    public static final int FIEMAP_EXTENT_SHARED = 0x2000;

    public static final List<StructLayout> LAYOUTS = List.of(
            StructLayout.of("fiemap", SIZE)
                    .field("fm_start", FM_START, 8)
                    .field("fm_length", FM_LENGTH, 8)
                    .field("fm_flags", FM_FLAGS, 4)
                    .field("fm_mapped_extents", FM_MAPPED_EXTENTS, 4)
                    .field("fm_extent_count", FM_EXTENT_COUNT, 4)
                    .field("fm_extents", FM_EXTENTS, 0),
            StructLayout.of("fiemap_extent", EXTENT_SIZE)
                    .field("fe_logical", FE_LOGICAL, 8)
                    .field("fe_physical", FE_PHYSICAL, 8)
                    .field("fe_length", FE_LENGTH, 8)
                    .field("fe_flags", FE_FLAGS, 4));

    private static final int BATCH = 256;

    private Fiemap() {
    }

    /**
     * The extents of {@code fd} that overlap {@code [start, start + length)}, in logical order,
     * after the file's dirty data is synced (FIEMAP_FLAG_SYNC) so delayed allocation is settled.
     */
    public static List<FileExtent> extents(int fd, long start, long length) {
        List<FileExtent> out = new ArrayList<>();
        long end = start + length;
        long next = start;
        try (Memory req = new Memory(SIZE + (long) BATCH * EXTENT_SIZE)) {
            while (next < end) {
                req.clear();
                req.setLong(FM_START, next);
                req.setLong(FM_LENGTH, end - next);
                req.setInt(FM_FLAGS, FIEMAP_FLAG_SYNC);
                req.setInt(FM_EXTENT_COUNT, BATCH);
                LibC.ioctl(fd, LibC.FS_IOC_FIEMAP, Pointer.nativeValue(req), "FS_IOC_FIEMAP");
                int mapped = req.getInt(FM_MAPPED_EXTENTS);
                if (mapped == 0) {
                    break; // a hole to the end of the range
                }
                boolean last = false;
                for (int i = 0; i < mapped; i++) {
                    long base = FM_EXTENTS + (long) i * EXTENT_SIZE;
                    FileExtent e = new FileExtent(req.getLong(base + FE_LOGICAL), req.getLong(base + FE_PHYSICAL),
                            req.getLong(base + FE_LENGTH), req.getInt(base + FE_FLAGS));
                    out.add(e);
                    next = e.logical() + e.length();
                    last |= (e.flags() & FIEMAP_EXTENT_LAST) != 0;
                }
                if (last) {
                    break;
                }
            }
        }
        return out;
    }
}
