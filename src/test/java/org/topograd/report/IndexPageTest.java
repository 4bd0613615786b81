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

class IndexPageTest {
    private static final String NASTY = "a<b>&\"c d";

    private static byte[] render(Path dir) throws IOException {
        Path card = dir.resolve(NASTY + ".csv");
        Files.writeString(card, String.join("\n",
                "spec,case,check,score,max_score,status,message",
                ",,compile,0,0,note,\"<script>alert(1)</script>\"",
                "s1,main,forward,2,2,pass,",
                "s1,main,gradient,0,3,fail,\"x.grad is 1, expected <2>\"",
                ""), StandardCharsets.UTF_8);
        List<Summary.Row> rows = List.of(
                new Summary.Row(NASTY, 200, 500, "ok", "upstream-not-multiplied;<b>", List.of(200L), "bwrap"));
        return IndexPage.render(List.of("s1"), rows, student -> dir.resolve(student + ".csv"));
    }

    @Test
    void everythingFromDataIsEscaped(@TempDir Path dir) throws IOException {
        String html = new String(render(dir), StandardCharsets.UTF_8);
        assertTrue(html.contains("<tr data-student=\"a&lt;b&gt;&amp;&quot;c d\" data-status=\"ok\"><td><a href=\""
                + "scorecards/a%3Cb%3E%26%22c%20d.html\">a&lt;b&gt;&amp;&quot;c d</a></td>"), html);
        assertTrue(html.contains("<td>upstream-not-multiplied; &lt;b&gt;</td>"), html);
        assertFalse(html.contains("<b>"), html);
        assertFalse(html.contains("alert"), "messages are not shown, so never injected");
        assertTrue(html.contains("<tr data-check=\"gradient\"><td>gradient</td><td class=\"num\">0 of 1</td>"
                + "<td class=\"num rate\">0</td>"), html);
        assertTrue(html.contains("<tr data-spec=\"s1\"><td>s1</td><td class=\"num\">2 of 5</td><td class=\"num\">0 of 1"
                + "</td><td class=\"num\">1 of 2</td><td class=\"num rate\">50</td>"), html);
    }

    @Test
    void theSameReportsGiveTheSameBytes(@TempDir Path dir) throws IOException {
        assertArrayEquals(render(dir), render(dir));
    }
}
