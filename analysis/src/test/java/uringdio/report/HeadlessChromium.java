package uringdio.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The distribution's Chromium, headless, driven by its own chromedriver: both paths given, so
 * Selenium Manager has nothing to look for and nothing is downloaded. Whether it can run here
 * is decided in {@link #unavailable()} alone; tests assume on it and print its reason.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/report-screenshots");

    /**
     * Selenium warns when it has no DevTools module for this Chromium's version; the tests use only
     * WebDriver calls, never DevTools, so the warning is noise in the build log. Held here: a
     * logger nobody references may be collected, and its level with it.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    /** What Selenium Manager logged: it must stay empty, or it went looking for a driver or a browser. */
    private final List<String> seleniumManagerLog = new ArrayList<>();
    private final Handler managerWatch = new Handler() {
        @Override
        public void publish(LogRecord r) {
            seleniumManagerLog.add(r.getLevel() + " " + r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Why the browser tests cannot run here, or empty when they can. */
    static Optional<String> unavailable() {
        if (!Files.isExecutable(CHROMIUM)) {
            return Optional.of("no " + CHROMIUM + ": install the chromium package (./uring-dio-bench setup does as root)");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            return Optional.of("no " + CHROMEDRIVER + ": install the chromium-driver package (./uring-dio-bench setup does as root)");
        }
        return Optional.empty();
    }

    HeadlessChromium() {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        Logger manager = Logger.getLogger("org.openqa.selenium.manager");
        manager.setLevel(Level.ALL);
        manager.addHandler(managerWatch);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--window-size=1280,1600");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** Opens {@code page} and waits until every chart has drawn or {@code timeout} passed. */
    void open(Path page) throws InterruptedException {
        driver.get(page.toAbsolutePath().toUri().toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !undrawnCharts().isEmpty()) {
            Thread.sleep(100);
        }
    }

    /** The ids of charts with no SVG path in them (an empty chart has none; a drawn one has axes and series). */
    @SuppressWarnings("unchecked")
    List<String> undrawnCharts() {
        return (List<String>) js("return Array.from(document.querySelectorAll('.chart'))"
                + ".filter(c => c.querySelectorAll('svg path').length < 3).map(c => c.id);");
    }

    long charts() {
        return (Long) js("return document.querySelectorAll('.chart').length;");
    }

    /** SVG paths inside one chart. */
    long paths(String chartId) {
        return (Long) js("return document.querySelectorAll('#' + arguments[0] + ' svg path').length;", chartId);
    }

    /** Every resource the page loaded from anywhere: none, for a self-contained page. */
    @SuppressWarnings("unchecked")
    List<String> fetched() {
        return (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name);");
    }

    /** The browser console's warnings and errors since the last call. */
    List<String> consoleProblems() {
        List<String> problems = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                problems.add(e.getLevel() + " " + e.getMessage());
            }
        }
        return problems;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    ChromeDriver driver() {
        return driver;
    }

    List<String> seleniumManagerLog() {
        return seleniumManagerLog;
    }

    /**
     * A PNG of the page under {@code target/report-screenshots/}: the whole page, or only its top
     * {@code height} pixels when {@code height > 0}.
     */
    Path screenshot(String name, int height) throws IOException {
        long full = (Long) js("return Math.ceil(document.documentElement.scrollHeight);");
        int h = height > 0 ? height : (int) Math.min(full, 16_000);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, h));
        js("window.dispatchEvent(new Event('resize'));");
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
        Logger.getLogger("org.openqa.selenium.manager").removeHandler(managerWatch);
    }
}
