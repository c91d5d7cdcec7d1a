package uringdio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uringdio.stats.Direction;

class BencherMetricFormatTest {

    private static final String AWKWARD = "btrfs \"16K\" <x4> & FIRST \\ qd1";

    @Test
    void writesBenchmarksOfMeasuresWithValueAndOptionalBounds(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bmf.json");
        BencherMetricFormat.write(List.of(
                new MetricResult(AWKWARD, "p99 latency", 597000.0, 590000.0, 605000.0, Direction.SMALLER_IS_BETTER, "ns"),
                MetricResult.of(AWKWARD, "reads/s", 3649, Direction.BIGGER_IS_BETTER, "reads/s"),
                MetricResult.of("ext4 16K x4 ALL INLINE qd1", "p99 latency", 199300, Direction.SMALLER_IS_BETTER, "ns")), file);

        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        assertEquals(2, root.size());
        JsonNode latency = root.get(AWKWARD).get("p99-latency");
        assertEquals(597000.0, latency.get("value").asDouble());
        assertEquals(590000.0, latency.get("lower_value").asDouble());
        assertEquals(605000.0, latency.get("upper_value").asDouble());
        assertTrue(latency.get("value").isNumber());
        JsonNode rate = root.get(AWKWARD).get("reads-s");
        assertEquals(3649.0, rate.get("value").asDouble());
        assertFalse(rate.has("lower_value"), "no interval, no bounds: BMF makes them optional");
        assertFalse(rate.has("upper_value"));
        assertEquals(199300.0, root.get("ext4 16K x4 ALL INLINE qd1").get("p99-latency").get("value").asDouble());
    }

    @Test
    void measureSlugsAreLowerCaseWordsJoinedByHyphens() {
        assertEquals("p99-latency", BencherMetricFormat.measureSlug("p99 latency"));
        assertEquals("cpu-per-read-ns", BencherMetricFormat.measureSlug(" CPU per read (ns) "));
        assertThrows(IllegalArgumentException.class, () -> BencherMetricFormat.measureSlug("%%"));
        assertThrows(IllegalArgumentException.class, () -> BencherMetricFormat.measureSlug("m".repeat(65)));
    }

    @Test
    void twoResultsForOneMeasureAreAnErrorNotAnOverwrite() {
        assertThrows(IllegalArgumentException.class, () -> BencherMetricFormat.toJson(List.of(
                MetricResult.of("s", "p50 latency", 1, Direction.SMALLER_IS_BETTER, "ns"),
                MetricResult.of("s", "P50 Latency", 2, Direction.SMALLER_IS_BETTER, "ns"))));
    }
}
