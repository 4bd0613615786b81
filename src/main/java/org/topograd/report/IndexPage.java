package org.topograd.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.topograd.grading.Points;

/**
 * {@code reports/index.html}: the instructor's overview on one self-contained page (inline CSS and
 * SVG, a few lines of script to sort and filter the table; nothing fetched from anywhere): the
 * score distribution, the pass rate per spec and per check, the most common diagnosed bugs, and
 * every student linked to the page of their scorecard ({@link StudentPage}). Built from the
 * summary's rows and the scorecards ({@link IndexStatistics} counts them; this class draws), so
 * it says what {@code summary.csv} says; the same reports give the same bytes.
 */
public final class IndexPage {
    private static final int BINS = IndexStatistics.BINS;

    /**
     * The students table's script ({@code index.js}): a click on a column's title sorts by it
     * (numbers as numbers, ties keeping their order; again to reverse); the filter keeps the rows
     * whose text holds what is typed and whose status is the one chosen.
     */
    private static final String SCRIPT = Html.resource("index.js");

    private IndexPage() {}

    /**
     * @param scorecard where each student's scorecard is
     */
    public static byte[] render(List<String> specIds, List<Summary.Row> rows, Function<String, Path> scorecard)
            throws IOException {
        IndexStatistics stats = IndexStatistics.of(specIds, rows, scorecard);
        List<Summary.Row> sorted = stats.students();
        StringBuilder html = new StringBuilder(16_384);
        Html.head(html, "topograd report");
        html.append("<h1>topograd report</h1>\n");
        html.append("<p id=\"overview\">").append(sorted.size()).append(sorted.size() == 1 ? " student" : " students")
                .append(", ").append(specIds.size()).append(specIds.size() == 1 ? " spec" : " specs")
                .append(". The same numbers as <a href=\"summary.csv\" download>summary.csv</a>; in the table of")
                .append(" <a href=\"#students\">students</a>, each name opens that student's scorecard.</p>\n");
        histogram(html, stats.bins());
        passRates(html, "Pass rate per spec", "specs", "spec", true);
        for (IndexStatistics.SpecRate s : stats.specs()) {
            rowStart(html, "spec", s.rate().name());
            html.append("<td class=\"num\">").append(sorted.isEmpty() ? "" : Points.format(s.mean()))
                    .append(" of ").append(Points.format(s.worth())).append("</td><td class=\"num\">").append(s.full())
                    .append(" of ").append(sorted.size()).append("</td>");
            rateCells(html, s.rate());
        }
        html.append("</tbody>\n</table>\n");
        passRates(html, "Pass rate per check", "checks", "check", false);
        for (IndexStatistics.PassRate c : stats.checks()) {
            rowStart(html, "check", c.name());
            rateCells(html, c);
        }
        html.append("</tbody>\n</table>\n");
        bugs(html, stats.bugs());
        students(html, sorted);
        html.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void histogram(StringBuilder html, List<Integer> counts) {
        int top = 1;
        for (int c : counts) {
            top = Math.max(top, c);
        }
        int barWidth = 48;
        int height = 160;
        int width = BINS * barWidth + 40;
        html.append("<h2>Score distribution</h2>\n<svg id=\"histogram\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height + 50).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height + 50).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n")
                .append("<title>Number of students per score band (percent)</title>\n");
        for (int b = 0; b < BINS; b++) {
            int low = b * 100 / BINS;
            String label = low + "–" + (b == BINS - 1 ? 100 : low + 100 / BINS - 1);
            int count = counts.get(b);
            int h = (int) Math.round((double) count / top * (height - 20));
            int x = 20 + b * barWidth;
            html.append("<g class=\"bin\" data-bin=\"").append(label).append("\">")
                    .append("<rect x=\"").append(x + 4).append("\" y=\"").append(height - h).append("\" width=\"")
                    .append(barWidth - 8).append("\" height=\"").append(h).append("\"><title>").append(count)
                    .append(count == 1 ? " student" : " students").append(" scored ").append(label)
                    .append("%</title></rect>")
                    .append("<text class=\"count\" x=\"").append(x + barWidth / 2).append("\" y=\"")
                    .append(height - h - 4).append("\">").append(count).append("</text>")
                    .append("<text class=\"band\" x=\"").append(x + barWidth / 2).append("\" y=\"")
                    .append(height + 18).append("\">").append(label).append("</text></g>\n");
        }
        html.append("<text class=\"axis\" x=\"").append(width / 2).append("\" y=\"").append(height + 42)
                .append("\">score (%)</text>\n</svg>\n");
    }

    /** A pass-rate table's title and head, up to its first row; a spec's table has two columns more. */
    private static void passRates(StringBuilder html, String title, String id, String what, boolean specs) {
        html.append("<h2>").append(title).append("</h2>\n<table id=\"").append(id).append("\">\n<thead><tr><th>")
                .append(what).append("</th>");
        if (specs) {
            html.append("<th class=\"num\">mean score</th><th class=\"num\">full marks</th>");
        }
        html.append("<th class=\"num\">checks passed</th><th class=\"num\">pass rate (%)</th><th></th></tr></thead>\n")
                .append("<tbody>\n");
    }

    private static void rowStart(StringBuilder html, String what, String name) {
        html.append("<tr data-").append(what).append("=\"").append(esc(name)).append("\"><td>").append(esc(name))
                .append("</td>");
    }

    /** A pass rate's cells, to the row's end: passed of total, the percentage, and its bar. */
    private static void rateCells(StringBuilder html, IndexStatistics.PassRate t) {
        html.append("<td class=\"num\">").append(t.passed()).append(" of ").append(t.total())
                .append("</td><td class=\"num rate\">").append(t.total() == 0 ? "" : t.percent())
                .append("</td><td class=\"bar\"><span style=\"width:")
                .append(t.total() == 0 ? "0" : t.percent()).append("%\"></span></td></tr>\n");
    }

    private static void bugs(StringBuilder html, List<IndexStatistics.Bug> common) {
        html.append("<h2>Most common diagnosed bugs</h2>\n");
        if (common.isEmpty()) {
            html.append("<p id=\"no-bugs\">No failed check matched a classic mistake.</p>\n");
            return;
        }
        html.append("<table id=\"bugs\">\n<thead><tr><th>bug</th><th class=\"num\">students</th><th>who</th></tr>")
                .append("</thead>\n<tbody>\n");
        for (IndexStatistics.Bug bug : common) {
            html.append("<tr data-bug=\"").append(esc(bug.name())).append("\"><td>").append(esc(bug.name()))
                    .append("</td><td class=\"num\">").append(bug.students().size()).append("</td><td>")
                    .append(String.join(", ", bug.students().stream().map(IndexPage::link).toList()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** The class, one row per student, linked to their page; sortable by any column, and filtered. */
    private static void students(StringBuilder html, List<Summary.Row> rows) {
        html.append("<h2>Students</h2>\n<div class=\"filters\">")
                .append("<label>Filter <input id=\"filter\" type=\"search\" placeholder=\"id, status or bug\"")
                .append(" autocomplete=\"off\"></label>")
                .append("<label>Status <select id=\"status-filter\"><option value=\"\">any</option>");
        rows.stream().map(Summary.Row::status).distinct().sorted().forEach(status ->
                html.append("<option>").append(esc(status)).append("</option>"));
        html.append("</select></label><span id=\"shown\">").append(rows.size()).append(" of ").append(rows.size())
                .append(" shown</span></div>\n");
        html.append("<table id=\"students\">\n<thead><tr>");
        for (String[] column : new String[][] {{"student", "text"}, {"score", "number"}, {"max_score", "number"},
                {"percent", "number"}, {"status", "text"}, {"bugs", "text"}}) {
            html.append("<th").append(column[1].equals("number") ? " class=\"num\"" : "").append(" data-sort=\"")
                    .append(column[1]).append("\"><button type=\"button\">").append(column[0])
                    .append("</button></th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Summary.Row r : rows) {
            html.append("<tr data-student=\"").append(esc(r.student())).append("\" data-status=\"")
                    .append(esc(r.status())).append("\"><td>").append(link(r.student()))
                    .append("</td><td class=\"num\">")
                    .append(Points.format(r.score())).append("</td><td class=\"num\">").append(Points.format(r.max()))
                    .append("</td><td class=\"num\">").append(Points.percent(r.score(), r.max())).append("</td><td>")
                    .append(esc(r.status())).append("</td><td>").append(esc(r.bugs().replace(";", "; ")))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** A student's name, linked to their page. */
    private static String link(String student) {
        return "<a href=\"" + esc("scorecards/" + Html.segment(student + ".html")) + "\">" + esc(student) + "</a>";
    }

    private static String esc(String text) {
        return Html.esc(text);
    }
}
