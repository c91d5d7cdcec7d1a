package uringdio.trace;

import java.util.List;

/** A tracepoint by its tracefs name: {@code io_uring/io_uring_complete} is system io_uring, event io_uring_complete. */
public record EventName(String system, String event) {

    public static final EventName IO_URING_SUBMIT_REQ = new EventName("io_uring", "io_uring_submit_req");
    public static final EventName IO_URING_QUEUE_ASYNC_WORK = new EventName("io_uring", "io_uring_queue_async_work");
    public static final EventName IO_URING_COMPLETE = new EventName("io_uring", "io_uring_complete");
    public static final EventName IOMAP_DIO_RW_BEGIN = new EventName("iomap", "iomap_dio_rw_begin");
    public static final EventName IOMAP_DIO_COMPLETE = new EventName("iomap", "iomap_dio_complete");
    public static final EventName IOMAP_DIO_RW_QUEUED = new EventName("iomap", "iomap_dio_rw_queued");
    public static final EventName MM_FILEMAP_GET_PAGES = new EventName("filemap", "mm_filemap_get_pages");

    /** Every event the suite counts or traces; availability checks that each exists. */
    public static final List<EventName> SUITE = List.of(IO_URING_SUBMIT_REQ, IO_URING_QUEUE_ASYNC_WORK,
            IO_URING_COMPLETE, IOMAP_DIO_RW_BEGIN, IOMAP_DIO_COMPLETE, IOMAP_DIO_RW_QUEUED, MM_FILEMAP_GET_PAGES);

    public EventName {
        if (system.isEmpty() || event.isEmpty() || system.contains("/") || event.contains("/")) {
            throw new IllegalArgumentException("not a tracepoint name: " + system + "/" + event);
        }
    }

    /** Parses {@code system/event}. */
    public static EventName of(String systemSlashEvent) {
        int slash = systemSlashEvent.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a tracepoint is named system/event, not " + systemSlashEvent);
        }
        return new EventName(systemSlashEvent.substring(0, slash), systemSlashEvent.substring(slash + 1));
    }

    @Override
    public String toString() {
        return system + "/" + event;
    }
}
