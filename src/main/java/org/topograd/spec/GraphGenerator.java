package org.topograd.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Graphs too large to write by hand, for deep and fuzz specs and for benchmarks. Both shapes are
 * deterministic in their parameters (SplittableRandom's sequence is fixed by its specification).
 */
public final class GraphGenerator {
    private GraphGenerator() {}

    /** {@code input} through {@code length} applications of the unary {@code op}: op(op(...op(x))). */
    public static Graph chain(String input, Op op, int length) {
        if (op.arity() != Op.Arity.UNARY) {
            throw new IllegalArgumentException("a chain needs a unary op, not " + op.specName());
        }
        Graph.Builder b = Graph.builder();
        int node = b.input(input);
        for (int i = 0; i < length; i++) {
            node = b.unary(op, node, null);
        }
        return b.build(node);
    }

    /**
     * A random DAG: after the inputs, {@code nodes} operations drawn from {@code ops}, each taking its
     * operands from the {@code window} nodes before it; {@code pow} squares. The first operand is the
     * oldest node in the window that nothing uses yet, if there is one, so that almost every node
     * feeds a later one; other operands are uniform over the window. The output is the sum of the
     * nodes left unused (added one at a time; at most about {@code window} of them), so every node
     * is reachable from the output.
     */
    public static Graph randomDag(List<String> inputs, int nodes, List<Op> ops, long seed, int window) {
        if (inputs.isEmpty() || ops.isEmpty() || window < 1) {
            throw new IllegalArgumentException("a random DAG needs inputs, ops and a window of at least 1");
        }
        SplittableRandom random = new SplittableRandom(seed);
        Graph.Builder b = Graph.builder();
        boolean[] used = new boolean[inputs.size() + nodes];
        Deque<Integer> unused = new ArrayDeque<>(); // in id order; used ones are dropped lazily
        List<Integer> sinks = new ArrayList<>();
        for (String input : inputs) {
            unused.addLast(b.input(input));
        }
        int[] operands = new int[2];
        for (int i = 0; i < nodes; i++) {
            Op op = ops.get(random.nextInt(ops.size()));
            int size = b.size();
            int low = Math.max(0, size - window);
            while (!unused.isEmpty() && (used[unused.peekFirst()] || unused.peekFirst() < low)) {
                int dropped = unused.removeFirst();
                if (!used[dropped]) {
                    sinks.add(dropped); // out of every later node's window
                }
            }
            for (int k = 0; k < op.arity().operands(); k++) {
                operands[k] = k == 0 && !unused.isEmpty() ? unused.removeFirst() : random.nextInt(low, size);
                used[operands[k]] = true;
            }
            unused.addLast(b.operation(op, operands, 2, null));
        }
        for (int node : unused) {
            if (!used[node]) {
                sinks.add(node);
            }
        }
        sinks.sort(null);
        int sum = sinks.get(0);
        for (int k = 1; k < sinks.size(); k++) {
            sum = b.binary(Op.ADD, sum, sinks.get(k), null);
        }
        return b.build(sum);
    }
}
