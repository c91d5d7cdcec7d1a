package uringdio.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The run directories the report's tests render: the real quick-profile run, and crafted ones. */
final class CraftedRuns {

    /** A real `run --profile quick` directory (jmh-logs left out), committed as a test resource. */
    static final String QUICK_RUN = "20261126-074954_6.18.44-fc-v595_vm";

    private CraftedRuns() {
    }

    /** A copy of the real quick-profile run in {@code parent}, so a test may write its report beside the files. */
    static Path quickRun(Path parent) throws IOException {
        Path source = Path.of("src/test/resources/uringdio/report", QUICK_RUN);
        Path target = parent.resolve(QUICK_RUN);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    /**
     * A run with every picture in it: the seed's fault-in at two extent counts (the heat map),
     * filesystems against ext4, a mode, two queue depths (reads/s by depth), and, as asked, the
     * confidence columns with rounds, and the attribution columns with phases.
     */
    static RunDirectoryFixture matrix(Path directory, double btrfsFirstMicros) {
        RunDirectoryFixture run = RunDirectoryFixture.in(directory);
        RunDirectoryFixture.Scenario ext4All = run.scenario("ext4", 16384, 4, "ALL", "INLINE", 1).medianMicros(100);
        RunDirectoryFixture.Scenario btrfsAll = run.scenario("btrfs", 16384, 4, "ALL", "INLINE", 1).medianMicros(160)
                .control(ext4All, "ext4");
        run.scenario("btrfs", 16384, 4, "FIRST", "INLINE", 1).medianMicros(btrfsFirstMicros).control(btrfsAll, "ALL");
        run.scenario("btrfs", 16384, 4, "ALTERNATE", "INLINE", 1).medianMicros(220).control(btrfsAll, "ALL");
        run.scenario("btrfs", 16384, 4, "NONE", "INLINE", 1).medianMicros(60).control(btrfsAll, "ALL")
                .set("page_cache_pages_after", "64");
        run.scenario("ext4", 16384, 4, "FIRST", "INLINE", 1).medianMicros(105).control(ext4All, "ALL");
        run.scenario("xfs", 16384, 4, "ALL", "INLINE", 1).medianMicros(102).control(ext4All, "ext4");
        RunDirectoryFixture.Scenario ext4All16 = run.scenario("ext4", 65536, 16, "ALL", "INLINE", 1).medianMicros(180);
        RunDirectoryFixture.Scenario btrfsAll16 = run.scenario("btrfs", 65536, 16, "ALL", "INLINE", 1).medianMicros(300)
                .control(ext4All16, "ext4");
        run.scenario("btrfs", 65536, 16, "FIRST", "INLINE", 1).medianMicros(420).control(btrfsAll16, "ALL");
        run.scenario("btrfs", 65536, 16, "ALTERNATE", "INLINE", 1).medianMicros(500).control(btrfsAll16, "ALL");
        run.scenario("btrfs", 16384, 4, "ALL", "IOSQE_ASYNC", 1).medianMicros(168);
        RunDirectoryFixture.Scenario ext4Qd16 = run.scenario("ext4", 16384, 4, "ALL", "INLINE", 16).medianMicros(480);
        run.scenario("btrfs", 16384, 4, "ALL", "INLINE", 16).medianMicros(660).control(ext4Qd16, "ext4");
        RunDirectoryFixture.Scenario ext4Qd4 = run.scenario("ext4", 16384, 4, "ALL", "INLINE", 4).medianMicros(210);
        run.scenario("btrfs", 16384, 4, "ALL", "INLINE", 4).medianMicros(320).control(ext4Qd4, "ext4");
        return run;
    }
}
