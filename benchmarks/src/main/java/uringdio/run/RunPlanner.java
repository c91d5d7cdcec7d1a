package uringdio.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uringdio.bench.BenchConfig;
import uringdio.cli.BadInputException;
import uringdio.libc.FileHandle;
import uringdio.libc.LibC;
import uringdio.scenario.FileSizes;
import uringdio.scenario.Filesystem;
import uringdio.scenario.Workload;

/**
 * Which scenarios a run runs: a named profile, or a custom matrix of {@code -p} parameters, then
 * only those on the filesystems {@code --fs} names. For a custom matrix the {@code fs} axis, when
 * not given with {@code -p}, is {@code --fs}'s list, or with {@code --dir} that directory's
 * filesystem. A plan of no scenario is bad input: a run that measures nothing must not pass.
 *
 * @param profile the scenarios, and their iterations and file sizes
 * @param skipped combinations of a custom matrix left out, each with why
 */
record RunPlanner(Profile profile, List<String> skipped) {

    /** Plans the run the options ask for; throws {@link BadInputException} for anything wrong with them. */
    static RunPlanner plan(RunMain o) {
        int largeExtent = (int) BenchConfig.bytes("--large-extent-size", o.largeExtentSize);
        Long large = o.largeFileSize == null ? null : BenchConfig.bytes("--large-file-size", o.largeFileSize);
        List<Filesystem> onlyFs = new ArrayList<>();
        for (String fs : o.onlyFs) {
            onlyFs.add(Filesystem.parse(fs, " in --fs"));
        }
        List<String> skipped = new ArrayList<>();
        Profile plan;
        if (o.params.isEmpty()) {
            plan = Profile.named(o.profile, large, largeExtent);
        } else {
            Map<String, String> axisDefaults = new LinkedHashMap<>();
            Filesystem dirFs = o.dir == null ? null : filesystemOf(o.dir);
            if (!onlyFs.isEmpty()) {
                axisDefaults.put("fs", String.join(",", onlyFs.stream().map(Filesystem::label).toList()));
            } else if (dirFs != null) {
                axisDefaults.put("fs", dirFs.label());
            }
            FileSizes sizes = new FileSizes(FileSizes.DEFAULT_RANGES, large == null ? FileSizes.DEFAULT_LARGE_FILE : large,
                    largeExtent);
            plan = Profile.custom(Workload.parse(o.benchmark), o.params, axisDefaults, sizes, skipped);
        }
        if (!onlyFs.isEmpty()) {
            plan = plan.with(plan.scenarios().stream().filter(s -> onlyFs.contains(s.scenario().fs())).toList());
        }
        if (plan.scenarios().isEmpty()) {
            throw new BadInputException("no scenario selected: the " + plan.name() + " matrix has none on "
                    + String.join(", ", onlyFs.stream().map(Filesystem::label).toList())
                    + (o.params.isEmpty() ? "" : "; name its filesystems with -p fs=...") + " (see --list)");
        }
        return new RunPlanner(plan, skipped);
    }

    /** The filesystem {@code dir} is on, if the suite reads it; null otherwise (and if it does not exist, said later). */
    static Filesystem filesystemOf(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (FileHandle h = FileHandle.open(dir, LibC.O_RDONLY)) {
            return Filesystem.byName(h.statFs().typeName());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
