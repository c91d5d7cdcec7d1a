package uringdio.fidelity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;


/**
 * What one fio job reported in {@code --output-format=json}, read side: the figures compared with
 * the suite's, and the counts that say whether every read was whole.
 *
 * <p>fio's percentiles come from its own histogram, whose buckets are 1/64 of a power of two wide:
 * a percentile is the middle of its bucket, within about 0.8% of the true value. The suite's
 * HdrHistogram keeps three significant digits. Neither is near the 5% being checked.
 *
 * @param version        {@code fio-3.33}
 * @param latP50Ns       median of {@code lat} (prep of the SQE to reap of the CQE), ns
 * @param latP99Ns       99th percentile of {@code lat}, ns
 * @param latMeanNs      mean {@code lat}, ns
 * @param clatP50Ns      median of {@code clat} (after the submit call to reap), ns
 * @param slatMeanNs     mean {@code slat} (prep to the end of the submit call), ns
 * @param readsPerSecond fio's {@code iops}: reads completed over the measured runtime (ramp excluded)
 * @param reads          reads completed in the measured runtime
 * @param runtimeMillis  the measured runtime
 * @param shortReads     completions with fewer bytes than asked
 * @param droppedReads   reads fio dropped
 * @param error          the job's errno, 0 when it ran clean
 * @param jobOptions     the options as fio understood them (its own names: {@code iodepth_batch})
 */
public record FioResult(String version, double latP50Ns, double latP99Ns, double latMeanNs, double clatP50Ns,
                        double slatMeanNs, double readsPerSecond, long reads, long runtimeMillis, long shortReads,
                        long droppedReads, int error, Map<String, String> jobOptions) {

    /** The percentiles asked for with {@code --percentile_list}, and their keys in fio's JSON. */
    static final String P50 = "50";
    static final String P99 = "99";
    private static final String P50_KEY = "50.000000";
    private static final String P99_KEY = "99.000000";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads fio's JSON report of a single job. Throws, naming what is missing, for anything else. */
    public static FioResult parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json.substring(Math.max(0, json.indexOf('{'))));
        } catch (JsonProcessingException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("fio's output is not JSON: " + e.getMessage(), e);
        }
        JsonNode jobs = root == null ? null : root.get("jobs");
        int jobCount = jobs == null || !jobs.isArray() ? 0 : jobs.size();
        if (jobCount != 1) {
            throw new IllegalArgumentException("fio reported " + jobCount + " jobs, expected one");
        }
        JsonNode job = jobs.get(0);
        JsonNode read = require(job, "read");
        JsonNode lat = require(read, "lat_ns");
        JsonNode latPercentiles = lat.get("percentile");
        if (latPercentiles == null || latPercentiles.isNull()) {
            throw new IllegalArgumentException("fio reported no percentiles of lat: run it with --lat_percentiles=1");
        }
        JsonNode clat = require(read, "clat_ns");
        Map<String, String> options = new LinkedHashMap<>();
        JsonNode jobOptions = job.get("job options");
        if (jobOptions != null && jobOptions.isObject()) {
            jobOptions.fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode clatPercentiles = clat.get("percentile");
        JsonNode slat = read.get("slat_ns");
        return new FioResult(root.path("fio version").asText(""),
                percentile(latPercentiles, P50_KEY), percentile(latPercentiles, P99_KEY), number(lat, "mean"),
                clatPercentiles == null || clatPercentiles.isNull() ? Double.NaN : percentile(clatPercentiles, P50_KEY),
                slat == null || slat.isNull() ? Double.NaN : number(slat, "mean"),
                number(read, "iops"), (long) number(read, "total_ios"), (long) number(read, "runtime"),
                (long) number(read, "short_ios"), (long) number(read, "drop_ios"), (int) number(job, "error"),
                Map.copyOf(options));
    }

    /** Reads that came back short or were dropped, or the whole job when fio stopped on an error. */
    public long wrongReads() {
        return shortReads + droppedReads + (error != 0 ? 1 : 0);
    }

    /**
     * Reads in flight on average, by Little's law (reads/s times mean lat): at the queue depth
     * when every read is resubmitted at once, less by the share of time reads wait to be resubmitted.
     */
    public double meanInFlight() {
        return readsPerSecond * latMeanNs / 1e9;
    }

    private static JsonNode require(JsonNode parent, String key) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("fio's JSON has no \"" + key + "\"");
        }
        return v;
    }

    private static double number(JsonNode parent, String key) {
        JsonNode v = require(parent, key);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("fio's JSON has \"" + key + "\" as " + v + ", not a number");
        }
        return v.asDouble();
    }

    private static double percentile(JsonNode percentiles, String key) {
        JsonNode v = percentiles.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("fio's JSON has no percentile " + key + ": run it with --percentile_list="
                    + P50 + ":" + P99);
        }
        return v.asDouble();
    }
}
