package org.topograd.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.topograd.grading.Check;
import org.topograd.grading.Points;

/**
 * {@code reports/index.html}: the instructor's overview on one self-contained page (inline CSS and
 * SVG, a few lines of script to sort and filter the table; nothing fetched from anywhere): the
 * score distribution, the pass rate per spec and per check, the most common diagnosed bugs, and
 * every student linked to the page of their scorecard ({@link StudentPage}). Built from the summary's rows and the scorecards, so it says
 * what {@code summary.csv} says; the same reports give the same bytes.
 */
public final class IndexPage {
    private static final int BINS = 10;

    private IndexPage() {}

    /** Passed and total rows of one spec or check; for a spec, what it is worth (in hundredths). */
    private static final class Tally {
        long passed;
        long total;
        long worth;

        String percent() {
            return Points.percent(passed, total);
        }
    }

    /**
     * @param scorecard where each student's scorecard is
     */
    public static byte[] render(List<String> specIds, List<Summary.Row> rows, java.util.function.Function<String, Path> scorecard)
            throws IOException {
        List<Summary.Row> sorted = rows.stream().sorted(Comparator.comparing(Summary.Row::student)).toList();
        Map<String, Tally> bySpec = new LinkedHashMap<>();
        specIds.forEach(id -> bySpec.put(id, new Tally()));
        Map<String, Tally> byCheck = new LinkedHashMap<>();
        for (Check check : Check.values()) {
            byCheck.put(check.reportName(), new Tally());
        }
        for (Summary.Row row : sorted) {
            Map<String, Long> worth = tally(scorecard.apply(row.student()), bySpec, byCheck);
            worth.forEach((spec, max) -> bySpec.get(spec).worth = Math.max(bySpec.get(spec).worth, max));
        }
        StringBuilder html = new StringBuilder(16_384);
        Html.head(html, "topograd report");
        html.append("<h1>topograd report</h1>\n");
        html.append("<p id=\"overview\">").append(sorted.size()).append(sorted.size() == 1 ? " student" : " students")
                .append(", ").append(specIds.size()).append(specIds.size() == 1 ? " spec" : " specs")
                .append(". The same numbers as <a href=\"summary.csv\" download>summary.csv</a>; in the table of")
                .append(" <a href=\"#students\">students</a>, each name opens that student's scorecard.</p>\n");
        histogram(html, sorted);
        passRates(html, "Pass rate per spec", "specs", "spec", bySpec, sorted, specIds);
        passRates(html, "Pass rate per check", "checks", "check", byCheck, sorted, null);
        bugs(html, sorted);
        students(html, sorted);
        html.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Counts a scorecard's rows into the tallies; what each spec is worth on it. */
    private static Map<String, Long> tally(Path file, Map<String, Tally> bySpec, Map<String, Tally> byCheck)
            throws IOException {
        Map<String, Long> worth = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return worth;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in)
                        .setFormat(Csv.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord r : parser) {
                if (r.get("spec").isEmpty()) {
                    continue; // a note about the whole submission, worth nothing
                }
                if (bySpec.containsKey(r.get("spec"))) {
                    worth.merge(r.get("spec"), Points.hundredths(new java.math.BigDecimal(r.get("max_score"))),
                            Long::sum);
                }
                boolean pass = r.get("status").equals("pass");
                for (Tally t : new Tally[] {bySpec.get(r.get("spec")), byCheck.get(r.get("check"))}) {
                    if (t != null) {
                        t.total++;
                        t.passed += pass ? 1 : 0;
                    }
                }
            }
        }
        return worth;
    }

    private static void histogram(StringBuilder html, List<Summary.Row> rows) {
        int[] counts = new int[BINS];
        for (Summary.Row r : rows) {
            double percent = r.max() == 0 ? 0 : 100.0 * r.score() / r.max();
            counts[Math.min(BINS - 1, (int) Math.floor(percent / (100.0 / BINS)))]++;
        }
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
            int h = (int) Math.round((double) counts[b] / top * (height - 20));
            int x = 20 + b * barWidth;
            html.append("<g class=\"bin\" data-bin=\"").append(label).append("\">")
                    .append("<rect x=\"").append(x + 4).append("\" y=\"").append(height - h).append("\" width=\"")
                    .append(barWidth - 8).append("\" height=\"").append(h).append("\"><title>").append(counts[b])
                    .append(counts[b] == 1 ? " student" : " students").append(" scored ").append(label)
                    .append("%</title></rect>")
                    .append("<text class=\"count\" x=\"").append(x + barWidth / 2).append("\" y=\"")
                    .append(height - h - 4).append("\">").append(counts[b]).append("</text>")
                    .append("<text class=\"band\" x=\"").append(x + barWidth / 2).append("\" y=\"").append(height + 18)
                    .append("\">").append(label).append("</text></g>\n");
        }
        html.append("<text class=\"axis\" x=\"").append(width / 2).append("\" y=\"").append(height + 42)
                .append("\">score (%)</text>\n</svg>\n");
    }

    private static void passRates(StringBuilder html, String title, String id, String what, Map<String, Tally> tallies,
            List<Summary.Row> rows, List<String> specIds) {
        html.append("<h2>").append(title).append("</h2>\n<table id=\"").append(id).append("\">\n<thead><tr><th>")
                .append(what).append("</th>");
        if (specIds != null) {
            html.append("<th class=\"num\">mean score</th><th class=\"num\">full marks</th>");
        }
        html.append("<th class=\"num\">checks passed</th><th class=\"num\">pass rate (%)</th><th></th></tr></thead>\n")
                .append("<tbody>\n");
        int column = 0;
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            html.append("<tr data-").append(what).append("=\"").append(esc(e.getKey())).append("\"><td>")
                    .append(esc(e.getKey())).append("</td>");
            if (specIds != null) {
                int k = column++;
                long sum = rows.stream().mapToLong(r -> score(r, k)).sum();
                long full = rows.stream().filter(r -> t.worth > 0 && score(r, k) == t.worth).count();
                html.append("<td class=\"num\">").append(rows.isEmpty() ? "" : Points.format(sum / rows.size()))
                        .append(" of ").append(Points.format(t.worth)).append("</td><td class=\"num\">").append(full)
                        .append(" of ").append(rows.size()).append("</td>");
            }
            html.append("<td class=\"num\">").append(t.passed).append(" of ").append(t.total)
                    .append("</td><td class=\"num rate\">").append(t.total == 0 ? "" : t.percent())
                    .append("</td><td class=\"bar\"><span style=\"width:")
                    .append(t.total == 0 ? "0" : Points.percent(t.passed, t.total)).append("%\"></span></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static long score(Summary.Row r, int k) {
        return k < r.specScores().size() ? r.specScores().get(k) : 0;
    }

    private static void bugs(StringBuilder html, List<Summary.Row> rows) {
        Map<String, List<String>> students = new TreeMap<>();
        for (Summary.Row r : rows) {
            for (String bug : r.bugs().split(";")) {
                if (!bug.isBlank()) {
                    students.computeIfAbsent(bug, b -> new ArrayList<>()).add(r.student());
                }
            }
        }
        List<Map.Entry<String, List<String>>> common = new ArrayList<>(students.entrySet());
        common.sort(Comparator.<Map.Entry<String, List<String>>>comparingInt(e -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        html.append("<h2>Most common diagnosed bugs</h2>\n");
        if (common.isEmpty()) {
            html.append("<p id=\"no-bugs\">No failed check matched a classic mistake.</p>\n");
            return;
        }
        html.append("<table id=\"bugs\">\n<thead><tr><th>bug</th><th class=\"num\">students</th><th>who</th></tr>")
                .append("</thead>\n<tbody>\n");
        for (Map.Entry<String, List<String>> e : common) {
            html.append("<tr data-bug=\"").append(esc(e.getKey())).append("\"><td>").append(esc(e.getKey()))
                    .append("</td><td class=\"num\">").append(e.getValue().size()).append("</td><td>")
                    .append(String.join(", ", e.getValue().stream().map(IndexPage::link).toList()))
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
                    .append(esc(r.status())).append("\"><td>").append(link(r.student())).append("</td><td class=\"num\">")
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

    /**
     * The students table: a click on a column's title sorts by it (numbers as numbers, ties keeping
     * their order; again to reverse); the filter keeps the rows whose text holds what is typed and
     * whose status is the one chosen.
     */
    private static final String SCRIPT = String.join("\n",
            "(function () {",
            "  var table = document.getElementById('students');",
            "  var body = table.tBodies[0];",
            "  var rows = Array.prototype.slice.call(body.rows);",
            "  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);",
            "  headers.forEach(function (th, column) {",
            "    th.querySelector('button').addEventListener('click', function () {",
            "      var up = th.getAttribute('aria-sort') !== 'ascending';",
            "      var numeric = th.getAttribute('data-sort') === 'number';",
            "      var before = Array.prototype.slice.call(body.rows);",
            "      var sorted = before.map(function (row, i) { return {row: row, i: i}; });",
            "      sorted.sort(function (a, b) {",
            "        var x = a.row.cells[column].textContent, y = b.row.cells[column].textContent;",
            "        var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);",
            "        return (up ? order : -order) || a.i - b.i;",
            "      });",
            "      sorted.forEach(function (entry) { body.appendChild(entry.row); });",
            "      headers.forEach(function (h) { h.removeAttribute('aria-sort'); });",
            "      th.setAttribute('aria-sort', up ? 'ascending' : 'descending');",
            "    });",
            "  });",
            "  var filter = document.getElementById('filter');",
            "  var status = document.getElementById('status-filter');",
            "  var shown = document.getElementById('shown');",
            "  function apply() {",
            "    var text = filter.value.trim().toLowerCase();",
            "    var count = 0;",
            "    rows.forEach(function (row) {",
            "      var keep = row.textContent.toLowerCase().indexOf(text) >= 0",
            "          && (status.value === '' || row.getAttribute('data-status') === status.value);",
            "      row.hidden = !keep;",
            "      count += keep ? 1 : 0;",
            "    });",
            "    shown.textContent = count + ' of ' + rows.length + ' shown';",
            "  }",
            "  filter.addEventListener('input', apply);",
            "  status.addEventListener('change', apply);",
            "  apply();",
            "})();",
            "");
}
