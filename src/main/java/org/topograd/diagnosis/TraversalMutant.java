package org.topograd.diagnosis;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.topograd.engine.ReferenceEngine;
import org.topograd.naming.Mistake;
import org.topograd.spec.Graph;
import org.topograd.spec.Op;

/**
 * A mistake in the traversal ({@code Backprop.backward}) with right node {@code backward()}s: the
 * order of the calls, how often they run, or gradients reset at the wrong time. The traversal
 * check sees it with topograd's probe nodes' local derivatives; the end-to-end check with the ops'
 * real ones.
 */
public record TraversalMutant(String bug, String mistake, String fix, Traversal traversal) implements Mutant {

    public enum Traversal {
        /** {@code backward(node)}: node.backward(), then recurse into each input, first input first. */
        RECURSION,
        /** The same recursion, visiting the last input first. */
        RECURSION_LAST_INPUT_FIRST,
        /** The recursion with a visited set: each backward() once, but as soon as a first path reaches it. */
        RECURSION_WITH_VISITED_SET,
        /** backward() in topological order, inputs first, instead of in reverse. */
        NOT_REVERSED,
        /**
         * Every gradient zeroed after output.grad = 1 was set, or inside the loop, or the seed never
         * set: everything comes out 0.
         */
        RESET_AFTER_SEED
    }

    @Override
    public Set<Op> ops() {
        return EnumSet.copyOf(Op.operations());
    }

    @Override
    public Mistake.Kind kind() {
        return switch (traversal) {
            case RECURSION -> Mistake.Kind.RECURSION;
            case RECURSION_LAST_INPUT_FIRST -> Mistake.Kind.RECURSION_LAST_INPUT_FIRST;
            case RECURSION_WITH_VISITED_SET -> Mistake.Kind.RECURSION_WITH_VISITED_SET;
            case NOT_REVERSED -> Mistake.Kind.NOT_REVERSED;
            case RESET_AFTER_SEED -> Mistake.Kind.RESET_AFTER_SEED;
        };
    }

    /**
     * Every node's gradient from the mutant traversal with the output seeded 1 (as the student's
     * Backprop seeds it), or null when a recursion would make more than {@code budget} backward()
     * calls: on a large DAG the paths, and so the calls, grow exponentially.
     */
    public double[] grads(Graph graph, int[] order, ReferenceEngine.LocalDerivatives local, long budget) {
        double[] grads = new double[graph.size()];
        switch (traversal) {
            case RECURSION:
            case RECURSION_LAST_INPUT_FIRST:
                return recursionCalls(graph, order, budget) > budget ? null
                        : recursion(graph, local, traversal == Traversal.RECURSION, false, budget);
            case RECURSION_WITH_VISITED_SET:
                return recursion(graph, local, true, true, budget);
            case NOT_REVERSED: {
                // accumulate walks its order from the end, so the reversed order walks inputs first.
                int[] reversed = new int[order.length];
                for (int i = 0; i < order.length; i++) {
                    reversed[i] = order[order.length - 1 - i];
                }
                ReferenceEngine.accumulate(graph, reversed, 1, local, grads);
                return grads;
            }
            case RESET_AFTER_SEED:
                return grads;
            default:
                throw new IllegalStateException(traversal.toString());
        }
    }

    /**
     * How many backward() calls the recursion without a visited set makes, counted without making
     * them (and no more than {@code cap + 1}): one per path from the output to each node. A graph
     * with too many paths is then given up on at once, instead of after {@code cap} calls.
     *
     * @param order a topological order of the graph, inputs before the nodes that use them
     */
    static long recursionCalls(Graph graph, int[] order, long cap) {
        long most = cap == Long.MAX_VALUE ? cap : cap + 1;
        long[] paths = new long[graph.size()];
        paths[graph.output()] = 1;
        long calls = 0;
        for (int i = order.length - 1; i >= 0; i--) {
            int node = order[i];
            long p = paths[node];
            if (p == 0) {
                continue; // not reached from the output: the recursion never visits it
            }
            calls = sum(calls, p, most);
            int a = graph.first(node);
            if (a >= 0) {
                paths[a] = sum(paths[a], p, most);
            }
            int b = graph.second(node);
            if (b >= 0) {
                paths[b] = sum(paths[b], p, most);
            }
        }
        return calls;
    }

    /** {@code a + b} for counts of at most {@code most}, no more than {@code most}: the paths overflow a long. */
    private static long sum(long a, long b, long most) {
        return a >= most - b ? most : a + b;
    }

    /**
     * The recursive backward of the lecture's warning, with an explicit stack so that a chain of
     * thousands of nodes needs no deep call stack: pop a node, run its backward() with the
     * gradient it has at that moment, then visit its inputs, the whole of one input's subgraph
     * before the next input's (as the recursive calls would).
     */
    static double[] recursion(Graph graph, ReferenceEngine.LocalDerivatives local, boolean firstInputFirst,
            boolean visitedSet, long budget) {
        double[] grads = new double[graph.size()];
        grads[graph.output()] = 1;
        boolean[] visited = visitedSet ? new boolean[graph.size()] : null;
        int[] stack = new int[16];
        int depth = 0;
        stack[depth++] = graph.output();
        long calls = 0;
        while (depth > 0) {
            int node = stack[--depth];
            if (visited != null) {
                if (visited[node]) {
                    continue;
                }
                visited[node] = true;
            }
            if (++calls > budget) {
                return null;
            }
            int a = graph.first(node);
            if (a < 0) {
                continue; // a leaf's backward does nothing
            }
            double g = grads[node];
            grads[a] += g * local.of(node, 0);
            int b = graph.second(node);
            if (b >= 0) {
                grads[b] += g * local.of(node, 1);
            }
            if (depth + 2 > stack.length) {
                stack = Arrays.copyOf(stack, stack.length * 2);
            }
            // The top of the stack is visited next.
            if (b < 0) {
                stack[depth++] = a;
            } else if (firstInputFirst) {
                stack[depth++] = b;
                stack[depth++] = a;
            } else {
                stack[depth++] = a;
                stack[depth++] = b;
            }
        }
        return grads;
    }
}
