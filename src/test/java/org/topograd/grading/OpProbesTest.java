package org.topograd.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.topograd.spec.Op;
import org.topograd.worker.Messages;

/** The probe's answer read strictly, and what it tells about a class. */
class OpProbesTest {
    /** A Mul's numbers per run: operand 0's grad, operand 1's, its own, with x = 0.7 and y = 1.3. */
    private static double[] mul(boolean assign, boolean ignoreUpstream) {
        double[] numbers = new double[9];
        for (int r = 0; r < 3; r++) {
            double upstream = ignoreUpstream ? 1 : OpProbes.UPSTREAM[r];
            double before = assign ? 0 : OpProbes.BEFORE[r];
            numbers[3 * r] = before + upstream * OpProbes.Y;
            numbers[3 * r + 1] = before + upstream * OpProbes.X;
            numbers[3 * r + 2] = OpProbes.UPSTREAM[r];
        }
        return numbers;
    }

    private static Messages.Result result(double[] values, double[] grads) {
        return new Messages.Result(null, values, grads, null, null, "");
    }

    @Test
    void aRightClassShowsNoMistake() {
        Map<Op, OpProbes.Behaviour> found = OpProbes.decode(List.of(Op.MUL), result(new double[] {0.91},
                mul(false, false)));
        OpProbes.Behaviour b = found.get(Op.MUL);
        assertEquals(OpProbes.Y, b.local(0), 1e-15);
        assertFalse(b.overwrites(0) || b.overwrites(1) || b.ignoresUpstream(0) || b.resetsOwnGrad());
        assertFalse(b.wrongLocal(0, OpProbes.Y));
        assertTrue(b.wrongLocal(0, OpProbes.X), "a*b's derivative for a is b, not a");
    }

    @Test
    void assigningAndIgnoringTheUpstreamGradientShow() {
        assertTrue(OpProbes.decode(List.of(Op.MUL), result(new double[] {0.91}, mul(true, false))).get(Op.MUL)
                .overwrites(1));
        assertTrue(OpProbes.decode(List.of(Op.MUL), result(new double[] {0.91}, mul(false, true))).get(Op.MUL)
                .ignoresUpstream(0));
    }

    @Test
    void anAnswerOfTheWrongShapeIsNoAnswer() {
        double[] numbers = mul(true, false);
        assertEquals(Map.of(), OpProbes.decode(List.of(Op.MUL), result(new double[] {0.91},
                java.util.Arrays.copyOf(numbers, 8))));
        assertEquals(Map.of(), OpProbes.decode(List.of(Op.MUL), result(new double[] {0.91, 1}, numbers)));
        assertEquals(Map.of(), OpProbes.decode(List.of(Op.MUL, Op.ADD), result(new double[] {0.91}, numbers)));
        assertEquals(Map.of(), OpProbes.decode(List.of(Op.MUL), result(null, numbers)));
        assertEquals(Map.of(), OpProbes.decode(List.of(Op.MUL), new Messages.Result(new Messages.Failure("forward:2",
                "boom", List.of()), new double[] {0.91}, numbers, null, null, "")));
    }

    @Test
    void aClassThatThrewIsUnknownNotGuilty() {
        double[] nan = new double[9];
        java.util.Arrays.fill(nan, Double.NaN);
        OpProbes.Behaviour b = OpProbes.decode(List.of(Op.MUL), result(new double[] {Double.NaN}, nan)).get(Op.MUL);
        assertFalse(b.overwrites(0) || b.ignoresUpstream(0) || b.resetsOwnGrad() || b.wrongLocal(0, 1));
    }
}
