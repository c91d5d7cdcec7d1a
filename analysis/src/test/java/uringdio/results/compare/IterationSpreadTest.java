package uringdio.results.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class IterationSpreadTest {

    private static List<Histogram> iterations(long... values) {
        List<Histogram> all = new ArrayList<>();
        for (long v : values) {
            Histogram h = new Histogram(3);
            h.recordValue(v);
            all.add(h);
        }
        return all;
    }

    @Test
    void medianAndWorstOfAnOddNumberOfIterations() {
        IterationSpread s = IterationSpread.of(Metric.named("e2e_p50_ns"), iterations(300, 100, 200)).orElseThrow();
        assertEquals(3, s.iterations());
        assertEquals(200, s.median());
        assertEquals(300, s.worst(), "the slowest iteration is the worst latency");
    }

    @Test
    void medianOfAnEvenNumberIsTheMeanOfTheMiddleTwo() {
        IterationSpread s = IterationSpread.of(Metric.named("e2e_max_ns"), iterations(100, 400, 200, 300)).orElseThrow();
        assertEquals(250, s.median());
        assertEquals(400, s.worst());
    }

    @Test
    void emptyIterationsAreNoSpread() {
        assertTrue(IterationSpread.of(Metric.named("e2e_p50_ns"), List.of(new Histogram(3))).isEmpty());
        assertTrue(IterationSpread.of(Metric.named("e2e_p50_ns"), List.of()).isEmpty());
    }
}
