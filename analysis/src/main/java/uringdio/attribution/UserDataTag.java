package uringdio.attribution;

import java.util.Locale;

/**
 * The suite's SQEs carry its process id in the high half of their user_data and the read's slot in
 * the low half. io_uring's tracepoints have no device or file to filter on, and are counted on
 * every CPU for every process: a filter on this tag keeps this process's reads and no other's.
 */
public final class UserDataTag {

    /** This process's tag: its pid in bits 32 to 63. */
    public static final long TAG = ProcessHandle.current().pid() << 32;

    private UserDataTag() {
    }

    /** The user_data of slot {@code slot}'s read. */
    public static long of(int slot) {
        if (slot < 0) {
            throw new IllegalArgumentException("a slot is not negative: " + slot);
        }
        return TAG | slot;
    }

    /** The slot a completion's user_data names. */
    public static int slot(long userData) {
        return (int) userData;
    }

    /** A tracepoint filter that keeps events whose {@code user_data} carries this process's tag. */
    public static String filter() {
        return String.format(Locale.ROOT, "user_data >= %d && user_data < %d", TAG, TAG + (1L << 32));
    }
}
