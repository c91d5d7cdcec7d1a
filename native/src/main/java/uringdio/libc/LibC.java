package uringdio.libc;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uringdio.layout.NativeLayout;

/**
 * The libc calls the suite needs, each wrapped once: a failure becomes a
 * {@link NativeCallException} naming the call and its errno.
 *
 * <p>JNA direct mapping ({@link Native#register}) with primitive arguments: pointers travel as
 * {@code long} addresses, because every buffer the suite reads into is mmap'd memory it owns,
 * never a Java array. The errno of a failed call is taken from {@link Native#getLastError()}.
 */
public final class LibC {

    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_TRUNC = 01000;
    public static final int O_DIRECT = 040000;
    public static final int O_CLOEXEC = 02000000;

    public static final int PROT_READ = 1;
    public static final int PROT_WRITE = 2;
    public static final int MAP_SHARED = 1;
    public static final int MAP_PRIVATE = 2;
    public static final int MAP_ANONYMOUS = 0x20;
    public static final int MADV_DONTNEED = 4;
    public static final int POSIX_FADV_DONTNEED = 4;

    public static final long FS_IOC_FIEMAP = 0xC020660BL;
    public static final long FS_IOC_GETFLAGS = 0x80086601L;
    public static final long FS_IOC_SETFLAGS = 0x40086602L;
    public static final int FS_NOCOW_FL = 0x00800000;
    public static final long BLKSSZGET = 0x1268L;

    public static final long MS_NOSUID = 2;
    public static final long MS_NODEV = 4;
    public static final long MS_NOEXEC = 8;

    private static final long MAP_FAILED = -1L;

    static {
        if (!Platform.isLinux() || !Platform.is64Bit()) {
            throw new UnsupportedOperationException("uring-dio-bench runs on 64-bit Linux only");
        }
    }

    private LibC() {
    }

    /** The Java copies of C constants, by their C names, for {@link #verifyConstants()}. */
    static Map<String, Long> javaConstants() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("O_RDONLY", (long) O_RDONLY);
        m.put("O_WRONLY", (long) O_WRONLY);
        m.put("O_RDWR", (long) O_RDWR);
        m.put("O_CREAT", (long) O_CREAT);
        m.put("O_EXCL", (long) O_EXCL);
        m.put("O_TRUNC", (long) O_TRUNC);
        m.put("O_DIRECT", (long) O_DIRECT);
        m.put("O_CLOEXEC", (long) O_CLOEXEC);
        m.put("PROT_READ", (long) PROT_READ);
        m.put("PROT_WRITE", (long) PROT_WRITE);
        m.put("MAP_SHARED", (long) MAP_SHARED);
        m.put("MAP_PRIVATE", (long) MAP_PRIVATE);
        m.put("MAP_ANONYMOUS", (long) MAP_ANONYMOUS);
        m.put("MADV_DONTNEED", (long) MADV_DONTNEED);
        m.put("POSIX_FADV_DONTNEED", (long) POSIX_FADV_DONTNEED);
        m.put("FS_IOC_FIEMAP", FS_IOC_FIEMAP);
        m.put("FS_IOC_GETFLAGS", FS_IOC_GETFLAGS);
        m.put("FS_IOC_SETFLAGS", FS_IOC_SETFLAGS);
        m.put("FS_NOCOW_FL", (long) FS_NOCOW_FL);
        m.put("BLKSSZGET", BLKSSZGET);
        m.put("MS_NOSUID", MS_NOSUID);
        m.put("MS_NODEV", MS_NODEV);
        m.put("MS_NOEXEC", MS_NOEXEC);
        return m;
    }

    /** Every libc constant above whose value differs from the C headers', one line each. */
    public static List<String> constantMismatches() {
        return NativeLayout.constantMismatches(javaConstants());
    }

    /** The C functions, exactly as glibc declares them (pointers as addresses). */
    private static final class C {
        static {
            Native.register(C.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        static native int open(String path, int flags, int mode);

        static native int close(int fd);

        static native long pread64(int fd, long buf, long count, long offset);

        static native long pwrite64(int fd, long buf, long count, long offset);

        static native int fsync(int fd);

        static native int syncfs(int fd);

        static native int ftruncate64(int fd, long length);

        static native long mmap(long addr, long length, int prot, int flags, int fd, long offset);

        static native int munmap(long addr, long length);

        static native int madvise(long addr, long length, int advice);

        static native int mincore(long addr, long length, long vec);

        static native int ioctl(int fd, long request, long arg);

        static native int fstatfs64(int fd, long buf);

        static native int posix_fadvise64(int fd, long offset, long len, int advice);

        static native int fsetxattr(int fd, String name, byte[] value, long size, int flags);

        static native long read(int fd, long buf, long count);

        static native int mount(String source, String target, String fstype, long flags, long data);

        static native int umount2(String target, int flags);

        // glibc's syscall(2) is variadic; its x86-64 assembly takes every argument from the
        // integer registers, so a fixed six-long declaration passes them where it reads them.
        static native long syscall(long number, long a1, long a2, long a3, long a4, long a5);

        static native String strerror(int errnum);

        static native int getpagesize();
    }

    private static int lastErrno() {
        return Native.getLastError();
    }

    /** The C library's text for an errno ({@code Operation not permitted}). */
    public static String describe(int errno) {
        return C.strerror(Math.abs(errno));
    }

    public static int pageSize() {
        return C.getpagesize();
    }

    public static int open(String path, int flags, int mode) {
        int fd = C.open(path, flags | O_CLOEXEC, mode);
        if (fd < 0) {
            int errno = lastErrno();
            throw new NativeCallException("open", errno, path + ": " + describe(errno));
        }
        return fd;
    }

    public static void close(int fd) {
        if (C.close(fd) < 0) {
            throw new NativeCallException("close", lastErrno());
        }
    }

    /** pread(2); returns the bytes read, which may be fewer than asked. */
    public static long pread(int fd, long buf, long count, long offset) {
        long n = C.pread64(fd, buf, count, offset);
        if (n < 0) {
            throw new NativeCallException("pread", lastErrno());
        }
        return n;
    }

    /** pread(2) returning {@code -errno} instead of throwing: for a read loop that counts failures. */
    public static long preadOrErrno(int fd, long buf, long count, long offset) {
        long n = C.pread64(fd, buf, count, offset);
        return n < 0 ? -lastErrno() : n;
    }

    public static long pwrite(int fd, long buf, long count, long offset) {
        long n = C.pwrite64(fd, buf, count, offset);
        if (n < 0) {
            throw new NativeCallException("pwrite", lastErrno());
        }
        return n;
    }

    public static void fsync(int fd) {
        if (C.fsync(fd) < 0) {
            throw new NativeCallException("fsync", lastErrno());
        }
    }

    /** Commits the whole filesystem holding {@code fd}: its data and metadata, its journal or transaction. */
    public static void syncfs(int fd) {
        if (C.syncfs(fd) < 0) {
            throw new NativeCallException("syncfs", lastErrno());
        }
    }

    public static void ftruncate(int fd, long length) {
        if (C.ftruncate64(fd, length) < 0) {
            throw new NativeCallException("ftruncate", lastErrno());
        }
    }

    public static long mmap(long length, int prot, int flags, int fd, long offset) {
        long addr = C.mmap(0L, length, prot, flags, fd, offset);
        if (addr == MAP_FAILED) {
            throw new NativeCallException("mmap", lastErrno());
        }
        return addr;
    }

    public static void munmap(long addr, long length) {
        if (C.munmap(addr, length) < 0) {
            throw new NativeCallException("munmap", lastErrno());
        }
    }

    public static void madvise(long addr, long length, int advice) {
        if (C.madvise(addr, length, advice) < 0) {
            throw new NativeCallException("madvise", lastErrno());
        }
    }

    /** mincore(2) into {@code vec}, one byte a page, bit 0 set where the page is resident. */
    public static void mincore(long addr, long length, long vec) {
        if (C.mincore(addr, length, vec) < 0) {
            throw new NativeCallException("mincore", lastErrno());
        }
    }

    public static int ioctl(int fd, long request, long arg, String what) {
        int r = C.ioctl(fd, request, arg);
        if (r < 0) {
            throw new NativeCallException("ioctl " + what, lastErrno());
        }
        return r;
    }

    public static void fstatfs(int fd, long buf) {
        if (C.fstatfs64(fd, buf) < 0) {
            throw new NativeCallException("fstatfs", lastErrno());
        }
    }

    public static void posixFadvise(int fd, long offset, long len, int advice) {
        int err = C.posix_fadvise64(fd, offset, len, advice); // returns the error, errno untouched
        if (err != 0) {
            throw new NativeCallException("posix_fadvise", err);
        }
    }

    /** read(2); returns the bytes read, which may be fewer than asked. */
    public static long read(int fd, long buf, long count) {
        long n = C.read(fd, buf, count);
        if (n < 0) {
            throw new NativeCallException("read", lastErrno());
        }
        return n;
    }

    /** mount(2) with no filesystem data. */
    public static void mount(String source, String target, String fstype, long flags) {
        if (C.mount(source, target, fstype, flags, 0L) < 0) {
            int errno = lastErrno();
            throw new NativeCallException("mount -t " + fstype + " " + target, errno, describe(errno));
        }
    }

    /** umount2(2) with no flags: fails with EBUSY rather than detaching a mount still in use. */
    public static void umount(String target) {
        if (C.umount2(target, 0) < 0) {
            int errno = lastErrno();
            throw new NativeCallException("umount " + target, errno, describe(errno));
        }
    }

    /**
     * A raw system call with up to five arguments (unused ones 0), for calls glibc has no wrapper
     * for (perf_event_open); returns its non-negative result.
     */
    public static long syscall(String name, long number, long a1, long a2, long a3, long a4, long a5) {
        long r = C.syscall(number, a1, a2, a3, a4, a5);
        if (r < 0) {
            int errno = lastErrno();
            throw new NativeCallException(name, errno, describe(errno));
        }
        return r;
    }

    public static void fsetxattr(int fd, String name, byte[] value) {
        if (C.fsetxattr(fd, name, value, value.length, 0) < 0) {
            throw new NativeCallException("fsetxattr " + name, lastErrno());
        }
    }
}
