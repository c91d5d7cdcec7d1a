package uringdio.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Arrows point down: no package of the suite's main sources (every module's) imports, through
 * any chain, a package that imports it back. Read from the {@code import uringdio.} lines.
 */
class PackageCycleTest {

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(uringdio(?:\\.[a-z]\\w*)+)\\.[A-Z]",
            Pattern.MULTILINE);

    private static Path root() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("native")) && Files.isDirectory(d.resolve("analysis"))) {
                return d;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    /** Package to the packages it imports, over every module's main sources. */
    static Map<String, Set<String>> graph(Path root) throws IOException {
        Map<String, Set<String>> g = new TreeMap<>();
        for (String module : List.of("native", "analysis", "benchmarks")) {
            Path src = root.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(src)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    Matcher pm = PACKAGE.matcher(text);
                    if (!pm.find()) {
                        continue;
                    }
                    Set<String> deps = g.computeIfAbsent(pm.group(1), k -> new TreeSet<>());
                    Matcher im = IMPORT.matcher(text);
                    while (im.find()) {
                        if (!im.group(1).equals(pm.group(1))) {
                            deps.add(im.group(1));
                        }
                    }
                }
            }
        }
        return g;
    }

    /** The first cycle found, as a path that ends where it started; empty if there is none. */
    static List<String> cycle(Map<String, Set<String>> g) {
        Map<String, Integer> state = new TreeMap<>(); // 1 on the path, 2 done
        for (String start : g.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> found = visit(start, g, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> visit(String p, Map<String, Set<String>> g, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(p);
        if (s != null && s == 2) {
            return List.of();
        }
        if (s != null && s == 1) {
            List<String> c = new ArrayList<>(path.subList(path.indexOf(p), path.size()));
            c.add(p);
            return c;
        }
        state.put(p, 1);
        path.add(p);
        for (String d : g.getOrDefault(p, Set.of())) {
            List<String> c = visit(d, g, state, path);
            if (!c.isEmpty()) {
                return c;
            }
        }
        path.remove(path.size() - 1);
        state.put(p, 2);
        return List.of();
    }

    @Test
    void noPackageCycle() throws IOException {
        Map<String, Set<String>> g = graph(root());
        assertTrue(g.containsKey("uringdio.scenario") && g.containsKey("uringdio.run"), g.keySet().toString());
        assertEquals(List.of(), cycle(g), "a package cycle");
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> g = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"));
        assertEquals(List.of("a", "b", "c", "a"), cycle(new TreeMap<>(g)));
    }

    /**
     * The rooms from the top down (the README's layout table): a package may import only those
     * ranked below it. Packages not ranked here (new ones) are held only to having no cycle.
     */
    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("uringdio.run", 9), Map.entry("uringdio.fidelity", 9), Map.entry("uringdio.overhead", 9),
            Map.entry("uringdio.bench", 8), Map.entry("uringdio.read", 7), Map.entry("uringdio.kernel", 7),
            Map.entry("uringdio.fixture", 6),
            Map.entry("uringdio.results.compare", 6), Map.entry("uringdio.report", 5), Map.entry("uringdio.results", 4),
            Map.entry("uringdio.attribution", 3), Map.entry("uringdio.export", 2),
            Map.entry("uringdio.stats.simulation", 2), Map.entry("uringdio.scenario", 1),
            Map.entry("uringdio.cli", 0), Map.entry("uringdio.stats", 0),
            Map.entry("uringdio.platform", -1), Map.entry("uringdio.uring", -2), Map.entry("uringdio.trace", -2),
            Map.entry("uringdio.libc", -3), Map.entry("uringdio.layout", -4));

    @Test
    void arrowsPointDown() throws IOException {
        Map<String, Set<String>> g = graph(root());
        for (Map.Entry<String, Set<String>> e : g.entrySet()) {
            Integer from = RANK.get(e.getKey());
            for (String dep : e.getValue()) {
                Integer to = RANK.get(dep);
                if (from != null && to != null) {
                    assertTrue(to < from, e.getKey() + " imports " + dep + ", which is not below it");
                }
            }
        }
    }
}
