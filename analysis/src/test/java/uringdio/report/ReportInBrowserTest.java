package uringdio.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import uringdio.results.Columns;

/**
 * The pages in a real browser: they load with no console error and fetch nothing, every chart
 * draws, the findings banner shows exactly when a read was wrong, the comparison marks a
 * regression. Each page leaves a screenshot under target/report-screenshots/ for a person to look at.
 */
class ReportInBrowserTest {

    private static HeadlessChromium browser;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startBrowser() {
        String why = HeadlessChromium.unavailable().orElse("");
        if (!why.isEmpty()) {
            System.out.println("ReportInBrowserTest skipped: " + why);
        }
        assumeTrue(why.isEmpty(), why);
        browser = new HeadlessChromium();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            assertEquals(List.of(), browser.seleniumManagerLog(), "Selenium Manager ran: it would look for a driver online");
            browser.close();
        }
    }

    @Test
    void theRealQuickRunsPageDrawsEveryChartWithoutErrors() throws Exception {
        Path page = RunReport.write(CraftedRuns.quickRun(tmp.resolve("quick")));
        browser.open(page);
        assertCleanAndDrawn();
        // No read of it came back wrong; its btrfs NONE reads were served buffered, which the banner names.
        String banner = browser.driver().findElement(By.id("findings")).getText();
        assertTrue(banner.contains("no read came back wrong") && banner.contains("btrfs 16K x4 NONE INLINE qd1"), banner);
        browser.screenshot("run-page", 0);
        browser.screenshot("run-page-top", 2100);
    }

    @Test
    void aRunWithEveryPictureDrawsThemAll() throws Exception {
        Path dir = CraftedRuns.matrix(tmp.resolve("full"), 250).rounds(6).ratioColumns().attribution().write();
        browser.open(RunReport.write(dir));
        assertCleanAndDrawn();
        for (String chart : List.of("forest-fault_in_btrfs", "heatmap-btrfs", "queue-depth", "attribution", "phases",
                "spectrum-0")) {
            assertTrue(browser.paths(chart) >= 3, chart + " drew " + browser.paths(chart) + " paths");
        }
        // Hovering draws tooltips and axis pointers, code a static load never runs.
        for (WebElement chart : browser.driver().findElements(By.cssSelector(".chart"))) {
            browser.js("arguments[0].scrollIntoView({block: 'center'});", chart);
            new Actions(browser.driver()).moveToElement(chart).pause(java.time.Duration.ofMillis(150)).perform();
        }
        assertEquals(List.of(), browser.consoleProblems(), "console after hovering every chart");
        browser.js("window.scrollTo(0, 0);");
        new Actions(browser.driver()).moveToElement(browser.driver().findElement(By.tagName("h1"))).perform();
        browser.screenshot("run-page-every-chart", 0);
    }

    @Test
    void aRunWithNothingWrongShowsNoBanner() throws Exception {
        RunDirectoryFixture run = CraftedRuns.matrix(tmp.resolve("clean"), 250);
        browser.open(RunReport.write(run.write()));
        assertCleanAndDrawn();
        assertTrue(browser.driver().findElements(By.id("findings")).isEmpty(), "no findings banner");
        assertTrue(browser.driver().findElement(By.id("correct")).isDisplayed());
    }

    @Test
    void aWrongReadShowsTheBanner() throws Exception {
        RunDirectoryFixture run = CraftedRuns.matrix(tmp.resolve("wrong"), 250);
        run.scenario("btrfs", 16384, 4, "FIRST", "INLINE", 4).set(Columns.DATA_MISMATCHES, "1");
        run.findings("wrong data on btrfs: asked 16384 at offset 16384, got 16384 bytes, at buffer offset 8192"
                + " (file offset 24576) found the sector of this file at offset 20480");
        browser.open(RunReport.write(run.write()));
        assertCleanAndDrawn();
        WebElement banner = browser.driver().findElement(By.id("findings"));
        assertTrue(banner.isDisplayed());
        assertTrue(banner.getText().contains("found the sector of this file at offset 20480"), banner.getText());
        assertTrue(banner.getText().contains("btrfs 16K x4 FIRST INLINE qd4: 1 read(s) with wrong bytes"), banner.getText());
        assertTrue(browser.driver().findElements(By.id("correct")).isEmpty());
        browser.screenshot("run-page-findings", 1000);
    }

    @Test
    void theComparisonMarksACraftedRegression() throws Exception {
        Path base = CraftedRuns.matrix(tmp.resolve("base"), 250).kernel("6.17.0").write();
        Path cand = CraftedRuns.matrix(tmp.resolve("cand"), 400).write();
        browser.open(ComparisonPage.write(base, cand, tmp.resolve("comparison.html")));
        assertCleanAndDrawn();
        WebElement gate = browser.driver().findElement(By.id("gate"));
        assertTrue(gate.getAttribute("class").contains("gate-regression"));
        assertTrue(gate.getText().startsWith("REGRESSION"), gate.getText());
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#changes tr.regression"));
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).getText().startsWith("btrfs 16K x4 FIRST INLINE qd1"), rows.get(0).getText());
        assertTrue(browser.driver().findElement(By.cssSelector("#environment-differences tr.differs")).isDisplayed());
        browser.screenshot("comparison-page", 0);
    }

    @Test
    void theTableSortsByAClickedColumn() throws Exception {
        browser.open(RunReport.write(CraftedRuns.quickRun(tmp.resolve("sort"))));
        WebElement p50 = browser.driver().findElements(By.cssSelector("#scenarios th")).get(7);
        assertEquals("p50 us", p50.getText().strip());
        p50.click();
        String first = browser.driver().findElement(By.cssSelector("#scenarios tbody tr td")).getText();
        assertEquals("btrfs 16K x4 ALL RWF_NOWAIT qd1", first, "the fastest p50 first (5.5 us)");
    }

    @Test
    void theConsoleIsReallyWatched() throws Exception {
        browser.open(RunReport.write(CraftedRuns.quickRun(tmp.resolve("probe"))));
        browser.consoleProblems();
        browser.js("console.error('probe of the console check');");
        List<String> problems = browser.consoleProblems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("probe of the console check"), problems.get(0));
    }

    @Test
    void aSpectrumsTooltipNamesThePercentile() throws Exception {
        browser.open(RunReport.write(CraftedRuns.quickRun(tmp.resolve("tooltip"))));
        WebElement chart = browser.driver().findElement(By.id("spectrum-0"));
        // Actions do not scroll: the pointer lands on the part of the chart in view, which must be its plot.
        browser.js("arguments[0].scrollIntoView({block: 'center'});", chart);
        // Two moves: ECharts answers mouse movement, and a pointer already at the centre (left there by
        // another test's page) would not move onto this one.
        new Actions(browser.driver()).moveToElement(chart, -60, 10).pause(java.time.Duration.ofMillis(100))
                .moveToElement(chart).perform();
        long deadline = System.nanoTime() + 10_000_000_000L;
        String tooltip = "";
        while (System.nanoTime() < deadline && !tooltip.contains(" us at ")) {
            tooltip = chart.getText();
            Thread.sleep(100);
        }
        assertTrue(tooltip.matches("(?s).* us at [0-9.]+%.*"), tooltip);
        assertEquals(List.of(), browser.consoleProblems(), "console");
    }

    private static void assertCleanAndDrawn() {
        assertEquals(List.of(), browser.consoleProblems(), "console");
        assertEquals(List.of(), browser.fetched(), "a self-contained page fetches nothing");
        assertTrue(browser.charts() > 0, "charts on the page");
        assertEquals(List.of(), browser.undrawnCharts(), "charts that drew nothing");
    }
}
