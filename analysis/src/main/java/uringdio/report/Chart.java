package uringdio.report;

import java.util.Map;

/**
 * One chart of a page: a heading, a sentence on how to read it, and the ECharts option that
 * draws it (plain maps and lists, written out by Jackson). {@code height} is in CSS pixels,
 * because a forest plot grows with its rows.
 */
record Chart(String id, String title, String caption, Map<String, Object> option, int height) {
}
