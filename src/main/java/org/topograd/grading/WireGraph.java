package org.topograd.grading;

import java.util.EnumSet;
import java.util.Set;
import org.topograd.spec.Dag;
import org.topograd.spec.Graph;
import org.topograd.spec.Op;
import org.topograd.worker.Messages;

/**
 * A graph as a worker receives it: structure and nothing else. An op node's kind is
 * {@code OP_BASE + } its position in {@link Op#operations()}, which is also its position in the
 * worker's binding.
 */
public final class WireGraph {
    private WireGraph() {}

    public static Messages.GraphMessage of(int id, Graph graph) {
        int n = graph.size();
        int[] kinds = new int[n];
        int[] first = new int[n];
        int[] second = new int[n];
        double[] params = new double[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            Op op = graph.op(i);
            kinds[i] = op == Op.INPUT ? Messages.INPUT : op == Op.CONSTANT ? Messages.CONSTANT : kind(op);
            first[i] = graph.first(i);
            second[i] = graph.second(i);
            params[i] = op == Op.INPUT ? 0 : graph.param(i);
            names[i] = op == Op.INPUT ? graph.label(i) : null;
        }
        return new Messages.GraphMessage(id, kinds, first, second, params, names, graph.output());
    }

    private static int kind(Op op) {
        return Messages.OP_BASE + Op.operations().indexOf(op);
    }

    /** The ops of the nodes reachable from the output. */
    public static Set<Op> ops(Graph graph, int[] order) {
        Set<Op> ops = EnumSet.noneOf(Op.class);
        for (int node : order) {
            if (!graph.op(node).isLeaf()) {
                ops.add(graph.op(node));
            }
        }
        return ops;
    }

    /** The ops of the nodes reachable from the output, found by walking the operands (no order needed). */
    public static Set<Op> ops(Graph graph) {
        return ops(graph, reachable(graph));
    }

    /**
     * The nodes reachable from the output, scalar or tensor graph alike, found by walking the operands:
     * no topological sort, which lives in the reference engine (that a student kit leaves out).
     */
    static int[] reachable(Dag graph) {
        boolean[] seen = new boolean[graph.size()];
        int[] stack = new int[graph.size()];
        int[] found = new int[graph.size()];
        int count = 0;
        int depth = 0;
        stack[depth++] = graph.output();
        seen[graph.output()] = true;
        while (depth > 0) {
            int node = stack[--depth];
            found[count++] = node;
            for (int operand : new int[] {graph.first(node), graph.second(node)}) {
                if (operand >= 0 && !seen[operand]) {
                    seen[operand] = true;
                    stack[depth++] = operand;
                }
            }
        }
        return java.util.Arrays.copyOf(found, count);
    }
}
