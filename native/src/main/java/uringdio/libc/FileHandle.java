package uringdio.libc;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** An open file descriptor and the calls the suite makes on it. */
public final class FileHandle implements AutoCloseable {

    private final int fd;
    private final Path path;
    private boolean closed;

    private FileHandle(int fd, Path path) {
        this.fd = fd;
        this.path = path;
    }

    /**
     * Opens {@code path} for O_DIRECT reads. A filesystem without O_DIRECT (tmpfs) fails here
     * with EINVAL, which is turned into a sentence saying so.
     */
    public static FileHandle openDirectRead(Path path) {
        return openDirect(path, LibC.O_RDONLY);
    }

    /** Opens or creates {@code path} for O_DIRECT writes and reads. */
    public static FileHandle createDirect(Path path) {
        return openDirect(path, LibC.O_RDWR | LibC.O_CREAT);
    }

    private static FileHandle openDirect(Path path, int flags) {
        try {
            return new FileHandle(LibC.open(path.toString(), flags | LibC.O_DIRECT, 0644), path);
        } catch (NativeCallException e) {
            if (e.errno() == Errno.EINVAL) {
                throw new NativeCallException("open", Errno.EINVAL, path
                        + ": the filesystem does not support O_DIRECT (tmpfs does not); use a directory on btrfs, ext4 or xfs");
            }
            throw e;
        }
    }

    /** Opens {@code path} without O_DIRECT (buffered), with the given open(2) flags. */
    public static FileHandle open(Path path, int flags) {
        return new FileHandle(LibC.open(path.toString(), flags, 0644), path);
    }

    public int fd() {
        return fd;
    }

    public Path path() {
        return path;
    }

    public long pread(long address, long length, long offset) {
        return LibC.pread(fd, address, length, offset);
    }

    /** Writes all of {@code length} bytes or throws: a short write of a fixture is never silent. */
    public void pwriteFully(long address, long length, long offset) {
        long n = LibC.pwrite(fd, address, length, offset);
        if (n != length) {
            throw new IllegalStateException("pwrite to " + path + " wrote " + n + " of " + length
                    + " bytes at offset " + offset + " (disk full?)");
        }
    }

    public void fsync() {
        LibC.fsync(fd);
    }

    public void truncate(long length) {
        LibC.ftruncate(fd, length);
    }

    /** Drops the file's clean pages from the page cache, so the next read cannot be served from it. */
    public void dropCachedPages() {
        LibC.posixFadvise(fd, 0, 0, LibC.POSIX_FADV_DONTNEED);
    }

    public List<FileExtent> extents(long start, long length) {
        return Fiemap.extents(fd, start, length);
    }

    public StatFs statFs() {
        return StatFs.of(fd);
    }

    /** The inode flags (FS_IOC_GETFLAGS): FS_NOCOW_FL and friends. */
    public int inodeFlags() {
        try (Memory flags = new Memory(8)) {
            flags.setLong(0, 0);
            LibC.ioctl(fd, LibC.FS_IOC_GETFLAGS, Pointer.nativeValue(flags), "FS_IOC_GETFLAGS");
            return flags.getInt(0);
        }
    }

    /** Sets inode flags (FS_IOC_SETFLAGS); btrfs takes FS_NOCOW_FL only while the file is empty. */
    public void setInodeFlags(int value) {
        try (Memory flags = new Memory(8)) {
            flags.setLong(0, value);
            LibC.ioctl(fd, LibC.FS_IOC_SETFLAGS, Pointer.nativeValue(flags), "FS_IOC_SETFLAGS");
        }
    }

    /** Sets an extended attribute ({@code btrfs.compression} = {@code zstd}, say). */
    public void setXattr(String name, String value) {
        LibC.fsetxattr(fd, name, value.getBytes(StandardCharsets.US_ASCII));
    }

    /** The logical sector size of a block device opened here (BLKSSZGET). */
    public int logicalSectorSize() {
        try (Memory size = new Memory(4)) {
            LibC.ioctl(fd, LibC.BLKSSZGET, Pointer.nativeValue(size), "BLKSSZGET");
            return size.getInt(0);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            LibC.close(fd);
        }
    }
}
