package uringdio.fidelity;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uringdio.fixture.ExtentFile;
import uringdio.fixture.SystemFacts;
import uringdio.fixture.Target;
import uringdio.fixture.TargetEnvironment;
import uringdio.stats.RatioInterval;

/**
 * The comparison as a person reads it: what was run on what, the table of ratios, how much each
 * tool's runs spread, then every run in the order it ran with the figures that explain a ratio.
 */
final class FidelityReport {

    /** Above this, something else was running while the runs started, and the report says so. */
    private static final double BUSY_NOTE = 0.10;

    private final PrintWriter out;

    FidelityReport(PrintWriter out) {
        this.out = out;
    }

    /** What the report says about where and how the runs ran. */
    record Context(String fioVersion, Map<String, Target> targets, Map<String, ExtentFile> files, int repetitions,
                   String cpuIdle, double busyBefore) {
    }

    void print(Context context, AlternatingRuns runs) {
        List<Comparison> comparisons = runs.comparisons();
        header(context, comparisons);
        notes(context, runs);
        out.println();
        table(comparisons);
        out.println();
        spreads(comparisons);
        checkCost(comparisons);
        out.println();
        runs(runs.order());
        out.flush();
    }

    private void header(Context context, List<Comparison> comparisons) {
        SameRead any = comparisons.get(0).read();
        out.println();
        out.println("fio fidelity: the same O_DIRECT read through fio and through the suite");
        out.println(String.format(Locale.ROOT, "machine: kernel %s, %d CPUs, cpuidle %s; %s; CPUs %.0f%% busy before the runs",
                SystemFacts.kernel(), Runtime.getRuntime().availableProcessors(), CpuIdleLimit.idleDriver(),
                context.cpuIdle().equals("poll") ? "while measuring, idle CPUs poll (" + CpuIdleLimit.DEVICE + " held at 0)"
                        : "idle states left as they are", 100 * context.busyBefore()));
        for (String fs : context.targets().keySet()) {
            TargetEnvironment env = context.targets().get(fs).environment();
            ExtentFile f = context.files().get(fs);
            out.println("file:   " + f.path() + ", " + (f.size() >= 1 << 20 ? (f.size() >> 20) + " MiB" : (f.size() >> 10) + " KiB")
                    + ", extents per read range: "
                    + f.layout().summary() + "; " + env.filesystem() + " on " + env.device()
                    + (env.loopDirectIo().isEmpty() ? "" : " (loop, direct-io " + env.loopDirectIo() + ")"));
        }
        out.println(String.format(Locale.ROOT, "read:   %d bytes at a uniformly random read range, submit batch %d, "
                        + "wait for 1 completion and take all ready; %d s warm-up, then %d s measured; %d run(s) of "
                        + "each tool, alternating", any.readSize(), any.submitBatch(), any.warmupSeconds(),
                any.measuredSeconds(), context.repetitions()));
        out.println("fio:    " + context.fioVersion() + ", ioengine=io_uring direct=1 rw=randread norandommap "
                + "nonvectored=1 clocksource=clock_gettime; ring flags CQSIZE|COOP_TASKRUN|SINGLE_ISSUER|DEFER_TASKRUN "
                + "(fio's own); p50 of lat");
        out.println("suite:  ExtentReadBenchmark pattern=" + any.pattern() + " mode=" + SameRead.MODE
                + ", JMH, 1 fork, 1 s iterations; ring flags " + comparisons.get(0).suiteRuns().get(0).ringFlags()
                + "; p50 of e2e (prep of the SQE to reap of the CQE)");
    }

    private void notes(Context context, AlternatingRuns runs) {
        if (context.busyBefore() > BUSY_NOTE) {
            out.println(String.format(Locale.ROOT, "NOTE:   the CPUs were %.0f%% busy before the runs: something else "
                    + "was running, and both tools' figures carry it", 100 * context.busyBefore()));
        }
        for (Comparison c : runs.comparisons()) {
            long pages = c.suiteRuns().stream().mapToLong(SuiteResult::pageCachePagesAfter).sum();
            if (pages > 0) {
                out.println("NOTE:   " + c.read().label() + ": after the suite's runs, " + pages + " pages of the file "
                        + "were in the page cache: some of its reads went through it");
            }
        }
        runs.pagesLeftByFio().forEach((fs, pages) -> {
            if (pages > 0) {
                out.println("NOTE:   " + fs + ": after fio's runs, " + pages + " pages of the file were in the page "
                        + "cache: fio's first read into each of its buffers, not yet faulted in, "
                        + (fs.equals("btrfs") ? "went through btrfs's buffered fallback (in ramp_time, not measured)"
                        : "went through the page cache"));
            }
        });
    }

    void table(List<Comparison> comparisons) {
        out.println(String.format(Locale.ROOT, "%-6s %4s %11s %13s %-22s %11s %13s %-22s  %s", "fs", "QD", "fio p50 lat",
                "suite p50 e2e", "ratio [95% interval]", "fio reads/s", "suite reads/s", "ratio [95% interval]",
                "within 5%"));
        for (Comparison c : comparisons) {
            out.println(String.format(Locale.ROOT, "%-6s %4d %11s %13s %-22s %11s %13s %-22s  %s", c.read().fs(),
                    c.read().queueDepth(), micros(c.fioP50Ns()), micros(c.suiteP50Ns()),
                    ratio(c.latencyRatio(), c.latencyInterval()), perSecond(c.fioReadsPerSecond()),
                    perSecond(c.suiteReadsPerSecond()), ratio(c.throughputRatio(), c.throughputInterval()), verdict(c)));
        }
        out.println("ratio = suite / fio of the tools' medians; the interval is the paired t interval on the "
                + "repetitions' log ratios (each repetition ran fio and the suite side by side); 'within 5%' only when "
                + "the whole interval lies inside [0.95, 1.05]");
    }

    private static String ratio(double medianRatio, RatioInterval interval) {
        return interval == null ? String.format(Locale.ROOT, "%.3f (no interval)", medianRatio)
                : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", medianRatio, interval.lower(), interval.upper());
    }

    /** How far apart each tool's own runs were: a ratio is resolved no finer than that. */
    private void spreads(List<Comparison> comparisons) {
        out.println("Run-to-run spread of each tool (largest / smallest - 1):");
        for (Comparison c : comparisons) {
            double fioLat = spread(c.fioRuns().stream().mapToDouble(FioResult::latP50Ns).toArray());
            double suiteLat = spread(c.suiteRuns().stream().mapToDouble(SuiteResult::e2eP50Ns).toArray());
            double fioRate = spread(c.fioRuns().stream().mapToDouble(FioResult::readsPerSecond).toArray());
            double suiteRate = spread(c.suiteRuns().stream().mapToDouble(SuiteResult::readsPerSecond).toArray());
            boolean wide = Math.max(Math.max(fioLat, suiteLat), Math.max(fioRate, suiteRate)) > Comparison.TOLERANCE;
            out.println(String.format(Locale.ROOT, "  %-12s p50: fio %4.1f%%, suite %4.1f%%   reads/s: fio %4.1f%%, "
                            + "suite %4.1f%%%s", c.read().label(), 100 * fioLat, 100 * suiteLat, 100 * fioRate,
                    100 * suiteRate, wide ? "   (wider than 5%: more runs would resolve the ratio better)" : ""));
        }
    }

    /**
     * At QD1 nothing else is in flight while the suite checks a read's bytes, so the check's time
     * is plainly added to each read's cycle: this is what the suite's reads/s would be without it.
     * Printed beside the verdict, never in its place: the check is part of what the suite is.
     */
    private void checkCost(List<Comparison> comparisons) {
        for (Comparison c : comparisons) {
            if (c.read().queueDepth() != 1) {
                out.println(String.format(Locale.ROOT, "  %-12s reads in flight on average (reads/s x mean latency): "
                                + "fio %.2f, suite %.2f of %d; the suite checks each completed read (%.1f us) before "
                                + "its buffer is read into again", c.read().label(),
                        Comparison.median(c.fioRuns(), FioResult::meanInFlight),
                        Comparison.median(c.suiteRuns(), SuiteResult::meanInFlight), c.read().queueDepth(),
                        Comparison.median(c.suiteRuns(), SuiteResult::checkMeanNs) / 1000));
                continue;
            }
            double withoutCheck = Comparison.median(c.suiteRuns(), s -> s.readsPerSecond() / (1 - s.checkShareOfTime()));
            double checkNs = Comparison.median(c.suiteRuns(), SuiteResult::checkMeanNs);
            out.println(String.format(Locale.ROOT, "  %-12s the suite checks every read's bytes (%.1f us a read, which "
                            + "fio does not do): without that time its reads/s would be %s, ratio %.3f", c.read().label(),
                    checkNs / 1000, perSecond(withoutCheck), withoutCheck / c.fioReadsPerSecond()));
        }
    }

    /** Every run, in the order it ran. */
    private void runs(List<RunRecord> order) {
        out.println("Each run, in the order run:");
        for (RunRecord r : order) {
            String head = String.format(Locale.ROOT, "  %-12s #%d %-5s", r.read().label(), r.repetition(),
                    r.fio() != null ? "fio" : "suite");
            if (r.fio() != null) {
                FioResult f = r.fio();
                out.println(String.format(Locale.ROOT,
                        "%s p50 lat %s (clat %s, slat mean %s)  p99 lat %s  %s reads/s  %.2f in flight  %d reads%s",
                        head, micros(f.latP50Ns()), micros(f.clatP50Ns()), micros(f.slatMeanNs()), micros(f.latP99Ns()),
                        perSecond(f.readsPerSecond()), f.meanInFlight(), f.reads(),
                        f.wrongReads() > 0 ? "  " + f.wrongReads() + " WRONG" : ""));
            } else {
                SuiteResult s = r.suite();
                out.println(String.format(Locale.ROOT,
                        "%s p50 e2e %s (completion %s, submit mean %s)  p99 e2e %s  %s reads/s  %.2f in flight  "
                                + "%d reads%s",
                        head, micros(s.e2eP50Ns()), micros(s.completionP50Ns()), micros(s.submitMeanNs()),
                        micros(s.e2eP99Ns()), perSecond(s.readsPerSecond()), s.meanInFlight(), s.reads(),
                        s.wrongReads() > 0 ? "  " + s.wrongReads() + " WRONG" : ""));
                out.println(String.format(Locale.ROOT,
                        "  %-12s    %-5s beyond fio, per read: data check %.1f us (%.1f%% of the measured time, in "
                                + "reads/s), re-arm %.1f us (a mincore only where the pattern can move pages; "
                                + "timed out of both)%s; CPU per read: whole machine %.1f us, io-wq workers %.1f us",
                        "", "", s.checkMeanNs() / 1000, 100 * s.checkShareOfTime(), s.rearmMeanNs() / 1000,
                        s.patternMismatches() > 0 ? "; " + s.patternMismatches() + " buffers not resident" : "",
                        s.machineCpuNsPerRead() / 1000, s.ioWqCpuNsPerRead() / 1000));
            }
        }
    }

    private static double spread(double[] values) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return values.length < 2 ? 0 : max / min - 1;
    }

    private static String verdict(Comparison c) {
        if (c.latencyInterval() == null) {
            return "not said (one repetition gives no interval)";
        }
        if (c.bothWithin()) {
            return "yes";
        }
        if (!c.latencyWithin() && !c.throughputWithin()) {
            return "NO (latency and reads/s)";
        }
        return c.latencyWithin() ? "NO (reads/s)" : "NO (latency)";
    }

    static String micros(double ns) {
        return Double.isNaN(ns) ? "-" : String.format(Locale.ROOT, "%.1f us", ns / 1000);
    }

    static String perSecond(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** One run of one tool, kept in the order the runs happened. */
    record RunRecord(SameRead read, int repetition, FioResult fio, SuiteResult suite) {
    }
}
