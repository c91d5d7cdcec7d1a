package uringdio.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Bencher Metric Format (BMF) JSON, for {@code bencher run --adapter json}:
 * <pre>
 * { "&lt;benchmark name&gt;": { "&lt;measure slug&gt;": { "value": v, "lower_value": l, "upper_value": u } } }
 * </pre>
 * {@code value} is required and the bounds optional (bencher.dev/bmf.json). A benchmark is named
 * by its scenario id (at most 1024 characters); a measure by a slug made from the metric name
 * ("p99 latency" becomes {@code p99-latency}, at most 64 characters), which Bencher creates on
 * first use. BMF carries neither unit nor direction: those belong to the measure in Bencher, and
 * its thresholds must be set up to match {@link MetricResult#direction()}.
 */
public final class BencherMetricFormat {

    static final int MAX_BENCHMARK_NAME = 1024;
    static final int MAX_MEASURE_SLUG = 64;

    private BencherMetricFormat() {
    }

    /** The BMF tree of {@code results}; two results for one benchmark and measure are an error, not a silent overwrite. */
    public static ObjectNode toJson(List<MetricResult> results) {
        ObjectNode root = ExportFiles.MAPPER.createObjectNode();
        for (MetricResult r : results) {
            if (r.benchmark().length() > MAX_BENCHMARK_NAME) {
                throw new IllegalArgumentException("a Bencher benchmark name is at most " + MAX_BENCHMARK_NAME + " characters: " + r.benchmark());
            }
            ObjectNode benchmark = root.has(r.benchmark()) ? (ObjectNode) root.get(r.benchmark()) : root.putObject(r.benchmark());
            String slug = measureSlug(r.metric());
            if (benchmark.has(slug)) {
                throw new IllegalArgumentException("two results for " + r.benchmark() + " measure " + slug);
            }
            ObjectNode measure = benchmark.putObject(slug);
            measure.put("value", r.value());
            if (r.hasInterval()) {
                measure.put("lower_value", r.lower());
                measure.put("upper_value", r.upper());
            }
        }
        return root;
    }

    public static void write(List<MetricResult> results, Path file) {
        ExportFiles.writeJson(toJson(results), file);
    }

    /** Lower case letters, digits and single hyphens: how Bencher spells a slug. */
    static String measureSlug(String metric) {
        String slug = metric.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("the metric name '" + metric + "' has no letter or digit to make a Bencher slug of");
        }
        if (slug.length() > MAX_MEASURE_SLUG) {
            throw new IllegalArgumentException("a Bencher measure slug is at most " + MAX_MEASURE_SLUG + " characters: " + slug);
        }
        return slug;
    }
}
