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

class GithubActionBenchmarkTest {

    private static final String AWKWARD = "btrfs \"16K\" <x4> & FIRST qd1";

    private static final List<MetricResult> RESULTS = List.of(
            new MetricResult(AWKWARD, "p50 latency", 252500, 248000.0, 257100.0, Direction.SMALLER_IS_BETTER, "ns"),
            MetricResult.of(AWKWARD, "reads/s", 3649, Direction.BIGGER_IS_BETTER, "reads/s"),
            MetricResult.of(AWKWARD, "CPU per read", 41200, Direction.SMALLER_IS_BETTER, "ns"),
            new MetricResult("ext4 16K x4 ALL INLINE qd1", "reads/s", 8907, 8800.0, 9010.0, Direction.BIGGER_IS_BETTER, "reads/s"));

    @Test
    void eachResultGoesToTheFileOfItsDirection(@TempDir Path dir) throws IOException {
        Path smaller = dir.resolve("smaller.json");
        Path bigger = dir.resolve("bigger.json");
        GithubActionBenchmark.write(RESULTS, smaller, bigger);

        JsonNode smallerEntries = new ObjectMapper().readTree(Files.readString(smaller));
        JsonNode biggerEntries = new ObjectMapper().readTree(Files.readString(bigger));
        assertTrue(smallerEntries.isArray() && biggerEntries.isArray());
        assertEquals(2, smallerEntries.size());
        assertEquals(2, biggerEntries.size());
        for (JsonNode e : smallerEntries) {
            assertEquals("ns", e.get("unit").asText(), "only latency and CPU are smaller-is-better: " + e);
        }
        for (JsonNode e : biggerEntries) {
            assertEquals("reads/s", e.get("unit").asText(), "throughput never goes to the smaller-is-better file: " + e);
        }
    }

    @Test
    void entriesHaveTheDocumentedFieldsAndKeepAwkwardNames() {
        JsonNode latency = GithubActionBenchmark.toJson(RESULTS, Direction.SMALLER_IS_BETTER).get(0);
        assertEquals(AWKWARD + " - p50 latency", latency.get("name").asText());
        assertEquals("ns", latency.get("unit").asText());
        assertTrue(latency.get("value").isNumber());
        assertEquals(252500.0, latency.get("value").asDouble());
        assertEquals("95% CI 248000 to 257100", latency.get("range").asText());
        assertFalse(latency.has("extra"));

        JsonNode cpu = GithubActionBenchmark.toJson(RESULTS, Direction.SMALLER_IS_BETTER).get(1);
        assertFalse(cpu.has("range"), "no interval, no range");
    }

    @Test
    void aDirectionWithoutResultsIsAnEmptyArray() {
        List<MetricResult> latencyOnly = List.of(MetricResult.of("s", "p50", 1, Direction.SMALLER_IS_BETTER, "ns"));
        assertEquals(0, GithubActionBenchmark.toJson(latencyOnly, Direction.BIGGER_IS_BETTER).size());
    }

    @Test
    void twoEntriesOfOneNameAreAnError() {
        assertThrows(IllegalArgumentException.class, () -> GithubActionBenchmark.toJson(List.of(
                MetricResult.of("s", "p50", 1, Direction.SMALLER_IS_BETTER, "ns"),
                MetricResult.of("s", "p50", 2, Direction.SMALLER_IS_BETTER, "ns")), Direction.SMALLER_IS_BETTER));
    }
}
