package org.topograd.report;

import static org.topograd.report.Html.esc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.topograd.grading.Points;

/**
 * One student's scorecard as a page to read in a browser ({@code scorecards/<student>.html}, linked
 * from {@code index.html}): the score, the notes about the submission, then every spec, those with
 * a failing check first, each with the likely bug said once and its failing rows before the
 * passing ones (folded away), and the start of the student's log. Built from the scorecard and the
 * log alone, so it says what they say; the log's lines that differ from run to run are left out, so
 * the same reports give the same bytes.
 */
final class StudentPage {
    /** How much of the log the page shows; the rest is in the log file. */
    static final int LOG_LINES = 60;

    private static final String LIKELY_BUG = " Likely bug: ";

    private StudentPage() {}

    /** The rows of one spec, in scorecard order. */
    private record SpecRows(String spec, List<Scorecard.Row> rows) {
        long score() {
            return rows.stream().mapToLong(Scorecard.Row::scoreHundredths).sum();
        }

        long max() {
            return rows.stream().mapToLong(Scorecard.Row::maxHundredths).sum();
        }

        boolean passed() {
            return rows.stream().allMatch(Scorecard.Row::passed);
        }
    }

    /**
     * @param specIds the summary's spec columns, the order specs are shown in (failing ones first)
     * @param scorecard the student's scorecard
     * @param log the student's log; the page says so when there is none
     */
    static byte[] render(Summary.Row row, List<String> specIds, Path scorecard, Path log) throws IOException {
        List<Scorecard.Row> records = Files.isRegularFile(scorecard) ? Scorecard.read(scorecard) : List.of();
        Map<String, SpecRows> bySpec = new LinkedHashMap<>();
        specIds.forEach(id -> bySpec.put(id, new SpecRows(id, new ArrayList<>())));
        List<Scorecard.Row> notes = new ArrayList<>();
        for (Scorecard.Row r : records) {
            if (r.note()) {
                notes.add(r);
            } else {
                bySpec.computeIfAbsent(r.spec(), id -> new SpecRows(id, new ArrayList<>())).rows().add(r);
            }
        }
        List<SpecRows> specs = new ArrayList<>();
        bySpec.values().stream().filter(s -> !s.rows().isEmpty() && !s.passed()).forEach(specs::add);
        bySpec.values().stream().filter(s -> !s.rows().isEmpty() && s.passed()).forEach(specs::add);

        String student = row.student();
        StringBuilder html = new StringBuilder(16_384);
        Html.head(html, student + " — topograd scorecard");
        html.append("<p><a href=\"../index.html\">← the class</a></p>\n");
        html.append("<h1>").append(esc(student)).append("</h1>\n");
        html.append("<p id=\"score\">Score <b data-score>").append(Points.format(row.score()))
                .append("</b> of <span data-max>").append(Points.format(row.max()))
                .append("</span> (<span data-percent>")
                .append(Points.percent(row.score(), row.max())).append("</span>%) · status <span data-status>")
                .append(esc(row.status())).append("</span> · sandbox ").append(esc(row.sandbox())).append("</p>\n");
        if (!row.bugs().isEmpty()) {
            html.append("<p id=\"bugs\">Likely bugs: ").append(esc(row.bugs().replace(";", ", "))).append("</p>\n");
        }
        long failing = specs.stream().filter(s -> !s.passed()).count();
        html.append("<p>").append(failing == 0 ? "Every check passed. " : failing + " of " + specs.size()
                + " specs have a failing check; they come first. ").append("The same rows as <a href=\"")
                .append(esc(Html.segment(student + ".csv"))).append("\" download>").append(esc(student))
                .append(".csv</a>.</p>\n");
        notes(html, notes);
        contents(html, specs);
        for (SpecRows spec : specs) {
            spec(html, spec);
        }
        log(html, student, log);
        html.append("</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void notes(StringBuilder html, List<Scorecard.Row> notes) {
        if (notes.isEmpty()) {
            return;
        }
        html.append("<h2>About the submission</h2>\n<ul id=\"notes\">\n");
        for (Scorecard.Row n : notes) {
            String message = n.message();
            html.append("<li><b class=\"status-").append(esc(n.status())).append("\">").append(esc(n.check()))
                    .append(' ').append(esc(n.status())).append("</b>: ");
            // A compiler's message keeps its lines (and the caret under the column); one line reads as text.
            html.append(message.contains("\n") ? "<pre>" + esc(message) + "</pre>" : "<code>" + esc(message)
                    + "</code>")
                    .append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private static void contents(StringBuilder html, List<SpecRows> specs) {
        html.append("<h2>Specs</h2>\n<nav><ul>\n");
        for (SpecRows s : specs) {
            html.append("<li><a href=\"#").append(esc(anchor(s.spec()))).append("\">")
                    .append(s.passed() ? "✓ " : "✗ ")
                    .append(esc(s.spec())).append("</a> ").append(Points.format(s.score())).append(" of ")
                    .append(Points.format(s.max())).append("</li>\n");
        }
        html.append("</ul></nav>\n");
    }

    private static String anchor(String spec) {
        return "spec-" + spec;
    }

    private static void spec(StringBuilder html, SpecRows spec) {
        html.append("<section id=\"").append(esc(anchor(spec.spec()))).append("\" data-spec=\"")
                .append(esc(spec.spec()))
                .append("\">\n<h2>").append(spec.passed() ? "✓ " : "✗ ").append(esc(spec.spec()))
                .append("  <small>")
                .append(Points.format(spec.score())).append(" of ").append(Points.format(spec.max()))
                .append("</small></h2>\n");
        // A likely bug is said once per spec, as the terminal's check does; its rows point up to it.
        Map<String, String> diagnoses = new LinkedHashMap<>();
        for (Scorecard.Row r : spec.rows()) {
            int at = r.message().indexOf(LIKELY_BUG);
            if (!r.passed() && at >= 0) {
                String diagnosis = r.message().substring(at + 1);
                int colon = diagnosis.indexOf(": ", LIKELY_BUG.length());
                diagnoses.putIfAbsent(colon < 0 ? diagnosis : diagnosis.substring(0, colon), diagnosis);
            }
        }
        for (String diagnosis : diagnoses.values()) {
            html.append("<div class=\"diagnosis\"><p>").append(esc(diagnosis)).append("</p></div>\n");
        }
        List<Scorecard.Row> failing = spec.rows().stream().filter(r -> !r.passed()).toList();
        List<Scorecard.Row> passing = spec.rows().stream().filter(Scorecard.Row::passed).toList();
        if (!failing.isEmpty()) {
            table(html, failing);
        }
        if (!passing.isEmpty()) {
            html.append("<details><summary>").append(passing.size()).append(passing.size() == 1 ? " passing check"
                    : " passing checks").append("</summary>\n");
            table(html, passing);
            html.append("</details>\n");
        }
        html.append("</section>\n");
    }

    private static void table(StringBuilder html, List<Scorecard.Row> rows) {
        html.append("<table class=\"rows\">\n<thead><tr><th>case</th><th>check</th><th class=\"num\">score</th>")
                .append("<th class=\"num\">max_score</th><th>status</th><th>message</th></tr></thead>\n<tbody>\n");
        for (Scorecard.Row r : rows) {
            String message = r.message();
            int at = message.indexOf(LIKELY_BUG);
            String shown = at >= 0 ? message.substring(0, at) : message;
            html.append("<tr class=\"").append(esc(r.status())).append("\" data-case=\"").append(esc(r.caseName()))
                    .append("\" data-check=\"").append(esc(r.check())).append("\"><td>").append(esc(r.caseName()))
                    .append("</td><td>").append(esc(r.check())).append("</td><td class=\"num\">")
                    .append(esc(r.score())).append("</td><td class=\"num\">").append(esc(r.max()))
                    .append("</td><td class=\"status-").append(esc(r.status())).append("\">")
                    .append(esc(r.status())).append("</td><td>").append(esc(shown))
                    .append(at >= 0 ? " <i>(the likely bug above)</i>" : "").append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void log(StringBuilder html, String student, Path log) throws IOException {
        html.append("<h2>Log</h2>\n");
        if (!Files.isRegularFile(log)) {
            html.append("<p id=\"no-log\">No log was written for this student.</p>\n");
            return;
        }
        List<String> lines = Log.stable(Files.readString(log, StandardCharsets.UTF_8)).lines().toList();
        html.append("<pre id=\"log\">");
        lines.stream().limit(LOG_LINES).forEach(line -> html.append(esc(line)).append('\n'));
        html.append("</pre>\n<p>");
        if (lines.size() > LOG_LINES) {
            html.append(lines.size() - LOG_LINES).append(" more lines in ");
        } else {
            html.append("Timings are in ");
        }
        html.append("<a href=\"../logs/").append(esc(Html.segment(student + ".log"))).append("\" download>logs/")
                .append(esc(student)).append(".log</a>.</p>\n");
    }
}
