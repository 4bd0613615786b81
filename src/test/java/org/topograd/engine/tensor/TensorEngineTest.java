package org.topograd.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topograd.api.tensor.NDArray;
import org.topograd.spec.tensor.Shape;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;

/** The traversal: order, forward, and accumulation over shared nodes, against hand-computed values. */
class TensorEngineTest {
    private static void assertArray(NDArray actual, double[] elements, int... shape) {
        assertArrayEquals(shape, actual.shape(), "shape of " + actual);
        assertArrayEquals(elements, actual.toArray(), 1e-12, actual.toString());
    }

    /** The example: {@code loss = cross_entropy(X @ W + b, y)}. */
    private static TensorGraph affineWithCrossEntropy() {
        TensorGraph.Builder g = TensorGraph.builder();
        int x = g.input("X", Shape.of(2, 3));
        int w = g.input("W", Shape.of(3, 2));
        int b = g.input("b", Shape.of(2));
        int y = g.name(g.constant(Shape.of(2), new double[] {1, 0}, "y"), "y");
        int z = g.name(g.binary(TensorOp.ADD, g.binary(TensorOp.MATMUL, x, w, "X @ W"), b, "X @ W + b"), "z");
        return g.build(g.name(g.binary(TensorOp.CROSS_ENTROPY, z, y, null), "loss"));
    }

    @Test
    void anAffineLayerWithCrossEntropyByHand() {
        TensorGraph graph = affineWithCrossEntropy();
        NDArray x = NDArray.matrix(new double[][] {{1, 0, 1}, {0, 1, 0}});
        NDArray w = NDArray.matrix(new double[][] {{1, 0}, {0, 1}, {1, 0}});
        NDArray b = NDArray.vector(0, Math.log(2));
        TensorEngine.Evaluation e = TensorEngine.evaluate(graph, List.of(x, w, b));
        // z = [[2, ln2], [0, 1 + ln2]]; row 0's label is 1, row 1's is 0.
        assertArray(e.values()[graph.node("z").orElseThrow()], new double[] {2, Math.log(2), 0, 1 + Math.log(2)}, 2, 2);
        double lse0 = Math.log(Math.exp(2) + 2);
        double lse1 = Math.log(1 + 2 * Math.E);
        assertEquals(((lse0 - Math.log(2)) + lse1) / 2, e.output(graph).item(), 1e-12);
        // dz = (softmax(z) - onehot(y)) / 2
        double[] s0 = {Math.exp(2) / (Math.exp(2) + 2), 2 / (Math.exp(2) + 2)};
        double[] s1 = {1 / (1 + 2 * Math.E), 2 * Math.E / (1 + 2 * Math.E)};
        double[] dz = {s0[0] / 2, (s0[1] - 1) / 2, (s1[0] - 1) / 2, s1[1] / 2};
        assertArray(e.grads()[graph.node("z").orElseThrow()], dz, 2, 2);
        assertArray(e.inputGrad(graph, 2), new double[] {dz[0] + dz[2], dz[1] + dz[3]}, 2); // db: dz summed over rows
        // dX = dz Wᵀ, dW = Xᵀ dz
        assertArray(e.inputGrad(graph, 0), new double[] {dz[0], dz[1], dz[0], dz[2], dz[3], dz[2]}, 2, 3);
        assertArray(e.inputGrad(graph, 1), new double[] {dz[0], dz[1], dz[2], dz[3], dz[0], dz[1]}, 3, 2);
        // Constants are not differentiated: the labels' gradient stays zeros.
        assertArray(e.grads()[graph.node("y").orElseThrow()], new double[] {0, 0}, 2);
    }

    @Test
    void aNodeUsedTwiceReceivesBothPaths() {
        // out = sum(y * y) + sum(y) with y = x + 1: d/dx = 2y + 1.
        TensorGraph.Builder g = TensorGraph.builder();
        int x = g.input("x", Shape.of(3));
        int y = g.binary(TensorOp.ADD, x, g.constant(1, "1"), null);
        int square = g.unary(TensorOp.SUM, g.binary(TensorOp.MUL, y, y, null), null);
        TensorGraph graph = g.build(g.binary(TensorOp.ADD, square, g.unary(TensorOp.SUM, y, null), null));
        TensorEngine.Evaluation e = TensorEngine.evaluate(graph, List.of(NDArray.vector(0, 1, -2)));
        assertEquals(1 + 4 + 1 + (1 + 2 - 1), e.output(graph).item(), 1e-12);
        assertArray(e.inputGrad(graph, 0), new double[] {3, 5, -1}, 3);
    }

    @Test
    void theSeedScalesEveryGradient() {
        TensorGraph graph = affineWithCrossEntropy();
        List<NDArray> inputs = List.of(NDArray.full(0.5, 2, 3), NDArray.full(-0.25, 3, 2), NDArray.vector(1, 2));
        TensorEngine.Evaluation one = TensorEngine.evaluate(graph, inputs);
        NDArray[] three = TensorEngine.backward(graph, one.order(), one.values(), NDArray.scalar(3));
        for (int k = 0; k < 3; k++) {
            assertArray(three[graph.inputNode(k)], one.inputGrad(graph, k).times(3).toArray(),
                    one.inputGrad(graph, k).shape());
        }
        assertThrows(IllegalArgumentException.class,
                () -> TensorEngine.backward(graph, one.order(), one.values(), NDArray.vector(1)));
    }

    @Test
    void theOrderPutsEveryNodeAfterItsOperandsAndLeavesOutWhatTheOutputDoesNotUse() {
        TensorGraph.Builder g = TensorGraph.builder();
        int unused = g.input("unused", Shape.of(2, 2));
        int x = g.input("x", Shape.of(2));
        int t = g.unary(TensorOp.TANH, x, null);
        int dead = g.unary(TensorOp.EXP, unused, null);
        TensorGraph graph = g.build(g.unary(TensorOp.SUM, g.binary(TensorOp.MUL, t, x, null), null));
        int[] order = TensorEngine.topologicalOrder(graph);
        assertEquals(graph.output(), order[order.length - 1]);
        assertTrue(Arrays.stream(order).noneMatch(n -> n == unused || n == dead), Arrays.toString(order));
        for (int i = 0; i < order.length; i++) {
            int node = order[i];
            for (int k = 0; k < graph.operandCount(node); k++) {
                int operand = k == 0 ? graph.first(node) : graph.second(node);
                assertTrue(Arrays.stream(order).limit(i).anyMatch(n -> n == operand), "operand before " + node);
            }
        }
        TensorEngine.Evaluation e = TensorEngine.evaluate(graph, List.of(NDArray.ones(2, 2), NDArray.vector(0, 1)));
        assertArray(e.inputGrad(graph, 0), new double[4], 2, 2); // unreachable: zeros of its shape
        double t1 = Math.tanh(1);
        assertArray(e.inputGrad(graph, 1), new double[] {0, t1 + (1 - t1 * t1)}, 2); // tanh(x) + x sech²(x)
    }

    @Test
    void inputsOfTheWrongNumberOrShapeAreRefusedByName() {
        TensorGraph graph = affineWithCrossEntropy();
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> TensorEngine.evaluate(graph, List.of(NDArray.zeros(2, 3))));
        assertTrue(count.getMessage().contains("[X, W, b]"), count.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> TensorEngine.evaluate(graph,
                List.of(NDArray.zeros(2, 3), NDArray.zeros(2, 3), NDArray.zeros(2))));
        assertTrue(shape.getMessage().contains("W") && shape.getMessage().contains("[3, 2]")
                && shape.getMessage().contains("[2, 3]"), shape.getMessage());
    }

    @Test
    void aRuleThatGivesAGradientOfTheWrongShapeIsCaughtNotBroadcast() {
        // b's gradient not summed back over the batch: [2, 2] for a [2] operand.
        TensorDerivatives notSummed = (op, k, g, a, b, out, p) -> op == TensorOp.ADD ? g
                : TensorCalculus.vjp(op, k, g, a, b, out, p);
        TensorGraph graph = affineWithCrossEntropy();
        List<NDArray> inputs = List.of(NDArray.ones(2, 3), NDArray.ones(3, 2), NDArray.vector(1, 2));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TensorEngine.evaluate(graph, inputs, notSummed));
        assertTrue(e.getMessage().contains("b, shape [2]") && e.getMessage().contains("[2, 2]"), e.getMessage());
    }

    @Test
    void flattenAndUnflattenAreInverses() {
        List<NDArray> tensors = List.of(NDArray.scalar(1), NDArray.vector(2, 3), NDArray.matrix(new double[][] {{4, 5}}));
        double[] flat = TensorGradients.flatten(tensors);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, flat);
        assertEquals(tensors, TensorGradients.unflatten(flat, tensors.stream().map(NDArray::shape).toList()));
        assertEquals(new TensorGradients.Element(2, 1), TensorGradients.locate(tensors, 4));
        assertEquals(new TensorGradients.Element(1, 0), TensorGradients.locate(tensors, 1));
    }
}
