package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    private static void spec(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name + ".yaml"), text);
    }

    @Test
    void theBundledSpecsCatchEveryMutant() {
        MainTest.Run run = MainTest.run("audit");
        assertEquals(ExitCodes.OK, run.status(), run.out() + run.err());
        assertTrue(run.out().endsWith("audit: every mutant is caught\n"), run.out());
        assertFalse(run.out().contains("SURVIVES"), run.out());
        assertTrue(run.out().contains("recursion-without-topological-order   caught by"), run.out());
    }

    @Test
    void aSuiteWithoutASharedNodeLetsRecursionSurvive(@TempDir Path dir) throws IOException {
        // Trees only: every node has one parent, so recursion never double-counts and = never loses a share.
        spec(dir, "power", "title: power\ninputs: {a: 7, b: 3, c: 2}\ngraph: {p: b ^ 3, s: a + p, y: s * c}\n");
        spec(dir, "functions", "title: functions\ninputs: {x: 0.5, z: 1.5}\n"
                + "graph: {e: exp(x), l: log(z), t: tanh(e), y: t / l}\n");
        MainTest.Run run = MainTest.run("audit", dir.toString());
        assertEquals(ExitCodes.FINDINGS, run.status(), run.out());
        assertTrue(run.out().contains("recursion-without-topological-order   SURVIVES: no spec has an interior node"
                + " with two parents, the only place where it changes a gradient"), run.out());
        assertTrue(run.out().contains("assign-instead-of-accumulate          SURVIVES: no spec has a node with two"
                + " parents (or an operand used twice)"), run.out());
        assertTrue(run.out().contains("warning: no spec has a node with two parents (or an operand used twice):"
                + " double counting and = instead of += go undetected"), run.out());
        assertTrue(run.out().contains("power-rule-n-x-to-the-n               caught by 1 spec (gradient, end_to_end,"
                + " numerical): power"), run.out());
        assertTrue(run.out().contains("cos-derivative-sign                   SURVIVES: no spec uses cos, so its"
                + " backward() is never checked"), run.out());
        assertTrue(run.out().lines().reduce((a, b) -> b).orElseThrow().startsWith("audit: "), run.out());
        assertTrue(run.out().contains(" survive the whole suite: recursion-without-topological-order,"), run.out());
    }

    /** The tensor catalogue against the bundled tensor specs: each classic mistake caught, by the specs that can. */
    @Test
    void theBundledTensorSpecsCatchEveryTensorMutant() {
        MainTest.Run run = MainTest.run("audit", "tensors/specs");
        assertEquals(ExitCodes.OK, run.status(), run.out() + run.err());
        assertTrue(run.out().startsWith("audit: 7 specs, 11 classic mistakes, each a mutant of the reference engine\n"),
                run.out());
        assertTrue(run.out().contains("\nmatmul-no-transpose                   caught by 4 specs (gradient, end_to_end,"
                + " numerical): affine-cross-entropy, reductions, square-matmul, two-layer-mlp\n"), run.out());
        assertTrue(run.out().contains("\nsum-axis-wrong-axis                   caught by 1 spec (gradient, end_to_end,"
                + " numerical): square-matmul\n"), run.out());
        assertTrue(run.out().endsWith("\naudit: every mutant is caught\n"), run.out());
        assertEquals("", run.err());
    }

    /** A tensor suite of one elementwise graph: what it lacks is named, and the audit fails. */
    @Test
    void aTensorSuiteWithoutMatmulOrSharingLetsThoseMistakesSurvive(@TempDir Path dir) throws IOException {
        spec(dir, "product", "title: product\ninputs: {a: [1.5, -2, 0.5], b: [[0.25, 1, -1], [2, 0.5, 3]]}\n"
                + "graph:\n  p: a * b\n  out: mean(tanh(p), 1)\n  loss: sum(out)\noutput: loss\n");
        MainTest.Run run = MainTest.run("audit", dir.toString());
        assertEquals(ExitCodes.FINDINGS, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("\nassign-instead-of-accumulate          SURVIVES: no spec has a node used twice,"
                + " the only place where = and += differ\n"), run.out());
        assertTrue(run.out().contains("\nmatmul-no-transpose                   SURVIVES: no spec uses matmul, so its"
                + " backward() is never checked\n"), run.out());
        assertTrue(run.out().contains("\nbroadcast-not-summed                  caught by 1 spec (gradient, end_to_end,"
                + " numerical): product\n"), run.out());
        assertTrue(run.out().contains("\nmean-not-divided                      SURVIVES: no spec uses mean(x), so its"
                + " backward() is never checked\n"), run.out());
        assertTrue(run.out().contains("\nmean-axis-not-divided                 caught by 1 spec"), run.out());
        assertTrue(run.out().contains("warning: no spec has a node used twice (by two operations, or as both operands"
                + " of one): = instead of += goes undetected"), run.out());
        assertTrue(run.out().contains(" survive the whole suite: assign-instead-of-accumulate, matmul-no-transpose,"),
                run.out());
    }

    /** A cross-entropy over one row: dividing by the batch changes nothing, so that mistake cannot be seen there. */
    @Test
    void aTensorBatchOfOneRowIsNamedAsDegenerate(@TempDir Path dir) throws IOException {
        spec(dir, "one-row", "title: one row\ninputs: {z: [0.5, -1, 2]}\nconstants: {y: 1}\n"
                + "graph:\n  loss: cross_entropy(z, y)\noutput: loss\n");
        MainTest.Run run = MainTest.run("audit", dir.toString());
        assertEquals(ExitCodes.FINDINGS, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("\ncross-entropy-not-averaged            SURVIVES: the specs never tell it from the"
                + " right answer at their input points"), run.out());
        assertTrue(run.out().contains("\ndegenerate specs:\n  warning: one-row: cross_entropy at loss has a batch of one"
                + " row, where a gradient not divided by the batch is right: use two rows or more\n"), run.out());
    }

    /** One language at a time: a mix of scalar and tensor specs is refused, naming the files of each kind. */
    @Test
    void scalarAndTensorSpecsAreAuditedApart() {
        MainTest.Run run = MainTest.run("audit", "specs/square.yaml", "tensors/specs/broadcasting.yaml");
        assertEquals(ExitCodes.FINDINGS, run.status(), run.out() + run.err());
        assertEquals("", run.out());
        assertEquals("audit: specs/square.yaml, tensors/specs/broadcasting.yaml hold scalar specs (specs/square.yaml)"
                + " and tensor specs (tensors/specs/broadcasting.yaml); an assignment is all one or the other, and"
                + " each has its own mistakes: audit each kind on its own. Nothing was audited.\n", run.err());
    }

    @Test
    void aSharedNodeCatchesRecursion(@TempDir Path dir) throws IOException {
        spec(dir, "lecture", "title: lecture\ninputs: {x: 2}\ngraph: {w: x ^ 2, u1: 3 * w, u2: log(w), y: u1 - u2}\n");
        MainTest.Run run = MainTest.run("audit", dir.resolve("lecture.yaml").toString());
        assertTrue(run.out().contains("recursion-without-topological-order   caught by 1 spec (traversal, end_to_end):"
                + " lecture"), run.out());
    }

    @Test
    void degenerateSpecsAreNamed(@TempDir Path dir) throws IOException {
        spec(dir, "one", "title: exponent one\ninputs: {x: 2, c: 3}\ngraph: {p: x ^ 1, y: p * c}\n");
        spec(dir, "zeros", "title: zeros\ninputs: {a: 0, b: 0}\ngraph: {y: a * b}\n");
        spec(dir, "kink", "title: kink\ninputs: {x: 1, b: -1}\ngraph: {z: x + b, y: relu(z)}\n");
        spec(dir, "tiny", "title: tiny\ninputs: {x: 1}\ngraph: {y: x * 0.000001}\n");
        MainTest.Run run = MainTest.run("audit", dir.toString());
        String out = run.out();
        assertTrue(out.contains("warning: one: p = x ^ 1 has exponent 1, where the power rule's mistakes give the"
                + " right numbers: use an exponent such as 3"), out);
        assertTrue(out.contains("warning: zeros main: every input is 0, where many wrong derivatives agree with the"
                + " right one"), out);
        assertTrue(out.contains("warning: kink main: relu's input z is 0, on its kink, where it has no derivative"),
                out);
        assertTrue(out.contains("warning: kink main: the numerical check skips input x, which sits on a kink"), out);
        assertTrue(out.contains("warning: tiny main: the numerical check cannot fail: every input's gradient (the"
                + " largest is 1e-6) is within its tolerance of 0 (atol 1e-5)"), out);
        assertTrue(out.contains("warning: zeros: the reference gradient is 0 at every point"), out);
        assertFalse(out.contains("warning: one: the reference gradient"), out);
    }

    @Test
    void aMissingFolderIsAUsageError() {
        MainTest.Run run = MainTest.run("audit", "no/such/specs");
        assertEquals(ExitCodes.USAGE, run.status());
        assertTrue(run.err().contains("audit: no such file or folder: no/such/specs"), run.err());
    }
}
