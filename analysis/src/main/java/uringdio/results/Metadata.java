package uringdio.results;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code metadata.json}: what a run ran on (kernel, distribution, CPU, liburing, JDK, git
 * revision, command line, each target's filesystem, mount options and device). A flat object of
 * strings, with one nested object per target under {@code targets}, written atomically.
 *
 * @param facts   the run's facts, name to value
 * @param targets each target's facts, by target name (btrfs, ext4, xfs)
 */
public record Metadata(Map<String, String> facts, Map<String, Map<String, String>> targets) {

    public static final String FILE = "metadata.json";
    private static final String TARGETS = "targets";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes {@code facts} and {@code targets} (target name to its facts) to {@code dir/metadata.json}. */
    public static void write(Path dir, Map<String, String> facts, Map<String, Map<String, String>> targets) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        facts.forEach(root::put);
        ObjectNode t = root.putObject(TARGETS);
        targets.forEach((name, m) -> m.forEach(t.with(name)::put));
        AtomicFiles.write(dir.resolve(FILE), out -> JSON.writeValue(out, root));
    }

    /** Reads {@code dir/metadata.json}: its string facts, and its targets' facts. */
    public static Metadata read(Path dir) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(dir.resolve(FILE).toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IOException(e.getOriginalMessage() + (at == null ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new IOException(dir.resolve(FILE) + " is not a JSON object");
        }
        Map<String, String> facts = new LinkedHashMap<>();
        Map<String, Map<String, String>> targets = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(TARGETS) && e.getValue().isObject()) {
                e.getValue().fields().forEachRemaining(
                        target -> targets.put(target.getKey(), JSON.convertValue(target.getValue(), new TypeReference<>() { })));
            } else if (e.getValue().isValueNode()) {
                facts.put(e.getKey(), e.getValue().asText());
            }
        }
        return new Metadata(facts, targets);
    }

    /** Adds {@code target}'s facts to an existing metadata file, or writes one with {@code facts}. */
    public static void addTarget(Path dir, Map<String, String> facts, String target, Map<String, String> targetFacts)
            throws IOException {
        AtomicFiles.locked(dir.resolve(FILE), () -> {
            Metadata m = Files.exists(dir.resolve(FILE)) ? read(dir) : new Metadata(facts, new LinkedHashMap<>());
            Map<String, Map<String, String>> targets = new LinkedHashMap<>(m.targets());
            targets.put(target, targetFacts);
            write(dir, m.facts(), targets);
            return null;
        });
    }
}
