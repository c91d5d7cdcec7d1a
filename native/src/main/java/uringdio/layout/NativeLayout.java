package uringdio.layout;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The C compiler's view of the structs and constants the binding uses, read from
 * {@code liburingdio.so} (native/src/main/c/struct_layout.c), which the build compiles against
 * the headers installed on the build machine.
 *
 * <p>The binding writes SQEs and reads liburing's {@code struct io_uring} by offset from Java;
 * these lookups are what those offsets are checked against before the first ring is made.
 */
public final class NativeLayout {

    static {
        // The build puts liburingdio.so under linux-x86-64/ on the class path, where JNA extracts it from.
        Native.register(NativeLayout.class, NativeLibrary.getInstance("uringdio"));
    }

    private NativeLayout() {
    }

    private static native long uringdio_offsetof(String strct, String field);

    private static native long uringdio_sizeof(String strct, String field);

    private static native long uringdio_constant(String name, Memory found);

    /** Offset of {@code field} in {@code struct strct}; -1 if the C table does not list it. */
    public static long offsetOf(String strct, String field) {
        return uringdio_offsetof(strct, field);
    }

    /** Size of {@code field} in {@code struct strct}; -1 if the C table does not list it. */
    public static long sizeOf(String strct, String field) {
        return uringdio_sizeof(strct, field);
    }

    /** Size of {@code struct strct}; -1 if the C table does not list it. */
    public static long sizeOf(String strct) {
        return uringdio_sizeof(strct, null);
    }

    /** Value of a C constant by its name, as the headers define it. */
    public static long constant(String name) {
        try (Memory found = new Memory(4)) {
            long value = uringdio_constant(name, found);
            if (found.getInt(0) == 0) {
                throw new IllegalArgumentException("struct_layout.c has no constant named " + name);
            }
            return value;
        }
    }

    /** Every Java constant whose value differs from the C header's, one line each. */
    public static List<String> constantMismatches(Map<String, Long> javaValues) {
        List<String> out = new ArrayList<>();
        javaValues.forEach((name, value) -> {
            long c = constant(name);
            if (c != value) {
                out.add(name + " is " + c + " in C, " + value + " in Java");
            }
        });
        return out;
    }
}
