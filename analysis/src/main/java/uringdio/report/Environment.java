package uringdio.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uringdio.results.Columns;

/**
 * What a run ran on, as facts a person compares: the kernel and machine first, then each
 * filesystem with its mount options and device, then the settings that move numbers (ring
 * flags, profile, iteration counts, loop direct I/O), then everything else metadata.json holds.
 */
final class Environment {

    /** The facts shown first, in this order; metadata.json's other facts follow. */
    static final List<String> FIRST = List.of("kernel", "kernel_version", "distribution", "host", "cpu_model", "cpu_count",
            "memory_kib", "page_size", "liburing", "jdk", "jna", "jmh", "git_revision", "profile", "scenarios", "time",
            "command_line");
    static final List<String> TARGET_FACTS = List.of("filesystem", "mount_options", "device", "kind", "loop_direct_io",
            "logical_sector_size");
    static final String COMMAND_LINE = "command_line";
    static final String RING_FLAGS = "ring flags";
    /** What the first table shows: the machine, the software, and the settings that move numbers. */
    static final List<String> MACHINE = List.of("kernel", "kernel_version", "distribution", "cpu_model", "cpu_count",
            "memory_kib", "page_size", "liburing", "jdk", "jna", "jmh", RING_FLAGS, "profile", "scenarios",
            "io_uring_disabled_sysctl", "host", "time", "git_revision", "command_line");

    private Environment() {
    }

    /**
     * Every fact as one flat map: top-level facts by name, a target's as {@code target.fact},
     * and the ring flags the scenarios used. Two runs' maps are what the comparison page diffs.
     */
    static Map<String, String> facts(RunData run) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String f : FIRST) {
            if (run.metadata.has(f)) {
                facts.put(f, run.fact(f));
            }
        }
        Set<String> ringFlags = new LinkedHashSet<>();
        run.rows.forEach(r -> {
            String flags = r.getOrDefault(Columns.RING_FLAGS, "");
            if (!flags.isBlank()) {
                ringFlags.add(flags);
            }
        });
        if (!ringFlags.isEmpty()) {
            facts.put(RING_FLAGS, String.join("; ", ringFlags));
        }
        JsonNode targets = run.metadata.get("targets");
        if (targets != null && targets.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = targets.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> t = it.next();
                for (String f : TARGET_FACTS) {
                    JsonNode v = t.getValue().get(f);
                    if (v != null) {
                        facts.put(t.getKey() + "." + f, v.asText());
                    }
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = run.metadata.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isContainerNode() && !facts.containsKey(e.getKey())) {
                facts.put(e.getKey(), e.getValue().asText());
            }
        }
        return facts;
    }

    static String html(RunData run) {
        Map<String, String> facts = facts(run);
        if (facts.isEmpty()) {
            return "<p class=\"missing\">Not in this run: metadata.json (kernel, machine and filesystems unknown).</p>\n";
        }
        StringBuilder b = new StringBuilder("<table class=\"env\" id=\"environment\">\n");
        Map<String, String> rest = new LinkedHashMap<>(facts);
        // Two facts to a row: a reader scans them, and the charts should not start a screen further down.
        List<String> cells = new ArrayList<>();
        for (String f : MACHINE) {
            String v = rest.remove(f);
            if (v != null && !f.equals(COMMAND_LINE)) {
                cells.add("<td>" + Html.escape(f.replace('_', ' ')) + "</td><td><code>" + Html.escape(v) + "</code></td>");
            }
        }
        for (int i = 0; i < cells.size(); i += 2) {
            b.append("<tr>").append(cells.get(i)).append(i + 1 < cells.size() ? cells.get(i + 1) : "").append("</tr>\n");
        }
        if (facts.containsKey(COMMAND_LINE)) {
            b.append("<tr><td>command line</td><td colspan=\"3\"><code>").append(Html.escape(facts.get(COMMAND_LINE)))
                    .append("</code></td></tr>\n");
        }
        b.append("</table>\n");
        b.append(filesystems(run, rest));
        if (!rest.isEmpty()) {
            b.append("<details><summary>Everything else metadata.json holds</summary>\n<table class=\"env\">\n");
            rest.forEach((k, v) -> b.append("<tr><td>").append(Html.escape(k)).append("</td><td><code>")
                    .append(Html.escape(v)).append("</code></td></tr>\n"));
            b.append("</table></details>\n");
        }
        return b.toString();
    }

    /** One row per filesystem the run mounted: the facts that change how its reads behave. */
    private static String filesystems(RunData run, Map<String, String> rest) {
        JsonNode targets = run.metadata.get("targets");
        if (targets == null || !targets.isObject() || targets.size() == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder("<table class=\"env\" id=\"filesystems\">\n<thead><tr><th>target</th>");
        TARGET_FACTS.forEach(f -> b.append("<th>").append(Html.escape(f.replace('_', ' '))).append("</th>"));
        b.append("</tr></thead>\n<tbody>\n");
        for (Iterator<String> it = targets.fieldNames(); it.hasNext(); ) {
            String t = it.next();
            b.append("<tr><td>").append(Html.escape(t)).append("</td>");
            for (String f : TARGET_FACTS) {
                String v = rest.remove(t + "." + f);
                b.append("<td><code>").append(Html.escape(v == null ? "-" : v)).append("</code></td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    /**
     * Both runs' facts side by side: the ones that differ first and highlighted (class
     * {@code differs}), the ones alike folded away below them.
     */
    static String differencesHtml(RunData base, RunData cand) {
        Map<String, String> a = facts(base);
        Map<String, String> b = facts(cand);
        List<String> keys = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
        StringBuilder differ = new StringBuilder();
        StringBuilder alike = new StringBuilder();
        int same = 0;
        for (String k : keys) {
            String x = a.getOrDefault(k, "(absent)");
            String y = b.getOrDefault(k, "(absent)");
            boolean differs = !x.equals(y);
            same += differs ? 0 : 1;
            (differs ? differ : alike).append("<tr").append(differs ? " class=\"differs\"" : "").append("><td>")
                    .append(Html.escape(k)).append("</td><td><code>").append(Html.escape(x)).append("</code></td><td><code>")
                    .append(Html.escape(y)).append("</code></td></tr>\n");
        }
        String head = "<thead><tr><th>fact</th><th>baseline</th><th>candidate</th></tr></thead>\n";
        StringBuilder h = new StringBuilder("<table class=\"env\" id=\"environment-differences\">\n").append(head)
                .append("<tbody>\n").append(differ.length() == 0 ? "<tr><td colspan=\"3\">no fact differs</td></tr>\n" : differ)
                .append("</tbody></table>\n");
        if (same > 0) {
            h.append("<details><summary>").append(same).append(" facts alike</summary>\n<table class=\"env\">\n")
                    .append(head).append("<tbody>\n").append(alike).append("</tbody></table></details>\n");
        }
        return h.toString();
    }
}
