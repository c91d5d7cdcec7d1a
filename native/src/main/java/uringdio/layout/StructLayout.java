package uringdio.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * The offsets and widths one Java struct class writes and reads, declared next to its constants
 * and checked against the C compiler's answer ({@link NativeLayout}) before they are trusted.
 *
 * <pre>{@code
 * static final StructLayout LAYOUT = StructLayout.of("io_uring_cqe", SIZE)
 *         .field("user_data", USER_DATA, 8)
 *         .field("res", RES, 4);
 * }</pre>
 */
public final class StructLayout {

    private record Field(String name, int offset, int width) {
    }

    private final String struct;
    private final int size;
    private final List<Field> fields = new ArrayList<>();

    private StructLayout(String struct, int size) {
        this.struct = struct;
        this.size = size;
    }

    /** A layout of {@code struct name}, {@code size} bytes in all. */
    public static StructLayout of(String struct, int size) {
        return new StructLayout(struct, size);
    }

    /** Declares a field at {@code offset}, {@code width} bytes wide (0 for a flexible array). */
    public StructLayout field(String name, int offset, int width) {
        fields.add(new Field(name, offset, width));
        return this;
    }

    public String struct() {
        return struct;
    }

    /**
     * Every difference between this layout and the C compiler's, one line each; empty when the
     * Java constants may be used.
     */
    public List<String> mismatches() {
        List<String> out = new ArrayList<>();
        long nativeSize = NativeLayout.sizeOf(struct);
        if (nativeSize != size) {
            out.add("sizeof(struct " + struct + ") is " + nativeSize + " in C, " + size + " in Java");
        }
        for (Field f : fields) {
            long offset = NativeLayout.offsetOf(struct, f.name);
            long width = NativeLayout.sizeOf(struct, f.name);
            if (offset != f.offset || width != f.width) {
                out.add(struct + "." + f.name + " is at " + offset + " width " + width + " in C, at "
                        + f.offset + " width " + f.width + " in Java");
            }
        }
        return out;
    }

    /** Throws, naming every difference, unless the C compiler agrees with each declared field. */
    public void verify() {
        List<String> wrong = mismatches();
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("struct " + struct + " differs from the installed headers: "
                    + String.join("; ", wrong) + ". The binding must be updated for these headers.");
        }
    }
}
