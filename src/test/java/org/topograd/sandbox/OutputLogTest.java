package org.topograd.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OutputLogTest {
    @Test
    void keepsTheBeginningAndTheEndWithinItsBudget() {
        OutputLog log = new OutputLog(8);
        log.append("abc");
        assertEquals("abc", log.text());
        log.append("defghij");
        log.append("klmnop");
        assertEquals("abcd\n[... 8 characters left out ...]\nmnop", log.text());
    }
}
