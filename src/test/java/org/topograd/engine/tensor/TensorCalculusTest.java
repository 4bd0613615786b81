package org.topograd.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.topograd.api.tensor.NDArray;
import org.topograd.spec.tensor.TensorOp;

/**
 * Every op's value and vector-Jacobian product against numbers worked out by hand, with a
 * gradient {@code G} that is not all ones, so a rule that drops {@code G}, transposes the wrong
 * operand or sums along the wrong axis gives a different number.
 */
class TensorCalculusTest {
    private static final NDArray M = NDArray.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}); // [2, 3]

    private static void assertArray(NDArray actual, double[] elements, int... shape) {
        assertArrayEquals(shape, actual.shape(), "shape of " + actual);
        assertArrayEquals(elements, actual.toArray(), 1e-12, actual.toString());
    }

    private static NDArray value(TensorOp op, NDArray a, NDArray b) {
        return TensorCalculus.value(op, a, b, 0);
    }

    private static NDArray vjp(TensorOp op, int k, NDArray g, NDArray a, NDArray b, double p) {
        return TensorCalculus.vjp(op, k, g, a, b, TensorCalculus.value(op, a, b, p), p);
    }

    @Test
    void additionSumsABroadcastOperandsGradientBackOverTheRepeatedAxis() {
        NDArray row = NDArray.vector(10, 20, 30);
        assertArray(value(TensorOp.ADD, M, row), new double[] {11, 22, 33, 14, 25, 36}, 2, 3);
        assertArray(vjp(TensorOp.ADD, 0, M, M, row, 0), new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArray(vjp(TensorOp.ADD, 1, M, M, row, 0), new double[] {5, 7, 9}, 3);
        NDArray column = NDArray.of(new double[] {10, 20}, 2, 1);
        assertArray(vjp(TensorOp.ADD, 1, M, M, column, 0), new double[] {6, 15}, 2, 1);
        assertArray(vjp(TensorOp.ADD, 0, M, NDArray.scalar(1), M, 0), new double[] {21});
    }

    @Test
    void subtractionNegatesTheRightOperandsGradient() {
        NDArray row = NDArray.vector(10, 20, 30);
        assertArray(value(TensorOp.SUB, M, row), new double[] {-9, -18, -27, -6, -15, -24}, 2, 3);
        assertArray(vjp(TensorOp.SUB, 0, M, M, row, 0), new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArray(vjp(TensorOp.SUB, 1, M, M, row, 0), new double[] {-5, -7, -9}, 3);
    }

    @Test
    void multiplicationTakesTheOtherOperandThenSumsBack() {
        NDArray row = NDArray.vector(2, 1, 0);
        assertArray(value(TensorOp.MUL, M, row), new double[] {2, 2, 0, 8, 5, 0}, 2, 3);
        assertArray(vjp(TensorOp.MUL, 0, M, M, row, 0), new double[] {2, 2, 0, 8, 5, 0}, 2, 3); // G * b
        assertArray(vjp(TensorOp.MUL, 1, M, M, row, 0), new double[] {17, 29, 45}, 3); // rows of G * a, summed
    }

    @Test
    void division() {
        NDArray a = NDArray.vector(1, 2);
        NDArray two = NDArray.scalar(2);
        NDArray g = NDArray.vector(1, 3);
        assertArray(value(TensorOp.DIV, a, two), new double[] {0.5, 1}, 2);
        assertArray(vjp(TensorOp.DIV, 0, g, a, two, 0), new double[] {0.5, 1.5}, 2); // G / b
        assertArray(vjp(TensorOp.DIV, 1, g, a, two, 0), new double[] {-(1 * 1 + 3 * 2) / 4.0}); // -sum(G a / b²)
    }

    @Test
    void elementwiseFunctions() {
        NDArray x = NDArray.vector(-1, 0.5, 2);
        NDArray g = NDArray.vector(1, 2, 3);
        double[] xs = {-1, 0.5, 2};
        double[] gs = {1, 2, 3};
        assertArray(value(TensorOp.NEG, x, null), new double[] {1, -0.5, -2}, 3);
        assertArray(vjp(TensorOp.NEG, 0, g, x, null, 0), new double[] {-1, -2, -3}, 3);
        double[] exp = new double[3];
        double[] log = new double[3];
        double[] sqrt = new double[3];
        double[] sin = new double[3];
        double[] cos = new double[3];
        double[] tanh = new double[3];
        double[] sigmoid = new double[3];
        double[] cube = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = xs[i];
            double s = 1 / (1 + Math.exp(-v));
            double t = Math.tanh(v);
            exp[i] = gs[i] * Math.exp(v);
            log[i] = gs[i] / Math.abs(v);
            sqrt[i] = gs[i] / (2 * Math.sqrt(Math.abs(v)));
            sin[i] = gs[i] * Math.cos(v);
            cos[i] = -gs[i] * Math.sin(v);
            tanh[i] = gs[i] * (1 - t * t);
            sigmoid[i] = gs[i] * s * (1 - s);
            cube[i] = gs[i] * 3 * v * v;
        }
        NDArray positive = x.map(Math::abs);
        assertArray(vjp(TensorOp.EXP, 0, g, x, null, 0), exp, 3);
        assertArray(vjp(TensorOp.LOG, 0, g, positive, null, 0), log, 3);
        assertArray(vjp(TensorOp.SQRT, 0, g, positive, null, 0), sqrt, 3);
        assertArray(vjp(TensorOp.SIN, 0, g, x, null, 0), sin, 3);
        assertArray(vjp(TensorOp.COS, 0, g, x, null, 0), cos, 3);
        assertArray(vjp(TensorOp.TANH, 0, g, x, null, 0), tanh, 3);
        assertArray(vjp(TensorOp.SIGMOID, 0, g, x, null, 0), sigmoid, 3);
        assertArray(vjp(TensorOp.POW, 0, g, x, null, 3), cube, 3);
        assertArray(TensorCalculus.value(TensorOp.POW, x, null, 3), new double[] {-1, 0.125, 8}, 3);
        assertArray(value(TensorOp.SIGMOID, NDArray.scalar(0), null), new double[] {0.5});
        assertArray(value(TensorOp.RELU, x, null), new double[] {0, 0.5, 2}, 3);
        assertArray(vjp(TensorOp.RELU, 0, g, x, null, 0), new double[] {0, 2, 3}, 3);
    }

    @Test
    void matmulOfTwoMatricesTransposesTheOtherOperand() {
        NDArray b = NDArray.matrix(new double[][] {{1, 0}, {0, 1}, {1, 1}}); // [3, 2]
        NDArray g = NDArray.matrix(new double[][] {{1, 2}, {3, 4}});
        assertArray(value(TensorOp.MATMUL, M, b), new double[] {4, 5, 10, 11}, 2, 2);
        assertArray(vjp(TensorOp.MATMUL, 0, g, M, b, 0), new double[] {1, 2, 3, 3, 4, 7}, 2, 3); // G bᵀ
        assertArray(vjp(TensorOp.MATMUL, 1, g, M, b, 0), new double[] {13, 18, 17, 24, 21, 30}, 3, 2); // aᵀ G
    }

    @Test
    void matmulOfSquareMatricesIsNotFooledByShapes() {
        // dA = G Bᵀ, not G B: with square operands both have the right shape, only the numbers differ.
        NDArray a = NDArray.matrix(new double[][] {{1, 2}, {3, 4}});
        NDArray b = NDArray.matrix(new double[][] {{0, 1}, {2, 3}});
        NDArray g = NDArray.matrix(new double[][] {{1, 0}, {0, 2}});
        assertArray(vjp(TensorOp.MATMUL, 0, g, a, b, 0), new double[] {0, 2, 2, 6}, 2, 2);
        assertArray(vjp(TensorOp.MATMUL, 1, g, a, b, 0), new double[] {1, 6, 2, 8}, 2, 2);
    }

    @Test
    void matmulOfAMatrixAndAVector() {
        NDArray v = NDArray.vector(1, 0, -1);
        NDArray g = NDArray.vector(1, 2);
        assertArray(value(TensorOp.MATMUL, M, v), new double[] {-2, -2}, 2);
        assertArray(vjp(TensorOp.MATMUL, 0, g, M, v, 0), new double[] {1, 0, -1, 2, 0, -2}, 2, 3); // outer(G, v)
        assertArray(vjp(TensorOp.MATMUL, 1, g, M, v, 0), new double[] {9, 12, 15}, 3); // Mᵀ G
    }

    @Test
    void matmulOfAVectorAndAMatrix() {
        NDArray v = NDArray.vector(1, -1);
        NDArray g = NDArray.vector(1, 2, 3);
        assertArray(value(TensorOp.MATMUL, v, M), new double[] {-3, -3, -3}, 3);
        assertArray(vjp(TensorOp.MATMUL, 0, g, v, M, 0), new double[] {14, 32}, 2); // M G
        assertArray(vjp(TensorOp.MATMUL, 1, g, v, M, 0), new double[] {1, 2, 3, -1, -2, -3}, 2, 3); // outer(v, G)
    }

    @Test
    void matmulOfTwoVectorsIsTheDotProduct() {
        NDArray a = NDArray.vector(1, 2, 3);
        NDArray b = NDArray.vector(4, 5, 6);
        NDArray g = NDArray.scalar(2);
        assertArray(value(TensorOp.MATMUL, a, b), new double[] {32});
        assertArray(vjp(TensorOp.MATMUL, 0, g, a, b, 0), new double[] {8, 10, 12}, 3);
        assertArray(vjp(TensorOp.MATMUL, 1, g, a, b, 0), new double[] {2, 4, 6}, 3);
    }

    @Test
    void transpose() {
        NDArray g = NDArray.matrix(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertArray(value(TensorOp.TRANSPOSE, M, null), new double[] {1, 4, 2, 5, 3, 6}, 3, 2);
        assertArray(vjp(TensorOp.TRANSPOSE, 0, g, M, null, 0), new double[] {1, 3, 5, 2, 4, 6}, 2, 3);
    }

    @Test
    void fullReductionsSpreadTheGradientOverEveryElement() {
        NDArray g = NDArray.scalar(2);
        assertArray(value(TensorOp.SUM, M, null), new double[] {21});
        assertArray(value(TensorOp.MEAN, M, null), new double[] {3.5});
        assertArray(vjp(TensorOp.SUM, 0, g, M, null, 0), new double[] {2, 2, 2, 2, 2, 2}, 2, 3);
        double third = 2.0 / 6;
        assertArray(vjp(TensorOp.MEAN, 0, g, M, null, 0), new double[] {third, third, third, third, third, third}, 2, 3);
    }

    @Test
    void axisReductionsCopyTheGradientBackAlongTheirOwnAxis() {
        assertArray(TensorCalculus.value(TensorOp.SUM_AXIS, M, null, 0), new double[] {5, 7, 9}, 3);
        assertArray(TensorCalculus.value(TensorOp.MEAN_AXIS, M, null, 1), new double[] {2, 5}, 2);
        NDArray g3 = NDArray.vector(1, 2, 3);
        NDArray g2 = NDArray.vector(1, 2);
        assertArray(vjp(TensorOp.SUM_AXIS, 0, g3, M, null, 0), new double[] {1, 2, 3, 1, 2, 3}, 2, 3);
        assertArray(vjp(TensorOp.SUM_AXIS, 0, g2, M, null, 1), new double[] {1, 1, 1, 2, 2, 2}, 2, 3);
        assertArray(vjp(TensorOp.MEAN_AXIS, 0, g3, M, null, 0), new double[] {0.5, 1, 1.5, 0.5, 1, 1.5}, 2, 3);
        double t = 1.0 / 3;
        assertArray(vjp(TensorOp.MEAN_AXIS, 0, g2, M, null, 1), new double[] {t, t, t, 2 * t, 2 * t, 2 * t}, 2, 3);
        assertArray(vjp(TensorOp.SUM_AXIS, 0, NDArray.scalar(4), g3, null, 0), new double[] {4, 4, 4}, 3);
    }

    @Test
    void softmaxAndItsJacobianWithTheCrossTerm() {
        NDArray x = NDArray.vector(0, Math.log(2), Math.log(3)); // exp(x) = 1, 2, 3: softmax = 1/6, 2/6, 3/6
        NDArray g = NDArray.vector(1, 0, 0);
        assertArray(value(TensorOp.SOFTMAX, x, null), new double[] {1.0 / 6, 2.0 / 6, 3.0 / 6}, 3);
        // s ⊙ (G - s·G) with s·G = 1/6
        assertArray(vjp(TensorOp.SOFTMAX, 0, g, x, null, 0), new double[] {5.0 / 36, -2.0 / 36, -3.0 / 36}, 3);
        assertArray(value(TensorOp.LOG_SOFTMAX, x, null),
                new double[] {Math.log(1.0 / 6), Math.log(2.0 / 6), Math.log(3.0 / 6)}, 3);
        // G - s Σ G
        assertArray(vjp(TensorOp.LOG_SOFTMAX, 0, g, x, null, 0), new double[] {5.0 / 6, -2.0 / 6, -3.0 / 6}, 3);
    }

    @Test
    void softmaxWorksRowByRow() {
        NDArray x = NDArray.matrix(new double[][] {{0, Math.log(3)}, {Math.log(4), 0}});
        assertArray(value(TensorOp.SOFTMAX, x, null), new double[] {0.25, 0.75, 0.8, 0.2}, 2, 2);
        NDArray g = NDArray.matrix(new double[][] {{1, 0}, {0, 1}});
        // row 0: s = (1/4, 3/4), s·G = 1/4; row 1: s = (4/5, 1/5), s·G = 1/5
        assertArray(vjp(TensorOp.SOFTMAX, 0, g, x, null, 0),
                new double[] {0.25 * 0.75, 0.75 * -0.25, 0.8 * -0.2, 0.2 * 0.8}, 2, 2);
    }

    @Test
    void softmaxFamilyIsStableForHugeLogits() {
        NDArray x = NDArray.matrix(new double[][] {{1000, 0}, {-1000, -1000}});
        assertArray(value(TensorOp.SOFTMAX, x, null), new double[] {1, 0, 0.5, 0.5}, 2, 2);
        assertArray(value(TensorOp.LOG_SOFTMAX, x, null), new double[] {0, -1000, -Math.log(2), -Math.log(2)}, 2, 2);
        NDArray labels = NDArray.vector(1, 0);
        NDArray loss = value(TensorOp.CROSS_ENTROPY, x, labels);
        assertEquals((1000 + Math.log(2)) / 2, loss.item(), 1e-9);
        NDArray grad = vjp(TensorOp.CROSS_ENTROPY, 0, NDArray.scalar(1), x, labels, 0);
        assertArray(grad, new double[] {0.5, -0.5, -0.25, 0.25}, 2, 2);
    }

    @Test
    void crossEntropyOfAKnownBatch() {
        NDArray logits = NDArray.matrix(new double[][] {{1, 2, 3}, {1, 2, 3}});
        NDArray labels = NDArray.vector(2, 0);
        // -log_softmax([1, 2, 3]) = [2.40760596444, 1.40760596444, 0.40760596444]
        assertEquals((0.40760596444 + 2.40760596444) / 2, value(TensorOp.CROSS_ENTROPY, logits, labels).item(), 1e-10);
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        double s0 = Math.exp(1) / z;
        double s1 = Math.exp(2) / z;
        double s2 = Math.exp(3) / z;
        // (softmax - onehot) * G / N with G = 3, N = 2
        NDArray grad = vjp(TensorOp.CROSS_ENTROPY, 0, NDArray.scalar(3), logits, labels, 0);
        assertArray(grad, new double[] {1.5 * s0, 1.5 * s1, 1.5 * (s2 - 1), 1.5 * (s0 - 1), 1.5 * s1, 1.5 * s2}, 2, 3);
        assertArray(vjp(TensorOp.CROSS_ENTROPY, 1, NDArray.scalar(3), logits, labels, 0), new double[] {0, 0}, 2);
    }

    @Test
    void crossEntropyOfOneRowWithAScalarLabel() {
        NDArray logits = NDArray.vector(1, 2, 3);
        assertEquals(0.40760596444, value(TensorOp.CROSS_ENTROPY, logits, NDArray.scalar(2)).item(), 1e-10);
        NDArray grad = vjp(TensorOp.CROSS_ENTROPY, 0, NDArray.scalar(1), logits, NDArray.scalar(2), 0);
        assertEquals(0, grad.sum().item(), 1e-15, "softmax - onehot sums to 0");
        assertTrue(grad.get(2) < 0 && grad.get(0) > 0, grad.toString());
    }
}
