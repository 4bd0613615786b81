package org.topograd.engine;

import org.topograd.spec.Dag;
import org.topograd.spec.Graph;
import org.topograd.spec.Op;

/**
 * Topological sort, forward and reverse accumulation over a {@link Graph}: the lecture's
 * algorithm, and the answer every student's work is compared with.
 *
 * <p>Arrays are indexed by node id; a node not reachable from the output keeps 0 and is absent
 * from the order.
 */
public final class ReferenceEngine {
    private ReferenceEngine() {}

    /** Values and gradients of one evaluation at one input point. */
    public record Evaluation(int[] order, double[] values, double[] grads) {
        public double output(Graph graph) {
            return values[graph.output()];
        }
    }

    /** Order, forward, and backward with the output's gradient seeded to 1. */
    public static Evaluation evaluate(Graph graph, double[] inputs) {
        int[] order = topologicalOrder(graph);
        double[] values = forward(graph, order, inputs);
        return new Evaluation(order, values, backward(graph, order, values, 1));
    }

    /**
     * Every node reachable from the output, each once, each after all of its operands: an iterative
     * depth-first search in post-order, so a chain of a million nodes needs no deep call stack.
     * Scalar and tensor graphs alike.
     */
    public static int[] topologicalOrder(Dag graph) {
        int n = graph.size();
        int[] order = new int[n];
        int count = 0;
        boolean[] seen = new boolean[n];
        int[] stack = new int[n];
        int[] nextOperand = new int[n];
        int depth = 0;
        stack[depth++] = graph.output();
        seen[graph.output()] = true;
        while (depth > 0) {
            int node = stack[depth - 1];
            int k = nextOperand[node];
            if (k < graph.operandCount(node)) {
                nextOperand[node] = k + 1;
                int operand = k == 0 ? graph.first(node) : graph.second(node);
                if (!seen[operand]) {
                    seen[operand] = true;
                    stack[depth++] = operand;
                }
            } else {
                depth--;
                order[count++] = node;
            }
        }
        return count == n ? order : java.util.Arrays.copyOf(order, count);
    }

    /** Every node's value, computed in topological order from the input values (in input order). */
    public static double[] forward(Graph graph, int[] order, double[] inputs) {
        double[] values = new double[graph.size()];
        forward(graph, order, inputs, values);
        return values;
    }

    /** {@link #forward(Graph, int[], double[])} into a caller's array, for repeated evaluation. */
    public static void forward(Graph graph, int[] order, double[] inputs, double[] values) {
        for (int k = 0; k < graph.inputCount(); k++) {
            values[graph.inputNode(k)] = inputs[k];
        }
        for (int node : order) {
            Op op = graph.op(node);
            if (op == Op.CONSTANT) {
                values[node] = graph.param(node);
            } else if (op != Op.INPUT) {
                int b = graph.second(node);
                values[node] = Calculus.value(op, values[graph.first(node)], b < 0 ? 0 : values[b], graph.param(node));
            }
        }
    }

    /** Every node's gradient: d(output)/d(node) times {@code seed}. */
    public static double[] backward(Graph graph, int[] order, double[] values, double seed) {
        return backward(graph, order, values, seed, Derivatives.EXACT);
    }

    /** Backward with a given derivative rule (the mutants' wrong rules, for instance). */
    public static double[] backward(Graph graph, int[] order, double[] values, double seed, Derivatives rule) {
        double[] grads = new double[graph.size()];
        backward(graph, order, values, seed, rule, grads);
        return grads;
    }

    /** Backward into a caller's array, which must be all zeros. */
    public static void backward(Graph graph, int[] order, double[] values, double seed, Derivatives rule,
            double[] grads) {
        accumulate(graph, order, seed, (node, k) -> {
            int b = graph.second(node);
            return rule.partial(graph.op(node), k, values[graph.first(node)], b < 0 ? 0 : values[b],
                    graph.param(node), values[node]);
        }, grads);
    }

    /** The local derivative of a node with respect to its operand {@code k}, however obtained. */
    @FunctionalInterface
    public interface LocalDerivatives {
        double of(int node, int k);
    }

    /**
     * Reverse accumulation with given local derivatives: the output's gradient is {@code seed};
     * visiting nodes in reverse topological order, each adds {@code grad * local} to each operand,
     * so a node's gradient is complete, summed over all of its parents, before its own turn.
     * {@code grads} must be all zeros.
     */
    public static void accumulate(Graph graph, int[] order, double seed, LocalDerivatives local, double[] grads) {
        grads[graph.output()] = seed;
        for (int i = order.length - 1; i >= 0; i--) {
            int node = order[i];
            int a = graph.first(node);
            if (a < 0) {
                continue; // a leaf
            }
            double g = grads[node];
            grads[a] += g * local.of(node, 0);
            int b = graph.second(node);
            if (b >= 0) {
                grads[b] += g * local.of(node, 1);
            }
        }
    }
}
