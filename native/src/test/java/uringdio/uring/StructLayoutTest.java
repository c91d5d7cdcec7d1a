package uringdio.uring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uringdio.layout.NativeLayout;
import uringdio.layout.StructLayout;
import uringdio.libc.Fiemap;
import uringdio.libc.LibC;
import uringdio.libc.StatFs;

/** Every offset, width and constant the binding writes by hand agrees with the installed headers. */
class StructLayoutTest {

    @Test
    void everyStructTheBindingTouchesMatchesTheHeaders() {
        List<StructLayout> all = new ArrayList<>(IoUringSupport.layouts());
        all.addAll(Fiemap.LAYOUTS);
        all.add(StatFs.LAYOUT);
        for (StructLayout layout : all) {
            assertEquals(List.of(), layout.mismatches(), "struct " + layout.struct());
        }
        assertEquals(10, all.size(), "sqe, cqe, io_uring, params, iovec, probe, probe_op, fiemap, fiemap_extent, statfs");
    }

    @Test
    void everyConstantMatchesTheHeaders() {
        assertEquals(List.of(), IoUringSupport.layoutMismatches());
        assertEquals(List.of(), LibC.constantMismatches());
    }

    @Test
    void theCheckCatchesAFieldAtTheWrongOffsetOrWidth() {
        // jasyncfio once wrote a u16 with putInt and clobbered the next field: widths are checked too.
        StructLayout wrongWidth = StructLayout.of("io_uring_sqe", IoUringSqe.SIZE).field("buf_index", IoUringSqe.BUF_INDEX, 4);
        StructLayout wrongOffset = StructLayout.of("io_uring_cqe", IoUringCqe.SIZE).field("res", 12, 4);
        StructLayout wrongSize = StructLayout.of("io_uring", 208);
        assertFalse(wrongWidth.mismatches().isEmpty());
        assertTrue(wrongOffset.mismatches().get(0).contains("io_uring_cqe.res is at 8 width 4 in C, at 12"));
        assertTrue(wrongSize.mismatches().get(0).contains("sizeof(struct io_uring) is 216 in C, 208 in Java"));
        IllegalStateException e = assertThrows(IllegalStateException.class, wrongOffset::verify);
        assertTrue(e.getMessage().startsWith("struct io_uring_cqe differs from the installed headers"));
    }

    @Test
    void unknownNamesAreNotSilentlyZero() {
        assertEquals(-1, NativeLayout.offsetOf("io_uring_sqe", "no_such_field"));
        assertEquals(-1, NativeLayout.sizeOf("no_such_struct"));
        assertThrows(IllegalArgumentException.class, () -> NativeLayout.constant("NO_SUCH_CONSTANT"));
    }
}
