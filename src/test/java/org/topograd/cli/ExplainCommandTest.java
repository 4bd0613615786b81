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

    /** The picture test's graph as a spec: z = A @ w = [11], out = sum(z * z) = 121, w.grad = [22, 44]. */
    private static final String TINY = "title: Tiny matmul\n"
            + "inputs:\n  A: [[1, 2]]\n  w: [3, 4]\n"
            + "graph:\n  z: A @ w\n  out: sum(z * z)\n"
            + "output: out\n";

    /** A tensor spec: the named operations with their shapes in the terminal, every number in the picture. */
    @Test
    void aTensorSpecIsDrawnWithItsShapes(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        Path out = dir.resolve("tiny.dot");
        MainTest.Run run = MainTest.run("explain", spec.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.status(), run.out() + run.err());
        assertEquals("", run.err());
        String wrote = Graphviz.find().isPresent() ? "wrote " + out + " and " + dir.resolve("tiny.svg")
                : "wrote " + out + " (no SVG: the dot command of Graphviz is not on the PATH; install it with sudo"
                        + " apt-get install graphviz, or open the DOT in any Graphviz viewer)";
        assertEquals("explain: tiny at main (A [1, 2], w [2])\n"
                + "  z = A @ w  [1]\n"
                + "  out = sum(z * z)  []\n"
                + wrote + "\n", run.out());
        String dot = Files.readString(out);
        assertTrue(dot.contains("label=\"Tiny matmul — main (A [1, 2], w [2])\""), dot);
        assertTrue(dot.contains("<B>w</B> <I>input</I>  <FONT COLOR=\"#666666\">[2]</FONT></TD></TR>"
                + "<TR><TD ALIGN=\"LEFT\">value</TD><TD ALIGN=\"RIGHT\"><TABLE BORDER=\"0\" CELLSPACING=\"0\""
                + " CELLPADDING=\"2\"><TR><TD ALIGN=\"RIGHT\">3</TD><TD ALIGN=\"RIGHT\">4</TD></TR></TABLE></TD></TR>"
                + "<TR><TD ALIGN=\"LEFT\">grad</TD><TD ALIGN=\"RIGHT\"><TABLE BORDER=\"0\" CELLSPACING=\"0\""
                + " CELLPADDING=\"2\"><TR><TD ALIGN=\"RIGHT\">22</TD><TD ALIGN=\"RIGHT\">44</TD></TR></TABLE>"), dot);
    }

    @Test
    void aTensorSpecWithAShapeErrorIsNotDrawn(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("bad.yaml"), TINY.replace("z: A @ w", "z: w @ A"));
        MainTest.Run run = MainTest.run("explain", spec.toString(), "--out", dir.resolve("bad.dot").toString());
        assertEquals(ExitCodes.FINDINGS, run.status(), run.out() + run.err());
        assertEquals(spec + ":6:6: w has shape [2] and A has shape [1, 2]: the inner sizes of @ differ: [2] @ [1, 2]"
                + " pairs 2 columns of the left operand with 1 row of the right; they must be equal (transpose an"
                + " operand if its axes are the wrong way round)\n"
                + "explain: " + spec + " is not a valid spec; fix the problems above\n", run.err());
        assertEquals("", run.out());
        assertTrue(Files.notExists(dir.resolve("bad.dot")));
    }

    @Test
    void anUnknownCaseOfATensorSpecNamesTheCasesThereAre() {
        MainTest.Run run = MainTest.run("explain", "tensors/specs/affine-cross-entropy.yaml", "--case", "case-9");
        assertEquals(ExitCodes.USAGE, run.status());
        assertTrue(run.err().contains("has no case case-9; its cases are main, random-1"), run.err());
    }

    /**
     * A tensor submission: the wrong elements of each wrong tensor, nearest the inputs first. The
     * bundled matmul without its transposes, on square matrices where the shapes cannot tell.
     */
    @Test
    void aTensorSubmissionsWrongElementsAreListed(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("s.dot");
        MainTest.Run run = MainTest.run("explain", "tensors/specs/square-matmul.yaml", "--submission",
                "tensors/submissions/matmul-no-transpose", "--out", out.toString());
        assertEquals(ExitCodes.FINDINGS, run.status(), run.out() + run.err());
        String every = ", and so are the other 8 of its 9 elements\n";
        assertTrue(run.out().startsWith("explain: square-matmul at main (A [3, 3], B [3, 3])\n"
                + "  C = tanh(A @ B)  [3, 3]\n"
                + "  rows = sum(C * A, 1)  [3]\n"
                + "  out = sum(rows * rows) + mean(B @ A)  []\n"
                + "  wrong: A.grad[0, 0] is 2.500288238014738, expected 1.3025915525951004" + every
                + "  wrong: A.grad[0, 0] (your TensorBackprop) is 2.500288238014738, expected 1.3025915525951004" + every
                + "  wrong: B.grad[0, 0] is 3.671827683004733, expected 3.549605460782511" + every
                + "  wrong: B.grad[0, 0] (your TensorBackprop) is 3.671827683004733, expected 3.549605460782511" + every
                + "wrote " + out), run.out());
        String dot = Files.readString(out);
        assertTrue(dot.contains("label=\"Square matrix products — main (A [3, 3], B [3, 3]); matmul-no-transpose:"
                + " wanted | got\""), dot);
        // A.grad's got cell is red, its first element marked; C's gradient is right (green).
        assertTrue(dot.contains("<TD ALIGN=\"RIGHT\" BGCOLOR=\"#f4c7c3\"><TABLE BORDER=\"0\" CELLSPACING=\"0\""
                + " CELLPADDING=\"2\"><TR><TD ALIGN=\"RIGHT\"><FONT COLOR=\"#cc0000\"><B>2.500288238</B></FONT></TD>"),
                dot);
        assertTrue(dot.contains("<B>C</B> = tanh(A @ B)  <FONT COLOR=\"#666666\">[3, 3]</FONT>"), dot);
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
