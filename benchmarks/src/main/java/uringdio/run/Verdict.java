package uringdio.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import uringdio.attribution.Attribution;
import uringdio.cli.ExitCode;
import uringdio.results.Columns;
import uringdio.results.ResultsCsv;
import uringdio.results.RunFiles;

/**
 * What a finished run says about correctness, read back from its results directory: a short read
 * or a wrong byte anywhere is never averaged away; it is named, and the run exits with its own
 * status after everything else is written.
 */
public record Verdict(long completionsChecked, List<String> findings, int failedScenarios, List<String> pathsNotAsLabelled,
                      List<String> pathsNotCounted) {

    public static Verdict of(Path runDir, int failedScenarios) throws IOException {
        Path csv = runDir.resolve(ResultsCsv.FILE);
        List<Map<String, String>> rows = Files.exists(csv) ? ResultsCsv.read(csv) : List.of();
        long checked = rows.stream().mapToLong(r -> Long.parseLong(r.getOrDefault(Columns.COMPLETIONS, "0"))).sum();
        Path f = runDir.resolve(RunFiles.FINDINGS);
        List<String> findings = Files.exists(f) ? Files.readAllLines(f) : List.of();
        List<String> notAsLabelled = new ArrayList<>();
        Set<String> notCounted = new LinkedHashSet<>();
        for (Map<String, String> r : rows) {
            String label = r.getOrDefault(Columns.LABEL, r.get(Columns.SCENARIO));
            String mismatch = r.getOrDefault(Columns.PATH_MISMATCH, "");
            if (!mismatch.isEmpty()) {
                notAsLabelled.add(label + ": " + mismatch);
            }
            String counts = r.getOrDefault(Columns.KERNEL_COUNTS, "");
            if (!counts.equals(Attribution.EXACT)) {
                notCounted.add(counts.isEmpty() ? "this run's results have no kernel counts" : counts);
            }
        }
        return new Verdict(checked, findings, failedScenarios, notAsLabelled, List.copyOf(notCounted));
    }

    public int exitCode() {
        if (!findings.isEmpty()) {
            return ExitCode.FINDINGS;
        }
        // A run that checked nothing has not shown that reads are right: it does not pass.
        return failedScenarios > 0 || completionsChecked == 0 ? ExitCode.FAILED : ExitCode.OK;
    }

    /** The verdict in a few lines: the findings word for word (the first 40 lines), or how much was checked. */
    public String render(Path runDir) {
        StringBuilder b = new StringBuilder();
        if (!findings.isEmpty()) {
            b.append("VERDICT: WRONG READS FOUND (all of them in ").append(runDir.resolve(RunFiles.FINDINGS)).append("):\n");
            findings.stream().limit(40).forEach(l -> b.append("  ").append(l).append('\n'));
        } else if (completionsChecked == 0) {
            b.append("VERDICT: NOTHING MEASURED: no completion was checked, so nothing shows the reads are right.\n");
        } else {
            b.append(String.format(Locale.ROOT,
                    "VERDICT: every one of %d completions was checked: no short read, no wrong byte.%n", completionsChecked));
        }
        if (!pathsNotAsLabelled.isEmpty()) {
            b.append("Kernel paths not as their labels promise (what the kernel did, counted; not a wrong read):\n");
            pathsNotAsLabelled.forEach(l -> b.append("  ").append(l).append('\n'));
        }
        pathsNotCounted.forEach(why -> b.append("Kernel paths ").append(why)
                .append("; io-wq workers seen and the suite's own -EAGAIN and short-read counts stand in.\n"));
        if (failedScenarios > 0) {
            b.append(failedScenarios).append(" scenario(s) failed to run; see their logs in ")
                    .append(runDir.resolve(RunFiles.JMH_LOGS)).append('\n');
        }
        return b.toString();
    }
}
