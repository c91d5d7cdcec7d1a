package uringdio.read;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a constructor has opened so far: if it fails half way, {@link #closeAfter} closes each in
 * reverse order and the failure carries any close that failed too, so no ring or mapping leaks.
 */
final class OpenedResources {

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    <T extends AutoCloseable> T add(T resource) {
        opened.push(resource);
        return resource;
    }

    /** Closes everything opened, newest first, and returns {@code failure} to be thrown. */
    RuntimeException closeAfter(RuntimeException failure) {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception suppressed) {
                failure.addSuppressed(suppressed);
            }
        }
        return failure;
    }
}
