package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.picture.Graphviz;

class ExplainCommandTest {
    @Test
    void theReferenceAloneIsDrawn(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("lecture.dot");
        MainTest.Run run = MainTest.run("explain", "specs/topological-order.yaml", "--case", "case-1", "--out",
                out.toString());
        assertEquals(ExitCodes.OK, run.status(), run.out() + run.err());
        String dot = Files.readString(out);
        assertTrue(dot.startsWith("digraph topograd {\n"), dot);
        assertTrue(dot.contains("label=\"Topological order (x -> w -> u1, u2 -> y) — case-1 (x = 0.5)\""), dot);
        // x.grad is -1 at x = 0.5; w feeds u1 and u2.
        assertTrue(dot.contains("<B>x</B> <I>input</I></TD></TR><TR><TD ALIGN=\"LEFT\">value</TD><TD ALIGN=\"RIGHT\">"
                + "0.5</TD></TR><TR><TD ALIGN=\"LEFT\">grad</TD><TD ALIGN=\"RIGHT\">-1</TD></TR>"), dot);
        assertTrue(dot.contains("<B>u2</B> = log(w)"), dot);
        if (Graphviz.find().isPresent()) {
            assertTrue(Files.readString(dir.resolve("lecture.svg")).contains("<svg"));
            assertTrue(run.out().endsWith("wrote " + out + " and " + dir.resolve("lecture.svg") + "\n"), run.out());
        }
    }

    /** A tensor spec is not drawn yet: explain says so and points at solve, rather than misreading it. */
    @Test
    void aTensorSpecIsNotDrawnAndSolveIsSuggested(@TempDir Path dir) {
        MainTest.Run run = MainTest.run("explain", "tensors/specs/broadcasting.yaml", "--out",
                dir.resolve("b.dot").toString());
        assertEquals(ExitCodes.FINDINGS, run.status(), run.out() + run.err());
        assertEquals("explain: tensors/specs/broadcasting.yaml is a tensor spec, which explain does not draw yet;"
                + " topograd solve tensors/specs/broadcasting.yaml shows its shapes, values and gradients\n", run.err());
    }

    @Test
    void aSubmissionsWrongNumbersAreListedAndDiagnosed(@TempDir Path dir) {
        MainTest.Run run = MainTest.run("explain", "specs/power-node.yaml", "--submission",
                "submissions/power-rule-n-x-to-the-n", "--out", dir.resolve("p.dot").toString());
        assertEquals(ExitCodes.FINDINGS, run.status(), run.out() + run.err());
        assertTrue(run.out().startsWith("explain: power-node at main (a = 7, b = 3, c = 2)\n"
                + "  wrong: b.grad is 162, expected 54\n"
                + "  wrong: b.grad (your Backprop) is 162, expected 54\n"
                + "  Likely bug: your numbers match the power rule written n * x^n instead of n * x^(n-1)"), run.out());
        assertTrue(run.out().contains("flows out of Power.backward() at node p."), run.out());
    }

    /** Explain runs student code, so it says so when the sandbox is the weaker one, as every such command does. */
    @Test
    void runningASubmissionInThePlainSandboxSaysItIsTheWeakerOne(@TempDir Path dir) {
        System.setProperty("topograd.sandbox", "plain");
        try {
            MainTest.Run run = MainTest.run("explain", "specs/power-node.yaml", "--submission",
                    "submissions/power-rule-n-x-to-the-n", "--out", dir.resolve("p.dot").toString());
            assertEquals(ExitCodes.FINDINGS, run.status(), run.out() + run.err());
            assertTrue(run.err().contains("student code runs in a plain child JVM"), run.err());
            assertTrue(run.out().contains("  wrong: b.grad is 162, expected 54\n"), run.out());
        } finally {
            System.clearProperty("topograd.sandbox");
        }
    }

    @Test
    void anUnknownCaseNamesTheCasesThereAre() {
        MainTest.Run run = MainTest.run("explain", "specs/square.yaml", "--case", "case-9");
        assertEquals(ExitCodes.USAGE, run.status());
        assertTrue(run.err().contains("has no case case-9; its cases are main, case-1, random-1, random-2, random-3"),
                run.err());
    }
}
