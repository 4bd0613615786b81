package org.topograd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The pages' escaping: markup never passes through, and named characters are written as they always were. */
class HtmlTest {
    @Test
    void markupIsEscaped() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;) &amp;&amp; 'y'&lt;/script&gt;",
                Html.esc("<script>alert(\"x\") && 'y'</script>"));
    }

    @Test
    void charactersHtml4NamesAreWrittenByName() {
        assertEquals("&plusmn;1e-6 &eacute; &nbsp; &alpha;&rarr;&Omega; &le; &hellip;",
                Html.esc("±1e-6 é \u00a0 α→Ω ≤ …"));
    }

    @Test
    void everyOtherCharacterIsItselfAndPlainTextIsNotCopied() {
        String plain = "u2.grad is 1, expected -1 (tolerance 1e-6); 日本 \uD83D\uDE00 \u202E \u0007";
        assertEquals(plain, Html.esc(plain));
        String ascii = "nothing to escape";
        assertSame(ascii, Html.esc(ascii));
    }
}
