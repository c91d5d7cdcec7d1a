package uringdio.results.compare;

import uringdio.stats.Direction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import uringdio.cli.BadInputException;

class RegressionThresholdTest {

    @Test
    void readsAPercentageWithOrWithoutTheSign() {
        assertEquals(0.10, RegressionThreshold.parse("10%").fraction(), 1e-12);
        assertEquals(0.10, RegressionThreshold.parse("10").fraction(), 1e-12);
        assertEquals(0.025, RegressionThreshold.parse(" 2.5 % ").fraction(), 1e-12);
        assertEquals(0, RegressionThreshold.parse("0%").fraction());
        assertEquals("10%", RegressionThreshold.parse("10").toString());
        assertEquals("2.50%", RegressionThreshold.parse("2.5%").toString());
    }

    @Test
    void rejectsWhatIsNotAPercentage() {
        for (String bad : new String[] {"abc", "-5%", "NaN", "Infinity", "", "%"}) {
            assertThrows(BadInputException.class, () -> RegressionThreshold.parse(bad), bad);
        }
    }

    @Test
    void exactlyTheThresholdIsNotBeyondIt() {
        RegressionThreshold ten = RegressionThreshold.parse("10%");
        assertFalse(ten.exceededBy(Direction.SMALLER_IS_BETTER.worseBy(100, 110)));
        assertTrue(ten.exceededBy(Direction.SMALLER_IS_BETTER.worseBy(100, 110.1)));
    }
}
