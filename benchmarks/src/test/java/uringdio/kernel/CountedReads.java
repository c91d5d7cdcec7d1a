package uringdio.kernel;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import uringdio.fixture.ExtentFile;
import uringdio.fixture.PageCache;
import uringdio.libc.FileHandle;
import uringdio.libc.LibC;
import uringdio.read.Findings;
import uringdio.read.ReadLoop;
import uringdio.read.ReadRecorder;
import uringdio.scenario.FileSizes;
import uringdio.scenario.Scenario;
import uringdio.scenario.ScenarioParser;
import uringdio.scenario.Workload;

/**
 * A scenario's real reads on a scratch filesystem, for tests that count what the kernel did with
 * them: the fixture file laid out and dropped from the page cache, the read loop made but not
 * primed, so a count started before {@link #read} sees every one of its reads whole.
 */
final class CountedReads implements AutoCloseable {

    final Scenario scenario;
    final ExtentFile file;
    final ReadRecorder recorder = new ReadRecorder();
    final Findings findings;
    final ReadLoop loop;

    CountedReads(Path directory, Map<String, String> params) {
        this.scenario = ScenarioParser.parseRunnable(Workload.EXTENT_READ, params, FileSizes.defaults());
        this.file = ExtentFile.obtain(directory, scenario.fileSpec());
        try (FileHandle h = FileHandle.open(file.path(), LibC.O_RDONLY)) {
            PageCache.drop(h, file.size());
        }
        this.findings = new Findings(scenario.label());
        this.loop = new ReadLoop(scenario, file, recorder, findings, directory, 1, Set.of());
    }

    FixtureEvents events() {
        return FixtureEvents.of(file.path(), scenario.readSize());
    }

    /** Makes at least {@code steps} steps of reads from a cold start, then waits for every read in flight. */
    void read(int steps) {
        loop.prime();
        for (int i = 0; i < steps; i++) {
            loop.step();
        }
        loop.drain();
    }

    @Override
    public void close() {
        loop.close();
    }
}
