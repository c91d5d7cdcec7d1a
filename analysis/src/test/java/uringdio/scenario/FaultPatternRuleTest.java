package uringdio.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each fault pattern's rule, as pure logic: which of 8 pages it leaves resident, how it is armed and checked. */
class FaultPatternRuleTest {

    private static final int PAGES = 8;

    private static boolean[] resident(FaultPattern p, double fraction, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        boolean[] pages = new boolean[PAGES];
        for (int i = 0; i < PAGES; i++) {
            pages[i] = p.touches(i, PAGES, fraction, r::nextDouble);
        }
        return pages;
    }

    private static boolean[] only(int... pages) {
        boolean[] r = new boolean[PAGES];
        for (int p : pages) {
            r[p] = true;
        }
        return r;
    }

    @ParameterizedTest
    @EnumSource(FaultPattern.class)
    void everyPatternHasARuleAnArmingAndACheck(FaultPattern p) {
        assertNotNull(p.arming(), p.name());
        assertNotNull(p.check(), p.name());
        boolean[] expected = switch (p) {
            case NONE, MMAP_FILE -> only();
            case FIRST -> only(0);
            case ALL, RESIDENT, REGISTERED -> only(0, 1, 2, 3, 4, 5, 6, 7);
            case ALTERNATE -> only(0, 2, 4, 6);
            case LAST -> only(7);
            case RANDOM -> resident(p, 0.5, 1); // drawn: its own test below
        };
        assertArrayEquals(expected, resident(p, 0.5, 1), p.name());
        if (!p.random()) {
            assertArrayEquals(resident(p, 0.5, 1), resident(p, 0.5, 2), p.name() + " does not depend on the draw");
        }
    }

    @ParameterizedTest
    @EnumSource(FaultPattern.class)
    void onlyAFileMappingIsCheckedThroughThePageTables(FaultPattern p) {
        assertEquals(p.arming() == FaultPattern.Arming.POISON_FILE_AND_UNMAP, p.check() == FaultPattern.Check.PAGEMAP, p.name());
    }

    @org.junit.jupiter.api.Test
    void randomDrawsAFreshSetAtTheAskedFraction() {
        Set<String> sets = new HashSet<>();
        int touched = 0;
        SplittableRandom r = new SplittableRandom(7);
        for (int round = 0; round < 4; round++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 256; i++) {
                boolean t = FaultPattern.RANDOM.touches(i, 256, 0.25, r::nextDouble);
                touched += t ? 1 : 0;
                b.append(t ? '1' : '0');
            }
            sets.add(b.toString());
        }
        assertEquals(4, sets.size());
        assertTrue(touched > 4 * 256 * 0.15 && touched < 4 * 256 * 0.35, "about a quarter: " + touched);
    }
}
