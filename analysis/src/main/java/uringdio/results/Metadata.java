package uringdio.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code metadata.json}: what a run ran on (kernel, distribution, CPU, liburing, JDK, git
 * revision, command line, each target's filesystem, mount options and device). A flat object of
 * strings, with one nested object per target, written atomically.
 */
public final class Metadata {

    public static final String FILE = "metadata.json";

    private Metadata() {
    }

    /** Writes {@code facts} and {@code targets} (target name to its facts) to {@code dir/metadata.json}. */
    public static void write(Path dir, Map<String, String> facts, Map<String, Map<String, String>> targets) throws IOException {
        StringBuilder b = new StringBuilder("{\n");
        for (Map.Entry<String, String> e : facts.entrySet()) {
            b.append("  ").append(quote(e.getKey())).append(": ").append(quote(e.getValue())).append(",\n");
        }
        b.append("  \"targets\": {");
        String sep = "\n";
        for (Map.Entry<String, Map<String, String>> t : targets.entrySet()) {
            b.append(sep).append("    ").append(quote(t.getKey())).append(": {");
            String inner = "\n";
            for (Map.Entry<String, String> e : t.getValue().entrySet()) {
                b.append(inner).append("      ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
                inner = ",\n";
            }
            b.append("\n    }");
            sep = ",\n";
        }
        b.append("\n  }\n}\n");
        AtomicFiles.write(dir.resolve(FILE), b.toString());
    }

    /** Adds {@code target}'s facts to an existing metadata file, or writes one with {@code facts}. */
    public static void addTarget(Path dir, Map<String, String> facts, String target, Map<String, String> targetFacts)
            throws IOException {
        AtomicFiles.locked(dir.resolve(FILE), () -> {
            Map<String, Map<String, String>> targets = new LinkedHashMap<>();
            Map<String, String> existing = new LinkedHashMap<>(facts);
            Path file = dir.resolve(FILE);
            if (Files.exists(file)) {
                MiniJson.Value root = MiniJson.parse(Files.readString(file));
                existing = new LinkedHashMap<>();
                for (Map.Entry<String, MiniJson.Value> e : root.object().entrySet()) {
                    if (e.getKey().equals("targets")) {
                        for (Map.Entry<String, MiniJson.Value> t : e.getValue().object().entrySet()) {
                            Map<String, String> m = new LinkedHashMap<>();
                            t.getValue().object().forEach((k, v) -> m.put(k, v.string()));
                            targets.put(t.getKey(), m);
                        }
                    } else {
                        existing.put(e.getKey(), e.getValue().string());
                    }
                }
            }
            targets.put(target, targetFacts);
            write(dir, existing, targets);
            return null;
        });
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
