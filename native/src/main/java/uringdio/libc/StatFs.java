package uringdio.libc;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import uringdio.layout.StructLayout;

/**
 * fstatfs(2): which filesystem a file lives on and how much room it has.
 *
 * <pre>
 * struct statfs {                     // glibc, x86-64
 *     __fsword_t f_type;  __fsword_t f_bsize;
 *     fsblkcnt_t f_blocks; fsblkcnt_t f_bfree; fsblkcnt_t f_bavail;
 *     fsfilcnt_t f_files;  fsfilcnt_t f_ffree; fsid_t f_fsid;
 *     __fsword_t f_namelen; __fsword_t f_frsize; __fsword_t f_flags; __fsword_t f_spare[4];
 * };
 * </pre>
 */
public record StatFs(long type, long blockSize, long blocks, long freeBlocks, long availableBlocks, long flags) {

    static final int SIZE = 120;
    static final int F_TYPE = 0;    // long
    static final int F_BSIZE = 8;   // long
    static final int F_BLOCKS = 16; // u64
    static final int F_BFREE = 24;  // u64
    static final int F_BAVAIL = 32; // u64
    static final int F_FLAGS = 80;  // long

    public static final StructLayout LAYOUT = StructLayout.of("statfs", SIZE)
            .field("f_type", F_TYPE, 8)
            .field("f_bsize", F_BSIZE, 8)
            .field("f_blocks", F_BLOCKS, 8)
            .field("f_bfree", F_BFREE, 8)
            .field("f_bavail", F_BAVAIL, 8)
            .field("f_flags", F_FLAGS, 8);

    public static final long BTRFS_SUPER_MAGIC = 0x9123683EL;
    public static final long EXT4_SUPER_MAGIC = 0xEF53L;
    public static final long XFS_SUPER_MAGIC = 0x58465342L;
    public static final long TMPFS_MAGIC = 0x01021994L;
    public static final long OVERLAYFS_SUPER_MAGIC = 0x794C7630L;
    public static final long ST_RDONLY = 1;

    public static StatFs of(int fd) {
        try (Memory buf = new Memory(SIZE)) {
            LibC.fstatfs(fd, Pointer.nativeValue(buf));
            return new StatFs(buf.getLong(F_TYPE), buf.getLong(F_BSIZE), buf.getLong(F_BLOCKS),
                    buf.getLong(F_BFREE), buf.getLong(F_BAVAIL), buf.getLong(F_FLAGS));
        }
    }

    /** The filesystem's common name: btrfs, ext4, xfs, tmpfs, overlay, or its magic number in hex. */
    public String typeName() {
        if (type == BTRFS_SUPER_MAGIC) {
            return "btrfs";
        } else if (type == EXT4_SUPER_MAGIC) {
            return "ext4"; // ext2 and ext3 share the magic; /proc/mounts tells them apart
        } else if (type == XFS_SUPER_MAGIC) {
            return "xfs";
        } else if (type == TMPFS_MAGIC) {
            return "tmpfs";
        } else if (type == OVERLAYFS_SUPER_MAGIC) {
            return "overlay";
        }
        return "0x" + Long.toHexString(type);
    }

    public boolean readOnly() {
        return (flags & ST_RDONLY) != 0;
    }

    public long availableBytes() {
        return availableBlocks * blockSize;
    }
}
