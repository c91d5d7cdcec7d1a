package uringdio.uring;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A liburing function on the hot path (submit, submit-and-wait, wait), called through JNA's
 * libffi entry point {@link Native#ffi_call} instead of a direct-mapped method.
 *
 * <p>Why: a direct-mapped JNA call costs about 70 ns here, most of it JNA's generic dispatch,
 * which is as much again as the rest of a NOP round trip in Java; {@code Native.ffi_call} is one
 * plain JNI call into libffi with a call interface prepared once. It is still one crossing per
 * call, into the same liburing function, and the arguments live in native memory written from
 * Java without further crossings. Each instance owns its argument memory: a ring's submitter and
 * reaper threads each use their own.
 *
 * <p>libffi's ABI, used here as it is in its {@code ffi.h} and stable since libffi 3.0:
 * <pre>
 * typedef struct _ffi_type { size_t size; unsigned short alignment; unsigned short type;
 *                            struct _ffi_type **elements; } ffi_type;   // 24 bytes on x86-64
 * #define FFI_TYPE_UINT32 9, FFI_TYPE_SINT32 10, FFI_TYPE_POINTER 14
 * FFI_DEFAULT_ABI is FFI_UNIX64, 2, on x86-64 Linux
 * ffi_call(cif, fn, rvalue, avalue): avalue[i] points at argument i; rvalue holds an ffi_arg (8 bytes)
 * </pre>
 */
final class HotCall {

    private static final int FFI_DEFAULT_ABI = 2;
    private static final int FFI_TYPE_SIZE = 24;
    private static final int FFI_TYPE_UINT32 = 9;
    private static final int FFI_TYPE_SINT32 = 10;
    private static final int FFI_TYPE_POINTER = 14;

    /** Argument kinds of the liburing calls made here. */
    enum Arg { POINTER, UINT32 }

    // The three ffi_type descriptors, made once; libffi only reads them.
    private static final Memory TYPES = new Memory(3L * FFI_TYPE_SIZE);
    private static final long UINT32 = describe(0, 4, FFI_TYPE_UINT32);
    private static final long SINT32 = describe(1, 4, FFI_TYPE_SINT32);
    private static final long POINTER = describe(2, 8, FFI_TYPE_POINTER);

    private static long describe(int index, int size, int type) {
        long at = (long) index * FFI_TYPE_SIZE;
        TYPES.setLong(at, size);              // size_t size
        TYPES.setShort(at + 8, (short) size); // unsigned short alignment
        TYPES.setShort(at + 10, (short) type); // unsigned short type
        TYPES.setLong(at + 16, 0L);           // ffi_type **elements (none for a scalar)
        return Pointer.nativeValue(TYPES) + at;
    }

    /**
     * A liburing function and its prepared call interface: made once per function for the life
     * of the JVM (libffi keeps pointing at the argument types, so they stay too).
     */
    static final class Function {
        private final String name;
        private final long address;
        private final long cif;
        private final int arity;
        private final Memory argumentTypes;

        Function(NativeLibrary library, String name, Arg... args) {
            this.name = name;
            this.address = Pointer.nativeValue(library.getFunction(name));
            this.arity = args.length;
            this.argumentTypes = new Memory(8L * Math.max(1, args.length));
            for (int i = 0; i < args.length; i++) {
                argumentTypes.setLong(8L * i, args[i] == Arg.POINTER ? POINTER : UINT32);
            }
            this.cif = Native.ffi_prep_cif(FFI_DEFAULT_ABI, args.length, SINT32, Pointer.nativeValue(argumentTypes));
            if (cif == 0) {
                throw new IllegalStateException("libffi refused the call interface of " + name);
            }
        }

        String name() {
            return name;
        }
    }

    private final Function function;
    private final Memory memory;
    private final ByteBuffer values;
    private final long avalue;
    private final long rvalue;
    private final int resultIndex;

    /**
     * Argument memory for calls of {@code function}: argument {@code i}'s value lives at byte
     * {@code 8 * i}, then the array of pointers to them (libffi's avalue), then the result.
     */
    HotCall(Function function) {
        this.function = function;
        int n = function.arity;
        this.memory = new Memory(16L * n + 8L);
        memory.clear();
        long base = Pointer.nativeValue(memory);
        this.avalue = base + 8L * n;
        this.resultIndex = 16 * n;
        this.rvalue = base + resultIndex;
        for (int i = 0; i < n; i++) {
            memory.setLong(8L * n + 8L * i, base + 8L * i);
        }
        this.values = memory.getByteBuffer(0, memory.size()).order(ByteOrder.nativeOrder());
    }

    /** Sets pointer argument {@code i}. */
    HotCall pointer(int i, long address) {
        values.putLong(8 * i, address);
        return this;
    }

    /** Sets unsigned int argument {@code i}. */
    HotCall uint32(int i, int value) {
        values.putInt(8 * i, value);
        return this;
    }

    /** Calls the function with the arguments as set; returns its int result (liburing's -errno on failure). */
    int invoke() {
        Native.ffi_call(function.cif, function.address, rvalue, avalue);
        return values.getInt(resultIndex); // the low half of the ffi_arg libffi widened it to
    }

    void free() {
        memory.close();
    }
}
