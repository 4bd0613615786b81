package org.topograd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.topograd.spec.Op;

/** Each op's value and partials against closed forms written independently of Calculus. */
class CalculusTest {
    private static final double TIGHT = 1e-12;

    private static double value(Op op, double x, double y, double p) {
        return Calculus.value(op, x, y, p);
    }

    private static double partial(Op op, int k, double x, double y, double p) {
        return Calculus.partial(op, k, x, y, p, Calculus.value(op, x, y, p));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.5, -0.3, 0.7, 1.9, 4})
    void binaryOps(double x) {
        double y = 1.3 - x / 2; // a second operand that differs from x at every point
        assertEquals(x + y, value(Op.ADD, x, y, 0), TIGHT);
        assertEquals(1, partial(Op.ADD, 0, x, y, 0));
        assertEquals(1, partial(Op.ADD, 1, x, y, 0));

        assertEquals(x - y, value(Op.SUB, x, y, 0), TIGHT);
        assertEquals(1, partial(Op.SUB, 0, x, y, 0));
        assertEquals(-1, partial(Op.SUB, 1, x, y, 0));

        assertEquals(x * y, value(Op.MUL, x, y, 0), TIGHT);
        assertEquals(y, partial(Op.MUL, 0, x, y, 0), TIGHT);
        assertEquals(x, partial(Op.MUL, 1, x, y, 0), TIGHT);

        assertEquals(x / y, value(Op.DIV, x, y, 0), TIGHT);
        assertEquals(1 / y, partial(Op.DIV, 0, x, y, 0), TIGHT);
        assertEquals(-x / (y * y), partial(Op.DIV, 1, x, y, 0), TIGHT);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.5, -0.3, 0.7, 1.9, 4})
    void smoothUnaryOps(double x) {
        assertEquals(-x, value(Op.NEG, x, 0, 0));
        assertEquals(-1, partial(Op.NEG, 0, x, 0, 0));

        assertEquals(Math.exp(x), value(Op.EXP, x, 0, 0), TIGHT * Math.exp(x));
        assertEquals(Math.exp(x), partial(Op.EXP, 0, x, 0, 0), TIGHT * Math.exp(x));

        assertEquals(Math.sin(x), value(Op.SIN, x, 0, 0), TIGHT);
        assertEquals(Math.cos(x), partial(Op.SIN, 0, x, 0, 0), TIGHT);

        assertEquals(Math.cos(x), value(Op.COS, x, 0, 0), TIGHT);
        assertEquals(-Math.sin(x), partial(Op.COS, 0, x, 0, 0), TIGHT);

        double tanh = (Math.exp(x) - Math.exp(-x)) / (Math.exp(x) + Math.exp(-x));
        assertEquals(tanh, value(Op.TANH, x, 0, 0), TIGHT);
        double sech = 2 / (Math.exp(x) + Math.exp(-x));
        assertEquals(sech * sech, partial(Op.TANH, 0, x, 0, 0), TIGHT);

        double sigmoid = Math.exp(x) / (1 + Math.exp(x));
        assertEquals(sigmoid, value(Op.SIGMOID, x, 0, 0), TIGHT);
        assertEquals(Math.exp(-x) / Math.pow(1 + Math.exp(-x), 2), partial(Op.SIGMOID, 0, x, 0, 0), TIGHT);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.7, 1, 2.5, 40})
    void positiveDomainOps(double x) {
        assertEquals(Math.log(x), value(Op.LOG, x, 0, 0), TIGHT);
        assertEquals(1 / x, partial(Op.LOG, 0, x, 0, 0), TIGHT);

        assertEquals(Math.sqrt(x), value(Op.SQRT, x, 0, 0), TIGHT);
        assertEquals(1 / (2 * Math.sqrt(x)), partial(Op.SQRT, 0, x, 0, 0), TIGHT);

        assertEquals(x * x * x, value(Op.POW, x, 0, 3), TIGHT * x * x * x);
        assertEquals(3 * x * x, partial(Op.POW, 0, x, 0, 3), TIGHT * x * x);
        assertEquals(1 / Math.sqrt(x), value(Op.POW, x, 0, -0.5), TIGHT);
        assertEquals(-0.5 / (x * Math.sqrt(x)), partial(Op.POW, 0, x, 0, -0.5), TIGHT);
        assertEquals(0, partial(Op.POW, 0, x, 0, 0), "x ^ 0 is a constant");
    }

    @Test
    void reluFollowsThePyTorchConventionAtZero() {
        assertEquals(0, value(Op.RELU, 0, 0, 0));
        assertEquals(0, partial(Op.RELU, 0, 0, 0, 0), "relu'(0) = 0");
        assertEquals(0, partial(Op.RELU, 0, -0.0, 0, 0));
        assertEquals(2.5, value(Op.RELU, 2.5, 0, 0));
        assertEquals(1, partial(Op.RELU, 0, 2.5, 0, 0));
        assertEquals(0, value(Op.RELU, -2.5, 0, 0));
        assertEquals(0, partial(Op.RELU, 0, -2.5, 0, 0));
    }

    @Test
    void powerAtZeroBase() {
        assertEquals(0, value(Op.POW, 0, 0, 2));
        assertEquals(0, partial(Op.POW, 0, 0, 0, 2));
        assertEquals(1, partial(Op.POW, 0, 0, 0, 1), "d(x^1)/dx = 1 even at 0");
    }

    @Test
    void leavesHaveNoMath() {
        assertThrows(IllegalArgumentException.class, () -> Calculus.value(Op.INPUT, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Calculus.partial(Op.CONSTANT, 0, 1, 0, 0, 1));
    }
}
