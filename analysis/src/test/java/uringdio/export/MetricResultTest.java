package uringdio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import uringdio.stats.Direction;
import uringdio.stats.RatioInterval;

class MetricResultTest {

    @Test
    void aRatioCarriesItsIntervalAndTheUnitX() {
        MetricResult r = MetricResult.ratio("btrfs 16K x4 FIRST INLINE qd1", "p50 vs control",
                new RatioInterval(1.48, 1.41, 1.55, 6, "test"), Direction.SMALLER_IS_BETTER);
        assertEquals(1.41, r.lower());
        assertEquals(1.55, r.upper());
        assertEquals("x", r.unit());
    }

    @Test
    void rejectsWhatNoFormatCanCarry() {
        Direction d = Direction.SMALLER_IS_BETTER;
        assertThrows(IllegalArgumentException.class, () -> MetricResult.of("s", "p50", Double.NaN, d, "ns"));
        assertThrows(IllegalArgumentException.class, () -> MetricResult.of("s", "p50", Double.POSITIVE_INFINITY, d, "ns"));
        assertThrows(IllegalArgumentException.class, () -> new MetricResult("s", "p50", 1, 0.9, null, d, "ns"));
        assertThrows(IllegalArgumentException.class, () -> new MetricResult("s", "p50", 1, 1.1, 0.9, d, "ns"));
        assertThrows(IllegalArgumentException.class, () -> MetricResult.of(" ", "p50", 1, d, "ns"));
        assertThrows(IllegalArgumentException.class, () -> MetricResult.of("s", "p50", 1, null, "ns"));
    }
}
