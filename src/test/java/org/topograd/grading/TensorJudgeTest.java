package org.topograd.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.topograd.spec.Tolerance;
import org.topograd.spec.tensor.Shape;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;

/** The tensor checks' verdicts and messages, element by element, on numbers alone. */
class TensorJudgeTest {
    /** x [2, 3], b [3], z = x + b [2, 3], loss = sum(z) []: elements 0-5, 6-8, 9-14 and 15. */
    private static final TensorGraph GRAPH;
    private static final int[] ORDER = {0, 1, 2, 3};

    static {
        TensorGraph.Builder b = TensorGraph.builder();
        int x = b.input("x", Shape.of(2, 3));
        int bias = b.input("b", Shape.of(3));
        int z = b.name(b.binary(TensorOp.ADD, x, bias, "x + b"), "z");
        GRAPH = b.build(b.name(b.unary(TensorOp.SUM, z, "sum(z)"), "loss"));
    }

    private final TensorJudge judge = new TensorJudge(GRAPH, Tolerance.DEFAULT);

    private static double[] answers() {
        double[] values = new double[16];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 0.5;
        }
        return values;
    }

    @Test
    void aWrongElementAnywhereInANodeIsFoundAndNamedByItsIndex() {
        double[] got = answers();
        got[13] = 99; // z[1, 1]
        assertEquals(new Outcome.Fail("z[1, 1] is 99, expected 13.5 (tolerance ±1.4e-5); 1 of its 6 elements is"
                + " wrong"), judge.forward(ORDER, got, answers()));
        got[15] = -1;
        assertEquals(new Outcome.Fail("z[1, 1] is 99, expected 13.5 (tolerance ±1.4e-5); 1 of its 6 elements is wrong;"
                + " also wrong: loss"), judge.forward(ORDER, got, answers()));
        assertTrue(judge.forward(ORDER, answers(), answers()).passed());
    }

    /**
     * The first wrong gradient from the output back names the backward() that computed it when its
     * node has one user (b's is z's); none when every gradient is right or the wrong one is the output's.
     */
    @Test
    void theCulpritIsTheOneUserOfTheFirstWrongGradient() {
        double[] got = answers();
        got[7] = 0; // b.grad[1]
        got[2] = 0; // x.grad[0, 2]: farther from the output than b in this order, so not the first
        assertEquals(2, judge.culprit(ORDER, got, answers()));
        assertEquals(-1, judge.culprit(ORDER, answers(), answers()));
        double[] output = answers();
        output[15] = 0; // loss.grad: no user, so no backward to blame
        assertEquals(-1, judge.culprit(ORDER, output, answers()));
    }

    @Test
    void gradientsAreNamedFromTheOutputBackAndInputsAreNotExemptFromTheSeedChecks() {
        double[] want = answers();
        double[] got = answers();
        got[8] = 0; // b.grad[2]
        assertEquals(new Outcome.Fail("b.grad[2] is 0, expected 8.5 (tolerance ±8.5e-6); 1 of its 3 elements is"
                + " wrong"), judge.grads(ORDER, got, want));
        double[] zero = new double[16];
        zero[4] = 1e-3; // x.grad[1, 1]
        double[] two = new double[16];
        for (int i = 0; i < 16; i++) {
            two[i] = 2 * want[i];
        }
        assertEquals(new Outcome.Fail("with the output's gradient set to 0, x.grad[1, 1] is 0.001 but every gradient"
                + " must be 0 (backward must multiply by the node's own grad, the upstream gradient)"),
                judge.gradient(ORDER, want, want, zero, two));
    }

    @Test
    void flattenedInputElementsAreNamedByInputAndIndex() {
        assertEquals("x[0, 0]", judge.inputElement(0));
        assertEquals("x[1, 2]", judge.inputElement(5));
        assertEquals("b[0]", judge.inputElement(6));
        assertEquals("b[2]", judge.inputElement(8));
        assertEquals("", TensorJudge.index(Shape.SCALAR, 0));
    }
}
