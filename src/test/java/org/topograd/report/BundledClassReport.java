package org.topograd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topograd.BundledClass;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled class's reports, from {@link BundledClass}'s one grading run (worker JVMs and all): the
 * diagnosed bugs in the summary, and the HTML report in a real browser: its numbers, its sorting and
 * filtering, and every link of it followed.
 *
 * <p>Run as part of {@code BundledClassTest}, which inherits these tests and holds the same run's
 * CSVs to the reviewed copies, so that both read one grade in one JVM: grading the class costs more
 * CPU time than all the checks of its reports together. (Its name does not end in {@code Test}, so
 * Surefire does not run it a second time on its own.)
 */
public abstract class BundledClassReport {
    static Path reports;

    private static Map<String, CSVRecord> summary;

    @BeforeAll
    static void gradeTheBundledSubmissions() throws IOException {
        BundledClass.Graded graded = BundledClass.graded();
        assertEquals(0, graded.status(), graded.output());
        reports = graded.reports();
        summary = new LinkedHashMap<>();
        for (CSVRecord r : read(reports.resolve("summary.csv"))) {
            summary.put(r.get("student"), r);
        }
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in)
                        .setFormat(Csv.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return parser.getRecords();
        }
    }

    @Test
    void everyBrokenSubmissionHasItsBugNamedInTheSummary() {
        // Each folder is named after its bug; the recursive one after what it does.
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("assign-instead-of-accumulate", "assign-instead-of-accumulate");
        expected.put("order-not-reversed", "order-not-reversed");
        expected.put("power-rule-n-x-to-the-n", "power-rule-n-x-to-the-n");
        expected.put("recursive-backprop", "recursion-without-topological-order");
        expected.put("sub-sign-error", "sub-sign-error");
        expected.put("upstream-not-multiplied", "upstream-not-multiplied");
        expected.put("correct", "");
        expected.put("compile-error", "");
        expected.forEach((student, bug) -> assertEquals(bug, summary.get(student).get("bugs"), student));
    }

    @Test
    void failingRowsCarryTheExplanation() throws IOException {
        List<CSVRecord> rows = read(reports.resolve("scorecards").resolve("power-rule-n-x-to-the-n.csv"));
        CSVRecord row = rows.stream().filter(r -> r.get("spec").equals("power-node") && r.get("case").equals("main")
                && r.get("check").equals("gradient")).findFirst().orElseThrow();
        assertEquals("fail", row.get("status"));
        assertEquals("b.grad is 162, expected 54 (tolerance ±5.4e-5). Likely bug: your numbers match the power rule"
                + " written n * x^n instead of n * x^(n-1): at p = b ^ 3 with b = 3, dp/db comes out 81 instead of 27."
                + " The first wrong gradient is b.grad (162 instead of 54), which flows out of Power.backward() at"
                + " node p. d(x^n)/dx = n * x^(n-1): the exponent drops by one.", row.get("message"));
    }

    // ---- the HTML report, in a real browser ----------------------------------------------------

    @TempDir
    static Path browserProfile;
    private static Browser browser;

    /** One browser for every test here (each opens its own pages), started by the first to need it. */
    private static synchronized Browser browser() throws IOException, InterruptedException {
        Optional<Path> chromium = Browser.find();
        assumeTrue(chromium.isPresent(), "chromium is not installed (apt-get install chromium)");
        if (browser == null) {
            browser = Browser.start(chromium.get(), browserProfile);
        }
        return browser;
    }

    @AfterAll
    static void closeTheBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
        org.topograd.Links.removeUnder(browserProfile); // Chromium's singleton links point outside it
    }

    /** The text of each cell of each row the selector picks, as the browser shows them. */
    private static List<List<String>> cells(Browser browser, String rows) throws Exception {
        List<List<String>> out = new ArrayList<>();
        for (JsonElement row : browser.eval("Array.from(document.querySelectorAll('" + rows + "'))"
                + ".filter(r => !r.hidden).map(r => Array.from(r.cells).map(c => c.textContent))").getAsJsonArray()) {
            List<String> cells = new ArrayList<>();
            row.getAsJsonArray().forEach(c -> cells.add(c.getAsString()));
            out.add(cells);
        }
        return out;
    }

    private static List<String> firstColumn(List<List<String>> rows) {
        return rows.stream().map(r -> r.get(0)).toList();
    }

    private static List<String> summaryRow(CSVRecord r) {
        return List.of(r.get("student"), r.get("score"), r.get("max_score"), r.get("percent"), r.get("status"),
                r.get("bugs").replace(";", "; "));
    }

    @Test
    void theClassPageShowsTheCsvsNumbers() throws Exception {
        Path index = reports.resolve("index.html");
        String html = Files.readString(index);
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "the page fetches nothing");
        assertFalse(html.contains("<link") || html.contains("<script src"), "no external style sheet or script");
        Browser browser = browser();
        Browser.Opened page = browser.open(index.toUri().toString());
        assertEquals(null, page.error());
        assertEquals(List.of(), page.console(), "console messages");
        assertEquals(summary.values().stream().map(BundledClassReport::summaryRow).toList(),
                cells(browser, "#students tbody tr"));
        int total = 0;
        for (JsonElement count : browser.eval("Array.from(document.querySelectorAll('#histogram text.count'))"
                + ".map(t => t.textContent)").getAsJsonArray()) {
            total += Integer.parseInt(count.getAsString());
        }
        assertEquals(summary.size(), total, "the histogram counts every student once");
        // Pass rates per spec and per check, counted here from the scorecards.
        Map<String, int[]> bySpec = new TreeMap<>();
        Map<String, int[]> byCheck = new TreeMap<>();
        for (String student : summary.keySet()) {
            for (CSVRecord r : read(reports.resolve("scorecards").resolve(student + ".csv"))) {
                if (!r.get("spec").isEmpty()) {
                    for (int[] t : List.of(bySpec.computeIfAbsent(r.get("spec"), k -> new int[2]),
                            byCheck.computeIfAbsent(r.get("check"), k -> new int[2]))) {
                        t[0] += r.get("status").equals("pass") ? 1 : 0;
                        t[1]++;
                    }
                }
            }
        }
        for (List<String> row : cells(browser, "#specs tbody tr")) {
            String spec = row.get(0);
            int[] t = bySpec.get(spec);
            assertEquals(t[0] + " of " + t[1], row.get(3), spec);
            // The mean of the summary's column, and how many scored what the spec is worth (full marks).
            List<Long> scores = summary.values().stream().map(r -> org.topograd.grading.Points.hundredths(
                    new java.math.BigDecimal(r.get(spec)))).toList();
            long sum = scores.stream().mapToLong(Long::longValue).sum();
            String[] mean = row.get(1).split(" of ");
            assertEquals(org.topograd.grading.Points.format(sum / scores.size()), mean[0], spec);
            long worth = org.topograd.grading.Points.hundredths(new java.math.BigDecimal(mean[1]));
            assertEquals(scores.stream().filter(x -> x == worth).count() + " of " + scores.size(), row.get(2), spec);
        }
        assertEquals(bySpec.keySet(), new TreeSet<>(firstColumn(cells(browser, "#specs tbody tr"))));
        for (List<String> row : cells(browser, "#checks tbody tr")) {
            int[] t = byCheck.get(row.get(0));
            assertEquals(t[0] + " of " + t[1], row.get(1), row.get(0));
        }
        assertEquals(List.of("recursion-without-topological-order", "1", "recursive-backprop"),
                cells(browser, "#bugs tbody tr[data-bug=recursion-without-topological-order]").get(0));
    }

    @Test
    void theClassTableSortsAndFilters() throws Exception {
        List<CSVRecord> byId = List.copyOf(summary.values());
        List<String> byScore = byId.stream().sorted(java.util.Comparator.comparing(
                (CSVRecord r) -> new java.math.BigDecimal(r.get("score")))).map(r -> r.get("student")).toList();
        Browser browser = browser();
        browser.open(reports.resolve("index.html").toUri().toString());
        String click = "document.querySelectorAll('#students thead th button')[%d].click()";
        browser.eval(String.format(click, 1));
        assertEquals(byScore, firstColumn(cells(browser, "#students tbody tr")), "by score, lowest first");
        assertEquals("ascending", browser.eval("document.querySelectorAll('#students th')[1]"
                + ".getAttribute('aria-sort')").getAsString());
        browser.eval(String.format(click, 1));
        List<String> down = new ArrayList<>(firstColumn(cells(browser, "#students tbody tr")));
        List<String> reversed = new ArrayList<>(byScore);
        java.util.Collections.reverse(reversed);
        // Ties keep the order they had, so only the scores must come out reversed.
        assertEquals(reversed.stream().map(s -> summary.get(s).get("score")).toList(),
                down.stream().map(s -> summary.get(s).get("score")).toList(), "by score, highest first");
        browser.eval(String.format(click, 0));
        assertEquals(List.copyOf(summary.keySet()), firstColumn(cells(browser, "#students tbody tr")), "by id");

        browser.eval("var f = document.getElementById('filter'); f.value = 'RECURSION';"
                + " f.dispatchEvent(new Event('input'))");
        assertEquals(List.of("recursive-backprop"), firstColumn(cells(browser, "#students tbody tr")));
        assertEquals("1 of " + summary.size() + " shown",
                browser.eval("document.getElementById('shown').textContent").getAsString());
        browser.eval("var f = document.getElementById('filter'); f.value = '';"
                + " f.dispatchEvent(new Event('input'));"
                + " var s = document.getElementById('status-filter'); s.value = 'compile_error';"
                + " s.dispatchEvent(new Event('change'))");
        assertEquals(List.of("compile-error"), firstColumn(cells(browser, "#students tbody tr")));
        assertEquals(List.of(), browser.console(), "console messages");
    }

    /**
     * Every link of the report, followed as a click would follow it: pages open without a console
     * message, downloads (the CSVs, the logs) name files that are there, anchors name elements that
     * are there. Each student's page shows exactly the rows of their scorecard, failing specs first.
     */
    @Test
    void everyLinkResolvesAndEveryStudentsPageIsTheirScorecard() throws Exception {
        Browser browser = browser();
        java.util.Deque<String> toVisit = new java.util.ArrayDeque<>(List.of(reports.resolve("index.html")
                .toUri().toString()));
        java.util.Set<String> visited = new HashSet<>();
        java.util.Set<String> students = new java.util.TreeSet<>();
        while (!toVisit.isEmpty()) {
            String url = toVisit.pop();
            if (!visited.add(url)) {
                continue;
            }
            Browser.Opened page = browser.open(url);
            assertEquals(null, page.error(), url);
            assertEquals(List.of(), page.console(), url);
            Path file = Path.of(java.net.URI.create(url));
            assertTrue(file.startsWith(reports), url + " is outside the reports");
            if (file.getParent().getFileName().toString().equals("scorecards")) {
                String student = file.getFileName().toString().replaceAll("\\.html$", "");
                students.add(student);
                thePageIsTheScorecard(browser, student);
            }
            for (JsonElement link : browser.eval("Array.from(document.querySelectorAll('a')).map(a =>"
                    + " [a.href, a.hasAttribute('download') ? 'download' : '', a.hash])").getAsJsonArray()) {
                String href = link.getAsJsonArray().get(0).getAsString();
                String hash = link.getAsJsonArray().get(2).getAsString();
                String target = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
                assertTrue(target.startsWith("file:"), "only local links: " + href);
                if (!link.getAsJsonArray().get(1).getAsString().isEmpty()) {
                    assertTrue(Files.isRegularFile(Path.of(java.net.URI.create(target))), "download " + href);
                } else if (target.equals(url) && !hash.isEmpty()) {
                    assertTrue(browser.eval("document.getElementById(decodeURIComponent('" + hash.substring(1)
                            + "')) !== null").getAsBoolean(), "anchor " + href);
                } else {
                    toVisit.add(target);
                }
            }
        }
        assertEquals(summary.keySet(), students, "every student's page is linked");
    }

    private static void thePageIsTheScorecard(Browser browser, String student) throws Exception {
        List<String> expected = new ArrayList<>();
        for (CSVRecord r : read(reports.resolve("scorecards").resolve(student + ".csv"))) {
            if (!r.get("spec").isEmpty()) {
                String message = r.get("message");
                int bug = message.indexOf(" Likely bug: ");
                String shown = bug < 0 ? message : message.substring(0, bug) + " (the likely bug above)";
                expected.add(String.join("|", r.get("spec"), r.get("case"), r.get("check"), r.get("score"),
                        r.get("max_score"), r.get("status"), shown));
            }
        }
        List<String> shown = new ArrayList<>();
        for (JsonElement row : browser.eval("Array.from(document.querySelectorAll('table.rows tbody tr')).map(r =>"
                + " [r.closest('section').dataset.spec].concat(Array.from(r.cells).map(c => c.textContent))"
                + ".join('|'))").getAsJsonArray()) {
            shown.add(row.getAsString());
        }
        assertEquals(new java.util.TreeMap<>(count(expected)), new java.util.TreeMap<>(count(shown)), student);
        CSVRecord total = summary.get(student);
        assertEquals(List.of(total.get("score"), total.get("max_score"), total.get("percent"), total.get("status")),
                List.of(text(browser, "[data-score]"), text(browser, "[data-max]"), text(browser, "[data-percent]"),
                        text(browser, "[data-status]")), student);
        // Failing specs first.
        List<Boolean> failing = new ArrayList<>();
        for (JsonElement f : browser.eval("Array.from(document.querySelectorAll('section[data-spec]')).map(s =>"
                + " s.querySelector('tr.fail, tr.error, tr.timeout, tr.crash, tr.not_run') !== null)").getAsJsonArray()) {
            failing.add(f.getAsBoolean());
        }
        assertEquals(failing.stream().sorted(java.util.Comparator.reverseOrder()).toList(), failing, student);
        if (!total.get("bugs").isEmpty()) {
            assertTrue(browser.eval("document.querySelectorAll('.diagnosis').length").getAsInt() > 0,
                    student + " has a diagnosed bug");
        }
        assertTrue(text(browser, "#log").startsWith("student: " + student + "\nstatus: "), student);
        assertFalse(text(browser, "#log").contains("timings:"), "only what is the same in every run");
    }

    private static Map<String, Integer> count(List<String> rows) {
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.merge(r, 1, Integer::sum));
        return counts;
    }

    private static String text(Browser browser, String selector) throws Exception {
        return browser.eval("document.querySelector('" + selector + "').textContent").getAsString();
    }

    @Test
    void aScriptErrorOrALinkThatDownloadsIsCaught(@TempDir Path scratch) throws Exception {
        // The browser checks above would pass vacuously if errors and downloads never reached us.
        Browser browser = browser();
        Path bad = scratch.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html><body><script>noSuchFunction();</script></body></html>");
        Browser.Opened page = browser.open(bad.toUri().toString());
        assertEquals(1, page.console().size(), page.console().toString());
        assertTrue(page.console().get(0).contains("noSuchFunction is not defined"), page.console().toString());
        Browser.Opened csv = browser.open(reports.resolve("summary.csv").toUri().toString());
        assertEquals("net::ERR_ABORTED", csv.error(), "a CSV is downloaded, not shown");
    }
}
