package uringdio.results.compare;

import uringdio.stats.Direction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import uringdio.cli.BadInputException;

class MetricTest {

    @Test
    void latenciesGetWorseUpAndHaveIterations() {
        Metric p99 = Metric.named("e2e_p99_ns");
        assertEquals(Direction.SMALLER_IS_BETTER, p99.direction());
        assertTrue(p99.hasIterations());
        assertEquals("e2e", p99.hlogTag().orElseThrow());
    }

    @Test
    void throughputGetsWorseDownAndHasNoIterations() {
        Metric rate = Metric.named("reads_per_s");
        assertEquals(Direction.BIGGER_IS_BETTER, rate.direction());
        assertFalse(rate.hasIterations());
        assertEquals(Direction.BIGGER_IS_BETTER, Metric.named("mib_per_s").direction());
        assertEquals(Direction.SMALLER_IS_BETTER, Metric.named("cpu_sys_us_per_read").direction());
    }

    @Test
    void anUnknownMetricNamesTheKnownOnes() {
        BadInputException e = assertThrows(BadInputException.class, () -> Metric.named("e2e_p42_ns"));
        assertTrue(e.getMessage().startsWith("unknown metric 'e2e_p42_ns'"), e.getMessage());
        assertTrue(e.getMessage().contains("e2e_p99_ns"), e.getMessage());
    }

    @Test
    void anIterationValueIsTheSameStatisticAsTheWholeRunColumn() {
        Histogram h = new Histogram(3);
        for (int v = 1; v <= 1000; v++) {
            h.recordValue(v);
        }
        assertEquals(500, Metric.named("e2e_p50_ns").valueOf(h));
        assertEquals(990, Metric.named("e2e_p99_ns").valueOf(h));
        assertEquals(1000, Metric.named("e2e_max_ns").valueOf(h));
        assertEquals(500.5, Metric.named("e2e_mean_ns").valueOf(h), 1e-9);
    }

    @Test
    void worseByFollowsTheDirection() {
        assertEquals(0.25, Direction.SMALLER_IS_BETTER.worseBy(100, 125), 1e-12);
        assertEquals(0.25, Direction.BIGGER_IS_BETTER.worseBy(100, 75), 1e-12);
        assertTrue(Direction.BIGGER_IS_BETTER.worseBy(100, 125) < 0);
    }
}
