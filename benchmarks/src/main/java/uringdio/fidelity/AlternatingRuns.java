package uringdio.fidelity;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uringdio.fixture.PageCache;
import uringdio.libc.FileHandle;
import uringdio.libc.LibC;

/**
 * Runs fio and the suite on each {@link SameRead}, alternating fio, suite, suite, fio, ...: with a
 * machine that drifts steadily (a VM's host getting busier, a cache filling), each tool's mean
 * run then sits at the same moment, so the drift falls on both alike. Every run's figures are
 * kept in the order they ran.
 */
final class AlternatingRuns {

    private final int repetitions;
    private final String targetKind;
    private final Path results;
    private final Map<String, String> suiteProperties;
    private final boolean showJmh;
    private final PrintWriter progress;
    private final List<Comparison> comparisons = new ArrayList<>();
    private final List<FidelityReport.RunRecord> order = new ArrayList<>();
    private final Map<String, Long> pagesLeftByFio = new LinkedHashMap<>();

    AlternatingRuns(int repetitions, String targetKind, Path results, Map<String, String> suiteProperties, boolean showJmh,
                    PrintWriter progress) {
        this.repetitions = repetitions;
        this.targetKind = targetKind;
        this.results = results;
        this.suiteProperties = suiteProperties;
        this.showJmh = showJmh;
        this.progress = progress;
    }

    /** Runs every read in {@code reads}, in order, each {@code repetitions} times per tool. */
    void runAll(List<SameRead> reads) {
        int total = reads.size() * repetitions * 2;
        for (SameRead read : reads) {
            Comparison c = new Comparison(read);
            comparisons.add(c);
            for (int rep = 1; rep <= repetitions; rep++) {
                boolean fioFirst = rep % 2 == 1;
                for (int i = 0; i < 2; i++) {
                    boolean fio = fioFirst == (i == 0);
                    progress.printf(Locale.ROOT, "[%2d/%d] %-12s #%d %-5s ", order.size() + 1, total, read.label(), rep,
                            fio ? "fio" : "suite");
                    progress.flush();
                    String base = String.format(Locale.ROOT, "%s-qd%02d-%d", read.fs(), read.queueDepth(), rep);
                    if (fio) {
                        runFio(c, rep, base);
                    } else {
                        runSuite(c, rep, base);
                    }
                }
            }
        }
    }

    private void runFio(Comparison c, int rep, String base) {
        SameRead read = c.read();
        FioResult r = FioProcess.run(new FioJob(read, results.resolve(base + "-fio.json")),
                results.resolve(base + "-fio.log"));
        // The suite drops the file's cached pages when it opens it; fio's invalidate=1 does too.
        // What is cached after fio's run is what some of its reads went through.
        pagesLeftByFio.merge(read.fs(), cachedPages(read), Long::sum);
        c.add(r);
        order.add(new FidelityReport.RunRecord(read, rep, r, null));
        progress.println("p50 lat " + FidelityReport.micros(r.latP50Ns()) + ", "
                + FidelityReport.perSecond(r.readsPerSecond()) + " reads/s");
    }

    private void runSuite(Comparison c, int rep, String base) {
        SameRead read = c.read();
        SuiteResult r = new SuiteJob(read, targetKind, results.resolve(base + "-suite"), suiteProperties, showJmh).run();
        c.add(r);
        order.add(new FidelityReport.RunRecord(read, rep, null, r));
        progress.println("p50 e2e " + FidelityReport.micros(r.e2eP50Ns()) + ", "
                + FidelityReport.perSecond(r.readsPerSecond()) + " reads/s");
    }

    private static long cachedPages(SameRead read) {
        try (FileHandle h = FileHandle.open(read.file(), LibC.O_RDONLY)) {
            return PageCache.residentPages(h, read.fileBytes());
        }
    }

    List<Comparison> comparisons() {
        return List.copyOf(comparisons);
    }

    List<FidelityReport.RunRecord> order() {
        return List.copyOf(order);
    }

    /** The file's pages found in the page cache after fio's runs, summed over them, by filesystem. */
    Map<String, Long> pagesLeftByFio() {
        return Map.copyOf(pagesLeftByFio);
    }
}
