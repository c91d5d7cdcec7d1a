package uringdio.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uringdio.testing.Require;

/** tracefs on the running kernel: found or mounted privately, the suite's events and their fields there. */
class TracefsTest {

    /** The fields the suite filters on, per event, as verified on 6.18. */
    private static final Map<EventName, List<String>> FILTERED_FIELDS = Map.of(
            EventName.IO_URING_SUBMIT_REQ, List.of("ctx", "user_data", "opcode", "flags", "sq_thread"),
            EventName.IO_URING_QUEUE_ASYNC_WORK, List.of("ctx", "user_data", "opcode", "flags", "rw"),
            EventName.IO_URING_COMPLETE, List.of("ctx", "user_data", "res", "cflags"),
            EventName.IOMAP_DIO_RW_BEGIN, List.of("dev", "ino", "pos", "count", "done_before", "ki_flags", "dio_flags", "aio"),
            EventName.IOMAP_DIO_COMPLETE, List.of("dev", "ino", "pos", "ki_flags", "aio", "error", "ret"),
            EventName.IOMAP_DIO_RW_QUEUED, List.of("dev", "ino", "offset", "length"),
            EventName.MM_FILEMAP_GET_PAGES, List.of("s_dev", "i_ino", "index", "last_index"));

    @BeforeEach
    void needTracepoints() {
        Require.tracepoints();
    }

    @Test
    void aPrivateMountIsMadeAndRemovedAndNeverAUsersMount() throws Exception {
        Path root;
        try (Tracefs t = Tracefs.mountPrivate()) {
            root = t.root();
            assertTrue(t.mountedHere());
            assertTrue(mounted(root), root + " in /proc/self/mounts");
            assertTrue(t.event(EventName.IO_URING_COMPLETE).id() > 0);
        }
        assertFalse(mounted(root), "unmounted on close");
        assertFalse(Files.exists(root), "mount point removed");
        try (Tracefs first = Tracefs.mountPrivate(); Tracefs found = Tracefs.open()) {
            // A private mount is its maker's to unmount when it likes: open() never uses one, and
            // whatever open() found or made, closing it leaves the other alone.
            assertFalse(found.root().equals(first.root()), found.root().toString());
            found.close();
            assertTrue(mounted(first.root()));
        }
    }

    @Test
    void everySuiteEventIsThereWithTheFieldsItIsFilteredOn() {
        try (Tracefs t = Tracefs.open()) {
            assertEquals(FILTERED_FIELDS.keySet(), java.util.Set.copyOf(EventName.SUITE));
            FILTERED_FIELDS.forEach((name, fields) -> {
                TraceEvent e = t.event(name);
                assertTrue(e.id() > 0, name + " id");
                assertTrue(e.fields().containsAll(fields), name + " has " + e.fields() + ", wanted " + fields);
                assertTrue(e.fields().contains("common_pid"), name + " common fields");
            });
        }
    }

    @Test
    void aMissingEventIsNamed() {
        try (Tracefs t = Tracefs.open()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> t.event(new EventName("io_uring", "no_such_event")));
            assertTrue(e.getMessage().startsWith("this kernel has no tracepoint io_uring/no_such_event"), e.getMessage());
        }
    }

    private static boolean mounted(Path p) throws Exception {
        return Files.readAllLines(Path.of("/proc/self/mounts")).stream()
                .anyMatch(l -> l.split(" ")[1].equals(p.toString()) && l.split(" ")[2].equals("tracefs"));
    }
}
