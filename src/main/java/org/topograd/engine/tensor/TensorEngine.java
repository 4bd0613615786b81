package org.topograd.engine.tensor;

import java.util.Arrays;
import java.util.List;
import org.topograd.api.tensor.NDArray;
import org.topograd.engine.ReferenceEngine;
import org.topograd.spec.tensor.Shape;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;

/**
 * Topological sort, forward and reverse accumulation over a {@link TensorGraph}: the scalar
 * {@link org.topograd.engine.ReferenceEngine}'s algorithm with arrays, and the answer every
 * student's tensor work is compared with.
 *
 * <p>Arrays are indexed by node id. Every node's gradient starts as zeros of its shape, so a node
 * not reachable from the output (or a constant, which is never differentiated) keeps zeros, and
 * every gradient has its node's shape.
 */
public final class TensorEngine {
    private TensorEngine() {}

    /** Values and gradients of one evaluation at one input point; {@code order} holds the reachable nodes. */
    public record Evaluation(int[] order, NDArray[] values, NDArray[] grads) {
        /** The output's value, a scalar. */
        public NDArray output(TensorGraph graph) {
            return values[graph.output()];
        }

        /** The gradient of input {@code k} (in declaration order). */
        public NDArray inputGrad(TensorGraph graph, int k) {
            return grads[graph.inputNode(k)];
        }
    }

    /** Order, forward, and backward with the output's gradient seeded to 1. */
    public static Evaluation evaluate(TensorGraph graph, List<NDArray> inputs) {
        return evaluate(graph, inputs, TensorDerivatives.EXACT);
    }

    /** {@link #evaluate(TensorGraph, List)} with a given vector-Jacobian rule (a mutant's, for instance). */
    public static Evaluation evaluate(TensorGraph graph, List<NDArray> inputs, TensorDerivatives rule) {
        int[] order = topologicalOrder(graph);
        NDArray[] values = forward(graph, order, inputs);
        NDArray seed = NDArray.ones(graph.shape(graph.output()).dims());
        return new Evaluation(order, values, backward(graph, order, values, seed, rule));
    }

    /** Every node reachable from the output, each once, each after all of its operands: the scalar engine's sort. */
    public static int[] topologicalOrder(TensorGraph graph) {
        return ReferenceEngine.topologicalOrder(graph);
    }

    /**
     * Every reachable node's value, computed in topological order from the input values (in
     * declaration order); nodes off the order stay null.
     *
     * @throws IllegalArgumentException if the number of inputs or an input's shape is not the graph's
     */
    public static NDArray[] forward(TensorGraph graph, int[] order, List<NDArray> inputs) {
        if (inputs.size() != graph.inputCount()) {
            throw new IllegalArgumentException("the graph has " + graph.inputCount() + " inputs " + graph.inputNames()
                    + ", and " + inputs.size() + " values were given");
        }
        NDArray[] values = new NDArray[graph.size()];
        for (int k = 0; k < inputs.size(); k++) {
            int node = graph.inputNode(k);
            NDArray x = inputs.get(k);
            if (!x.hasShape(graph.shape(node).dims())) {
                throw new IllegalArgumentException("input " + graph.label(node) + " has shape " + graph.shape(node)
                        + ", and the value given has shape " + Arrays.toString(x.shape()));
            }
            values[node] = x;
        }
        for (int node : order) {
            TensorOp op = graph.op(node);
            if (op == TensorOp.CONSTANT) {
                values[node] = NDArray.of(graph.constant(node), graph.shape(node).dims());
            } else if (op != TensorOp.INPUT) {
                int b = graph.second(node);
                values[node] = TensorCalculus.value(op, values[graph.first(node)], b < 0 ? null : values[b],
                        graph.param(node));
            }
        }
        return values;
    }

    /** Every node's gradient: d(output)/d(node), element by element, times {@code seed}. */
    public static NDArray[] backward(TensorGraph graph, int[] order, NDArray[] values, NDArray seed) {
        return backward(graph, order, values, seed, TensorDerivatives.EXACT);
    }

    /**
     * Reverse accumulation: the output's gradient is {@code seed} (of the output's shape); visiting
     * nodes in reverse topological order, each adds its vector-Jacobian product to each operand,
     * so a node's gradient is complete, summed over all of its users, before its own turn.
     * Constants receive nothing: they are not differentiated, and cross-entropy's labels have no
     * gradient at all.
     */
    public static NDArray[] backward(TensorGraph graph, int[] order, NDArray[] values, NDArray seed,
            TensorDerivatives rule) {
        Shape outputShape = graph.shape(graph.output());
        if (!seed.hasShape(outputShape.dims())) {
            throw new IllegalArgumentException("the seed has shape " + Arrays.toString(seed.shape())
                    + " and the output " + outputShape);
        }
        // null until a node's first share arrives: the first share is the sum so far, no add to zeros needed.
        NDArray[] grads = new NDArray[graph.size()];
        grads[graph.output()] = seed;
        for (int i = order.length - 1; i >= 0; i--) {
            int node = order[i];
            TensorOp op = graph.op(node);
            if (op.isLeaf()) {
                continue;
            }
            int a = graph.first(node);
            int b = graph.second(node);
            NDArray av = values[a];
            NDArray bv = b < 0 ? null : values[b];
            NDArray g = grads[node] != null ? grads[node] : NDArray.zeros(graph.shape(node).dims());
            for (int k = 0; k < graph.operandCount(node); k++) {
                int operand = k == 0 ? a : b;
                if (graph.op(operand) == TensorOp.CONSTANT) {
                    continue;
                }
                NDArray share = rule.vjp(op, k, g, av, bv, values[node], graph.param(node));
                if (!share.hasShape(graph.shape(operand).dims())) {
                    // plus() would broadcast a wrong-shaped share into a wrong-shaped gradient, silently.
                    throw new IllegalStateException("the rule for " + op.specName() + " gave operand " + k + " ("
                            + graph.label(operand) + ", shape " + graph.shape(operand) + ") a gradient of shape "
                            + Arrays.toString(share.shape()));
                }
                grads[operand] = grads[operand] == null ? share : grads[operand].plus(share);
            }
        }
        for (int node = 0; node < grads.length; node++) {
            if (grads[node] == null) {
                grads[node] = NDArray.zeros(graph.shape(node).dims());
            }
        }
        return grads;
    }
}
