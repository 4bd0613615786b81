package org.topograd.diagnosis;

import java.util.Set;
import org.topograd.engine.Derivatives;
import org.topograd.engine.ReferenceEngine;
import org.topograd.naming.Mistake;
import org.topograd.spec.Graph;
import org.topograd.spec.Op;

/**
 * A mistake inside a node's {@code backward()}: how it writes into its inputs' gradients
 * ({@link Write}), or which local derivative it uses (a wrong {@link Derivatives} rule for some
 * ops). The traversal stays right: this is what the gradient check sees, where topograd drives the
 * student's nodes in reverse topological order.
 *
 * @param ops the ops whose backward the mistake changes
 */
public record NodeMutant(String bug, String mistake, String fix, Write write, Derivatives rule, Set<Op> ops)
        implements Mutant {

    public NodeMutant {
        ops = Set.copyOf(ops);
    }

    @Override
    public Mistake.Kind kind() {
        return switch (write) {
            case ACCUMULATE -> Mistake.Kind.RULE;
            case ASSIGN -> Mistake.Kind.ASSIGN;
            case IGNORE_UPSTREAM -> Mistake.Kind.IGNORE_UPSTREAM;
            case RESET_AFTER_BACKWARD -> Mistake.Kind.RESET_AFTER_BACKWARD;
        };
    }

    /** The mutant's local derivatives at the reference values: node {@code i}'s at {@code 2i} and {@code 2i + 1}. */
    public double[] partials(Graph graph, double[] values) {
        return partials(rule, graph, values);
    }

    /**
     * A rule's local derivatives at the given values: node {@code i}'s at {@code 2i} and
     * {@code 2i + 1}, 0 for leaves.
     */
    public static double[] partials(Derivatives rule, Graph graph, double[] values) {
        double[] partials = new double[2 * graph.size()];
        for (int node = 0; node < graph.size(); node++) {
            int b = graph.second(node);
            for (int k = 0; k < graph.operandCount(node); k++) {
                partials[2 * node + k] = rule.partial(graph.op(node), k, values[graph.first(node)],
                        b < 0 ? 0 : values[b], graph.param(node), values[node]);
            }
        }
        return partials;
    }

    /** How {@code backward()} puts its share into an input's gradient. */
    public enum Write {
        /** {@code input.grad += grad * local}: right. */
        ACCUMULATE,
        /** {@code input.grad = grad * local}: the last write wins. */
        ASSIGN,
        /** {@code input.grad += local}: the upstream gradient is never multiplied in. */
        IGNORE_UPSTREAM,
        /**
         * Right, then {@code grad = 0} at the end of the node's own backward(): the node's gradient
         * is gone once the pass is over (topograd's Input never resets, so inputs keep theirs).
         */
        RESET_AFTER_BACKWARD
    }

    /**
     * Every node's gradient when the output's gradient is {@code seed} and the nodes' backward()s
     * are called in reverse of {@code order}, as the gradient check calls them.
     */
    public double[] grads(Graph graph, int[] order, double[] values, double seed) {
        switch (write) {
            case ACCUMULATE:
                return ReferenceEngine.backward(graph, order, values, seed, rule);
            case ASSIGN: {
                // With '=' only the last write into a node survives, and in reverse topological
                // order a node's own gradient is final before it writes: so the result is the
                // right accumulation with every other edge into a node counted as 0.
                double[] grads = new double[graph.size()];
                ReferenceEngine.accumulate(graph, order, seed, lastWriteOnly(graph, order, local(graph, values)),
                        grads);
                return grads;
            }
            case IGNORE_UPSTREAM: {
                // input.grad += local: each node's gradient is the sum of the local derivatives
                // of its uses, whatever the order; only the output keeps the seed it was given.
                ReferenceEngine.LocalDerivatives local = local(graph, values);
                double[] grads = new double[graph.size()];
                grads[graph.output()] = seed;
                for (int node : order) {
                    for (int k = 0; k < graph.operandCount(node); k++) {
                        grads[graph.operand(node, k)] += local.of(node, k);
                    }
                }
                return grads;
            }
            case RESET_AFTER_BACKWARD: {
                // In reverse topological order nothing adds to a node after its own backward(), so
                // the reset loses only the node's own, final gradient.
                double[] grads = ReferenceEngine.backward(graph, order, values, seed, rule);
                for (int node : order) {
                    if (!graph.op(node).isLeaf()) {
                        grads[node] = 0;
                    }
                }
                return grads;
            }
            default:
                throw new IllegalStateException(write.toString());
        }
    }

    /** The mutant's local derivatives at the reference values. */
    private ReferenceEngine.LocalDerivatives local(Graph graph, double[] values) {
        return (node, k) -> {
            int b = graph.second(node);
            return rule.partial(graph.op(node), k, values[graph.first(node)], b < 0 ? 0 : values[b],
                    graph.param(node), values[node]);
        };
    }

    /**
     * The local derivatives with every edge but the last one written into each node set to 0, the
     * last in the order the gradient check calls backward (reverse topological; operand 0 first).
     */
    static ReferenceEngine.LocalDerivatives lastWriteOnly(Graph graph, int[] order,
            ReferenceEngine.LocalDerivatives local) {
        int[] lastEdge = new int[graph.size()];
        java.util.Arrays.fill(lastEdge, -1);
        for (int i = order.length - 1; i >= 0; i--) {
            int node = order[i];
            for (int k = 0; k < graph.operandCount(node); k++) {
                lastEdge[graph.operand(node, k)] = 2 * node + k;
            }
        }
        return (node, k) -> lastEdge[graph.operand(node, k)] == 2 * node + k ? local.of(node, k) : 0;
    }
}
