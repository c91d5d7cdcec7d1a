package uringdio.overhead;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median of a few figures: how both loops condense their rounds, so neither gets a kinder statistic. */
final class Median {

    private Median() {
    }

    /** The middle value; the mean of the two middle ones for an even count. */
    static double of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the median of no values");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
