package uringdio.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RatioIntervalTest {

    @Test
    void formatsAsAFactorAndAsAPercentChange() {
        RatioInterval slower = new RatioInterval(1.56, 1.49, 1.63, 6, "test");
        assertEquals("1.56x [1.49, 1.63]", slower.format());
        assertEquals("+56% [+49%, +63%]", slower.formatPercent());
    }

    @Test
    void smallChangesKeepADecimalAndFasterIsNegative() {
        assertEquals("+3.0% [+1.2%, +4.9%]", new RatioInterval(1.03, 1.012, 1.049, 8, "test").formatPercent());
        assertEquals("-40% [-45%, -35%]", new RatioInterval(0.60, 0.55, 0.65, 8, "test").formatPercent());
    }

    @Test
    void includesOneOnlyWhenOneIsInsideOrOnTheBounds() {
        assertTrue(new RatioInterval(1.02, 0.98, 1.06, 6, "test").includesOne());
        assertTrue(new RatioInterval(1.02, 1.0, 1.06, 6, "test").includesOne());
        assertFalse(new RatioInterval(1.05, 1.01, 1.09, 6, "test").includesOne());
        assertFalse(new RatioInterval(0.95, 0.91, 0.99, 6, "test").includesOne());
    }

    @Test
    void invertingSwapsAndFlipsTheBounds() {
        RatioInterval inverted = new RatioInterval(2.0, 1.6, 2.5, 6, "test").inverted();
        assertEquals(0.5, inverted.ratio(), 1e-12);
        assertEquals(0.4, inverted.lower(), 1e-12);
        assertEquals(0.625, inverted.upper(), 1e-12);
    }

    @Test
    void rejectsABoundOnTheWrongSideOrNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> new RatioInterval(1.0, 1.1, 1.2, 6, "test"));
        assertThrows(IllegalArgumentException.class, () -> new RatioInterval(1.0, 0, 1.2, 6, "test"));
        assertThrows(IllegalArgumentException.class, () -> new RatioInterval(Double.NaN, 0.9, 1.2, 6, "test"));
    }
}
