package uringdio.libc;

/** Linux errno numbers (x86-64 and the generic table, which agree on these) and their names. */
public final class Errno {

    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EIO = 5;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EFAULT = 14;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int ENOTDIR = 20;
    public static final int EISDIR = 21;
    public static final int EINVAL = 22;
    public static final int ENFILE = 23;
    public static final int EMFILE = 24;
    public static final int ENOTTY = 25;
    public static final int EFBIG = 27;
    public static final int ENOSPC = 28;
    public static final int EROFS = 30;
    public static final int ENOSYS = 38;
    public static final int ENODATA = 61;
    public static final int EOVERFLOW = 75;
    public static final int EOPNOTSUPP = 95;
    public static final int ECANCELED = 125;

    private static final String[] NAMES = new String[134];

    static {
        String[] table = {
            "1 EPERM", "2 ENOENT", "3 ESRCH", "4 EINTR", "5 EIO", "6 ENXIO", "7 E2BIG", "8 ENOEXEC",
            "9 EBADF", "10 ECHILD", "11 EAGAIN", "12 ENOMEM", "13 EACCES", "14 EFAULT", "15 ENOTBLK",
            "16 EBUSY", "17 EEXIST", "18 EXDEV", "19 ENODEV", "20 ENOTDIR", "21 EISDIR", "22 EINVAL",
            "23 ENFILE", "24 EMFILE", "25 ENOTTY", "26 ETXTBSY", "27 EFBIG", "28 ENOSPC", "29 ESPIPE",
            "30 EROFS", "31 EMLINK", "32 EPIPE", "33 EDOM", "34 ERANGE", "35 EDEADLK", "36 ENAMETOOLONG",
            "37 ENOLCK", "38 ENOSYS", "39 ENOTEMPTY", "40 ELOOP", "61 ENODATA", "62 ETIME",
            "75 EOVERFLOW", "95 EOPNOTSUPP", "110 ETIMEDOUT", "122 EDQUOT", "125 ECANCELED",
        };
        for (String row : table) {
            int space = row.indexOf(' ');
            NAMES[Integer.parseInt(row.substring(0, space))] = row.substring(space + 1);
        }
    }

    private Errno() {
    }

    /** The symbolic name of an errno value ({@code EAGAIN}), or {@code errno N} for one not listed. */
    public static String name(int errno) {
        int e = Math.abs(errno);
        return e < NAMES.length && NAMES[e] != null ? NAMES[e] : "errno " + e;
    }
}
