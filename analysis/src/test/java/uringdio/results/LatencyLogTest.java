package uringdio.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyLogTest {

    @TempDir
    Path tmp;

    private static Histogram of(long value, long count) {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(value, count);
        return h;
    }

    @Test
    void readsEachIntervalBackInFileOrderWithItsTag() throws IOException {
        Path file = tmp.resolve("s.hlog");
        LatencyLog.write(file, 1_795_597_250_000L, "test", List.of(
                new LatencyLog.Interval("submit", of(1_000, 10)),
                new LatencyLog.Interval("e2e", of(100_000, 10)),
                new LatencyLog.Interval("submit", of(2_000, 20)),
                new LatencyLog.Interval("e2e", of(200_000, 20))));

        List<LatencyLog.Interval> intervals = LatencyLog.readIntervals(file);

        assertEquals(List.of("submit", "e2e", "submit", "e2e"), intervals.stream().map(LatencyLog.Interval::tag).toList());
        assertEquals(20, intervals.get(3).histogram().getTotalCount());
        assertEquals(200_000, intervals.get(3).histogram().getValueAtPercentile(50), 200);
        assertEquals(30, LatencyLog.readTotals(file).get("e2e").getTotalCount(), "the totals are the intervals added");
    }
}
