package org.topograd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.diagnosis.MutantDiagnostician;
import org.topograd.grading.Assignment;
import org.topograd.grading.AssignmentReader;
import org.topograd.grading.Grading;
import org.topograd.grading.ReferenceAnswers;
import org.topograd.sandbox.Launcher;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.SpecResult;
import org.topograd.submission.Submission;

/**
 * One grading run of the bundled submissions against the bundled specs (worker JVMs and all),
 * shared by every test here: the diagnosed bugs in the summary, and the HTML report in a browser.
 */
class BundledGradingTest {
    @TempDir
    static Path reports;

    private static Map<String, CSVRecord> summary;

    @BeforeAll
    static void gradeTheBundledSubmissions() throws IOException {
        List<Spec> specs = new ArrayList<>();
        for (Path file : SpecLoader.list(Path.of("specs"))) {
            specs.add(((SpecResult.Valid) SpecLoader.load(file)).spec());
        }
        Assignment assignment = ((AssignmentReader.Result.Valid) AssignmentReader.load(Path.of("specs"))).assignment();
        List<Submission> submissions = Submission.list(Path.of("submissions"));
        ReportFolder folder = new ReportFolder(reports);
        try (Grading grading = Grading.prepare(ReferenceAnswers.of(specs, assignment.numerical()), assignment,
                Launcher.detect(), new MutantDiagnostician())) {
            grading.grade(submissions, 2, result -> {
                try {
                    folder.write(result, "");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        HashSet<String> ids = new HashSet<>();
        submissions.forEach(s -> ids.add(s.id()));
        folder.writeSummary(specs.stream().map(Spec::id).toList(), ids);
        summary = new LinkedHashMap<>();
        for (CSVRecord r : read(folder.summary())) {
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

    @Test
    void theHtmlReportLoadsInABrowserAndShowsTheSummarysNumbers(@TempDir Path scratch) throws Exception {
        Optional<Path> chromium = Chromium.find();
        assumeTrue(chromium.isPresent(), "chromium is not installed (apt-get install chromium)");
        Path index = reports.resolve("index.html");
        String html = Files.readString(index);
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "the page fetches nothing");
        assertFalse(html.contains("<link"), "no external style sheets");

        Chromium.Page page = Chromium.load(chromium.get(), index, scratch);
        assertEquals(List.of(), page.console(), "console messages");
        Map<String, List<String>> shown = new LinkedHashMap<>();
        Matcher row = Pattern.compile("<tr data-student=\"([^\"]*)\">(.*?)</tr>", Pattern.DOTALL).matcher(page.dom());
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(2));
            while (cell.find()) {
                cells.add(StringEscapeUtils.unescapeHtml4(cell.group(1).replaceAll("<[^>]+>", "")));
            }
            shown.put(StringEscapeUtils.unescapeHtml4(row.group(1)), cells);
        }
        assertEquals(List.copyOf(summary.keySet()), List.copyOf(shown.keySet()));
        for (CSVRecord r : summary.values()) {
            assertEquals(List.of(r.get("student"), r.get("score"), r.get("max_score"), r.get("percent"),
                    r.get("status"), r.get("bugs").replace(";", "; ")), shown.get(r.get("student")), r.get("student"));
        }
        Matcher counts = Pattern.compile("<text class=\"count\"[^>]*>(\\d+)</text>").matcher(page.dom());
        int total = 0;
        int bins = 0;
        while (counts.find()) {
            total += Integer.parseInt(counts.group(1));
            bins++;
        }
        assertEquals(10, bins);
        assertEquals(summary.size(), total, "the histogram counts every student once");
        assertTrue(page.dom().contains("<tr data-bug=\"recursion-without-topological-order\"><td>"
                + "recursion-without-topological-order</td><td class=\"num\">1</td><td>recursive-backprop</td></tr>"),
                page.dom());
        assertTrue(page.dom().contains("<a href=\"scorecards/correct.csv\">correct</a>"), page.dom());
    }

    @Test
    void aPageWithAScriptErrorIsCaught(@TempDir Path scratch) throws Exception {
        // The browser check above would pass vacuously if console errors never reached us.
        Optional<Path> chromium = Chromium.find();
        assumeTrue(chromium.isPresent(), "chromium is not installed (apt-get install chromium)");
        Path bad = scratch.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html><body><script>noSuchFunction();</script></body></html>");
        Chromium.Page page = Chromium.load(chromium.get(), bad, scratch);
        assertEquals(1, page.console().size(), page.console().toString());
        assertTrue(page.console().get(0).contains("Uncaught ReferenceError: noSuchFunction is not defined"));
    }
}
