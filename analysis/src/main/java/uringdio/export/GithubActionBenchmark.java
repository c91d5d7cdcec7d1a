package uringdio.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uringdio.stats.Direction;

/**
 * The custom JSON of github-action-benchmark: an array of
 * {@code {"name", "unit", "value", "range"?, "extra"?}}, read with {@code tool: customSmallerIsBetter}
 * or {@code tool: customBiggerIsBetter}. The tool takes the direction from the file, not from each
 * entry, so results are written to two files and each goes to the file of its own direction:
 * throughput in a smaller-is-better file would turn every speed-up into an alert.
 *
 * <p>{@code name} is the scenario id and the metric, {@code range} the 95% interval as text (the
 * tool only displays it), {@code extra} is left out.
 */
public final class GithubActionBenchmark {

    /** Six significant digits: more than any round-to-round noise justifies, fewer than binary noise. */
    private static final MathContext DIGITS = new MathContext(6);

    private GithubActionBenchmark() {
    }

    /** The entries of {@code results} that go {@code direction}, in their order; other results are left out. */
    public static ArrayNode toJson(List<MetricResult> results, Direction direction) {
        ArrayNode entries = ExportFiles.MAPPER.createArrayNode();
        Set<String> names = new HashSet<>();
        for (MetricResult r : results) {
            if (r.direction() != direction) {
                continue;
            }
            String name = name(r);
            if (!names.add(name)) {
                throw new IllegalArgumentException("two results named " + name);
            }
            ObjectNode entry = entries.addObject();
            entry.put("name", name);
            entry.put("unit", r.unit());
            entry.put("value", r.value());
            if (r.hasInterval()) {
                entry.put("range", "95% CI " + brief(r.lower()) + " to " + brief(r.upper()));
            }
        }
        return entries;
    }

    /**
     * Writes the smaller-is-better results (latency, CPU per read) to {@code smallerIsBetterFile}
     * and the bigger-is-better ones (reads/s) to {@code biggerIsBetterFile}; a direction with no
     * result gets an empty array, so the CI step that reads it still finds its file.
     */
    public static void write(List<MetricResult> results, Path smallerIsBetterFile, Path biggerIsBetterFile) {
        ExportFiles.writeJson(toJson(results, Direction.SMALLER_IS_BETTER), smallerIsBetterFile);
        ExportFiles.writeJson(toJson(results, Direction.BIGGER_IS_BETTER), biggerIsBetterFile);
    }

    static String name(MetricResult r) {
        return r.benchmark() + " - " + r.metric();
    }

    private static String brief(double v) {
        return new BigDecimal(v).round(DIGITS).stripTrailingZeros().toPlainString();
    }
}
