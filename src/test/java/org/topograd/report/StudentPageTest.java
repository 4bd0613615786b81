package org.topograd.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudentPageTest {
    private static final String NASTY = "a<b>&\"c d";

    @TempDir
    Path dir;

    private byte[] render(String timings) throws IOException {
        Path card = dir.resolve("card.csv");
        Files.writeString(card, String.join("\n",
                "spec,case,check,score,max_score,status,message",
                ",,compile,0,0,note,\"<script>alert(1)</script>\"",
                "good,main,forward,2,2,pass,",
                "s1,main,forward,2,2,pass,",
                "s1,main,gradient,0,3,fail,\"x.grad is 1, expected <2> (tolerance ±1e-9). Likely bug: your numbers"
                        + " match = instead of +=: at x the second use overwrites the first.\"",
                "s1,case-1,gradient,0,3,fail,\"x.grad is 4, expected 8 (tolerance ±1e-9). Likely bug: your numbers"
                        + " match = instead of +=: at x with x = 2 ...\"",
                ""), StandardCharsets.UTF_8);
        Path log = dir.resolve("student.log");
        Files.writeString(log, "student: " + NASTY + "\nstatus: ok\nsandbox: bwrap\n" + Log.TIMINGS + timings + "\n\n"
                + "[timeout] s1 main gradient: did not finish\n" + Log.WHERE + "at X.java:" + timings.length() + "\n"
                + "\n--- output of the submission's code ---\n<b>printed</b>\n", StandardCharsets.UTF_8);
        Summary.Row row = new Summary.Row(NASTY, 400, 1000, "ok", "assign-instead-of-accumulate", List.of(200L, 200L),
                "bwrap");
        return StudentPage.render(row, List.of("good", "s1"), card, log);
    }

    @Test
    void failingSpecsComeFirstWithTheLikelyBugSaidOnce() throws IOException {
        String html = new String(render("compile 12 ms"), StandardCharsets.UTF_8);
        assertTrue(html.indexOf("<section id=\"spec-s1\"") < html.indexOf("<section id=\"spec-good\""), html);
        assertTrue(html.contains("<div class=\"diagnosis\"><p>Likely bug: your numbers match = instead of +=: at x the"
                + " second use overwrites the first.</p></div>"), html);
        assertFalse(html.contains("at x with x = 2"), "the same bug is explained once per spec");
        assertTrue(html.contains("<td>x.grad is 1, expected &lt;2&gt; (tolerance &plusmn;1e-9). <i>(the likely bug above)</i>"),
                html);
        assertTrue(html.contains("<details><summary>1 passing check</summary>"), html);
    }

    @Test
    void everythingFromDataIsEscaped() throws IOException {
        String html = new String(render("compile 12 ms"), StandardCharsets.UTF_8);
        assertFalse(html.contains("<script>alert") || html.contains("<b>printed"), html);
        assertTrue(html.contains("<h1>a&lt;b&gt;&amp;&quot;c d</h1>"), html);
        assertTrue(html.contains("href=\"a%3Cb%3E%26%22c%20d.csv\" download"), html);
        assertTrue(html.contains("href=\"../logs/a%3Cb%3E%26%22c%20d.log\" download"), html);
    }

    @Test
    void theLogsTimingsAreLeftOutSoThePageIsTheSameInEveryRun() throws IOException {
        byte[] first = render("compile 12 ms");
        assertArrayEquals(first, render("compile 3456 ms, worker start 7 ms"));
        String html = new String(first, StandardCharsets.UTF_8);
        assertTrue(html.contains("[timeout] s1 main gradient: did not finish\n"), html);
        assertTrue(html.contains("&lt;b&gt;printed&lt;/b&gt;"), html);
        assertFalse(html.contains("X.java"), html);
    }
}
