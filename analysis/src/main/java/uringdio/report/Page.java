package uringdio.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The skeleton of a report page: one HTML file that opens offline, from a mail attachment or a
 * CI artifact. ECharts, the page's script and its style are inlined; fonts are the system's;
 * nothing is fetched. Sections are added top to bottom; every text goes through {@link Html}.
 */
final class Page {

    /** ECharts' minified build inside its webjar; the version is the one analysis/pom.xml depends on. */
    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String title;
    private final StringBuilder body = new StringBuilder();

    Page(String title) {
        this.title = title;
    }

    Page heading(int level, String text) {
        return html("<h" + level + ">" + Html.escape(text) + "</h" + level + ">\n");
    }

    Page paragraph(String cssClass, String text) {
        return html("<p class=\"" + cssClass + "\">" + Html.escape(text) + "</p>\n");
    }

    /** "Not in this run: ...", the page's one way of saying what a run lacks. */
    Page notInThisRun(String what) {
        return paragraph("missing", "Not in this run: " + what);
    }

    /** HTML already built by one of the report's own classes, its texts escaped there. */
    Page html(String html) {
        body.append(html);
        return this;
    }

    /** Charts added until {@link #endGrid} sit two to a row: many small ones compare better side by side. */
    Page beginGrid() {
        return html("<div class=\"grid\">\n");
    }

    Page endGrid() {
        return html("</div>\n");
    }

    Page chart(Chart chart) {
        html("<div class=\"figure\">\n");
        heading(3, chart.title());
        if (!chart.caption().isEmpty()) {
            paragraph("caption", chart.caption());
        }
        String json;
        try {
            json = JSON.writeValueAsString(chart.option());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart " + chart.id() + " has an option Jackson cannot write", e);
        }
        return html("<div class=\"chart\" id=\"" + Html.escape(chart.id()) + "\" style=\"height:" + chart.height()
                + "px\"></div>\n<script type=\"application/json\" class=\"chart-option\" data-chart=\""
                + Html.escape(chart.id()) + "\">" + Html.scriptJson(json) + "</script>\n</div>\n");
    }

    String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + "</title>\n"
                + "<style>\n" + resource("uringdio/report/page.css") + "</style>\n"
                + "<script>\n" + resource(ECHARTS) + "\n</script>\n"
                + "<script>\n" + resource("uringdio/report/page.js") + "</script>\n"
                + "</head>\n<body>\n" + Html.element("h1", title) + "\n" + body + "</body>\n</html>\n";
    }

    private static String resource(String name) {
        try (InputStream in = Page.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path: the build packs it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
