package uringdio.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openjdk.jmh.runner.options.Options;
import uringdio.fixture.ExtentFile;
import uringdio.scenario.ExtentFileSpec;
import uringdio.scenario.FaultPattern;
import uringdio.scenario.FileVariant;
import uringdio.scenario.Scenario;
import uringdio.scenario.SubmitMode;
import uringdio.stats.RatioInterval;
import uringdio.testing.Require;
import uringdio.testing.ScratchFilesystems;

/**
 * The fio side of the fidelity check: the command line it builds asks fio for the suite's
 * scenario, and a real fio run on a real file on ext4 is read back whole. Nothing here asserts
 * a timing.
 */
class FioFidelityTest {

    @RegisterExtension
    static final ScratchFilesystems SCRATCH = new ScratchFilesystems();

    /** 4 MiB of 16 KiB ranges, four 4 KiB extents each: the seed's shape, small. */
    private static final ExtentFileSpec SMALL = new ExtentFileSpec(4, 4096, 256, FileVariant.PLAIN);

    @ParameterizedTest(name = "QD {0}, batch {1}")
    @CsvSource({"1, 1", "16, 1", "16, 4"})
    void fioIsAskedForTheSuitesScenario(int queueDepth, int submitBatch, @TempDir Path dir) {
        SameRead read = new SameRead("ext4", dir.resolve("file.dat"), SMALL, queueDepth, submitBatch, 2, 5);
        Scenario scenario = read.scenario().scenario();
        FioJob fio = new FioJob(read, dir.resolve("out.json"));

        assertEquals(Integer.toString(scenario.readSize()), fio.option("bs"));
        assertEquals(Integer.toString(scenario.queueDepth()), fio.option("iodepth"));
        assertEquals(Integer.toString(scenario.submitBatch()), fio.option("iodepth_batch_submit"));
        assertEquals("1", fio.option("iodepth_batch_complete_min"), "the suite waits for one completion, then takes all ready");
        assertEquals(Integer.toString(scenario.queueDepth()), fio.option("iodepth_batch_complete_max"));
        assertEquals(Long.toString(scenario.fileSpec().fileBytes()), fio.option("size"));
        assertEquals(read.file().toString(), fio.option("filename"));
        assertEquals("io_uring", fio.option("ioengine"));
        assertEquals("1", fio.option("direct"));
        assertEquals("randread", fio.option("rw"));
        assertTrue(fio.commandLine().contains("--norandommap"), "the suite draws offsets with repeats");
        assertTrue(fio.commandLine().contains("--readonly"), "fio must not write the suite's fixture");
        assertEquals(FaultPattern.RESIDENT, scenario.pattern(), "a buffer kept resident, as fio's");
        assertEquals(SubmitMode.INLINE, scenario.mode(), "io_uring's own issue, as fio's");
        assertEquals(SMALL, scenario.fileSpec(), "the suite reads the file fio reads");
    }

    @Test
    void bothToolsWarmUpAndMeasureTheSameSeconds(@TempDir Path dir) {
        SameRead read = new SameRead("btrfs", dir.resolve("file.dat"), SMALL, 16, 1, 3, 7);
        FioJob fio = new FioJob(read, dir.resolve("out.json"));
        Options jmh = new SuiteJob(read, "scratch-loop", dir.resolve("results"), Map.of(), false).options();

        long warmup = jmh.getWarmupIterations().get() * jmh.getWarmupTime().get().convertTo(java.util.concurrent.TimeUnit.SECONDS);
        long measured = jmh.getMeasurementIterations().get()
                * jmh.getMeasurementTime().get().convertTo(java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(Long.parseLong(fio.option("ramp_time")), warmup);
        assertEquals(Long.parseLong(fio.option("runtime")), measured);
        assertEquals(List.of("16"), List.copyOf(jmh.getParameter("queueDepth").get()));
        assertEquals(List.of("RESIDENT"), List.copyOf(jmh.getParameter("pattern").get()));
        assertTrue(jmh.getJvmArgsAppend().get().contains("-Duringdio.target.btrfs=" + dir),
                "the suite's fork reads the file in the directory fio reads it in");
    }

    @Test
    void colonsInTheFileNameAreEscapedForFio() {
        assertEquals("/mnt/a\\:b/file", FioJob.escapeFilename("/mnt/a:b/file"));
    }

    @Test
    void realFioReportIsReadBack(@TempDir Path dir) throws Exception {
        Require.that(FioProcess.availability(), "fio");
        ExtentFile file = ExtentFile.obtain(SCRATCH.get("ext4").directory(), SMALL);
        SameRead read = new SameRead("ext4", file.path(), SMALL, 4, 2, 0, 1);
        FioJob job = new FioJob(read, dir.resolve("fio.json"));

        FioResult r = FioProcess.run(job, dir.resolve("fio.log"));

        assertTrue(r.version().startsWith("fio-"), r.version());
        assertEquals(0, r.error(), "fio's job error; its output: " + Files.readString(dir.resolve("fio.log")));
        assertEquals(0, r.wrongReads(), "short or dropped reads");
        assertTrue(r.reads() > 0, "reads completed");
        assertTrue(r.runtimeMillis() > 0, "measured runtime");
        assertEquals(r.reads() * 1000.0 / r.runtimeMillis(), r.readsPerSecond(), r.readsPerSecond() * 0.01,
                "fio's iops is its reads over its runtime");
        assertTrue(r.latP50Ns() > 0 && r.latP50Ns() <= r.latP99Ns(), "p50 " + r.latP50Ns() + ", p99 " + r.latP99Ns());
        assertTrue(r.clatP50Ns() <= r.latP50Ns(), "clat is a part of each read's lat, so its median is no larger");
        assertTrue(r.latMeanNs() > 0);
        // What fio understood, in its own names: the suite's scenario.
        assertEquals("16384", r.jobOptions().get("bs"));
        assertEquals("4", r.jobOptions().get("iodepth"));
        assertEquals("2", r.jobOptions().get("iodepth_batch"));
        assertEquals("1", r.jobOptions().get("iodepth_batch_complete_min"));
        assertEquals(FioJob.escapeFilename(file.path().toString()), r.jobOptions().get("filename"));
    }

    @Test
    void aReportWithoutLatPercentilesIsRefusedByName() {
        String json = "{\"fio version\":\"fio-3.33\",\"jobs\":[{\"error\":0,\"read\":{\"lat_ns\":{\"mean\":1.0}}}]}";
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FioResult.parse(json));
        assertTrue(e.getMessage().contains("--lat_percentiles=1"), e.getMessage());
    }

    @Test
    void medianOfTwoRunsIsTheirMean() {
        assertEquals(15.0, Comparison.median(List.of(10.0, 20.0), Double::doubleValue));
        assertEquals(20.0, Comparison.median(List.of(30.0, 10.0, 20.0), Double::doubleValue));
    }

    @Test
    void withinFivePercentOnlyWhenTheWholeIntervalIs() {
        assertTrue(Comparison.within(new RatioInterval(1.0, 0.951, 1.049, 5, "test")));
        assertFalse(Comparison.within(new RatioInterval(1.0, 0.949, 1.02, 5, "test")), "the interval reaches below 0.95");
        assertFalse(Comparison.within(new RatioInterval(1.0, 0.98, 1.051, 5, "test")), "the interval reaches above 1.05");
        assertFalse(Comparison.within(null), "one repetition: no interval, no verdict");
    }
}
