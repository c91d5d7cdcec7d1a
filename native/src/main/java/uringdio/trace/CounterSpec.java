package uringdio.trace;

/**
 * One counter of a {@link CounterSet}: a name for the result ({@code punts}, {@code restarts}),
 * the tracepoint, and its filter ("" for every hit), e.g.
 * {@code new CounterSpec("restarts", EventName.IOMAP_DIO_RW_BEGIN, KernelDev.filter("dev", fs) + " && done_before > 0")}.
 */
public record CounterSpec(String name, EventName event, String filter) {

    public CounterSpec {
        if (name.isBlank()) {
            throw new IllegalArgumentException("a counter needs a name");
        }
        filter = filter == null ? "" : filter.trim();
    }
}
