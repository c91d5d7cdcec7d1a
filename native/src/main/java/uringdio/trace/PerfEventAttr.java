package uringdio.trace;

import com.sun.jna.Memory;
import uringdio.layout.StructLayout;

/**
 * The fields of {@code struct perf_event_attr} a tracepoint counter sets; the rest stay zero.
 *
 * <pre>
 * struct perf_event_attr {
 *     __u32 type;            // PERF_TYPE_TRACEPOINT
 *     __u32 size;            // sizeof as the installed header has it: the kernel takes any published size
 *     __u64 config;          // the tracepoint's id from tracefs
 *     union { __u64 sample_period; __u64 sample_freq; };
 *     __u64 sample_type;
 *     __u64 read_format;     // 0: read() returns the bare u64 count
 *     __u64 disabled : 1, inherit : 1, ...;   // the bit-field word, at 40
 *     union { __u32 wakeup_events; __u32 wakeup_watermark; };
 *     ...
 * };
 * </pre>
 *
 * The bit-field word has no offsetof; it is the u64 between read_format (32, 8 wide) and
 * wakeup_events (48), which {@link #LAYOUT} checks, and {@code disabled} is its bit 0 (the
 * first declared bit-field on a little-endian ABI). Counting needs no sampling: period and
 * sample_type stay 0.
 */
public final class PerfEventAttr {

    static final int SIZE = 128;         // PERF_ATTR_SIZE_VER7 in the 6.1 headers; later kernels accept it
    static final int TYPE = 0;           // u32
    static final int ATTR_SIZE = 4;      // u32
    static final int CONFIG = 8;         // u64
    static final int READ_FORMAT = 32;   // u64
    static final int FLAG_BITS = 40;     // u64 bit-field word
    static final int WAKEUP_EVENTS = 48; // u32, the first field after the bit-field word
    static final long DISABLED_BIT = 1L; // bit 0 of FLAG_BITS

    public static final StructLayout LAYOUT = StructLayout.of("perf_event_attr", SIZE)
            .field("type", TYPE, 4)
            .field("size", ATTR_SIZE, 4)
            .field("config", CONFIG, 8)
            .field("sample_period", 16, 8)
            .field("sample_type", 24, 8)
            .field("read_format", READ_FORMAT, 8)
            .field("wakeup_events", WAKEUP_EVENTS, 4);

    private PerfEventAttr() {
    }

    /** A zeroed attr asking for a counter of tracepoint {@code id}, created disabled. */
    static Memory tracepoint(long id) {
        Memory attr = new Memory(SIZE);
        attr.clear();
        attr.setInt(TYPE, PerfEventCalls.PERF_TYPE_TRACEPOINT);
        attr.setInt(ATTR_SIZE, SIZE);
        attr.setLong(CONFIG, id);
        attr.setLong(FLAG_BITS, DISABLED_BIT); // disabled=1: counts nothing until IOC_ENABLE
        return attr;
    }
}
