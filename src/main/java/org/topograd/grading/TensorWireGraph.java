package org.topograd.grading;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.topograd.spec.tensor.TensorCase;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;
import org.topograd.spec.tensor.TensorValue;
import org.topograd.worker.Messages;

/**
 * A tensor graph as a worker receives it, as {@link WireGraph} is a scalar one: structure, shapes and
 * the constants' elements; and what a task sends of an input point. Apart from {@link TensorAnswers}
 * because it needs no reference engine: a student kit builds its specs' wire graphs from it.
 */
public final class TensorWireGraph {
    private TensorWireGraph() {}

    public static Messages.TensorGraphMessage of(int id, TensorGraph graph) {
        int n = graph.size();
        int[] kinds = new int[n];
        int[] first = new int[n];
        int[] second = new int[n];
        double[] params = new double[n];
        String[] names = new String[n];
        int[] ranks = new int[n];
        List<Integer> dims = new ArrayList<>();
        List<double[]> constants = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TensorOp op = graph.op(i);
            kinds[i] = op == TensorOp.INPUT ? Messages.INPUT : op == TensorOp.CONSTANT ? Messages.CONSTANT
                    : Messages.OP_BASE + TensorOp.operations().indexOf(op);
            first[i] = graph.first(i);
            second[i] = graph.second(i);
            params[i] = op.isLeaf() ? 0 : graph.param(i);
            names[i] = op == TensorOp.INPUT ? graph.label(i) : null;
            ranks[i] = graph.shape(i).rank();
            for (int d : graph.shape(i).dims()) {
                dims.add(d);
            }
            if (op == TensorOp.CONSTANT) {
                constants.add(graph.constant(i));
            }
        }
        for (int k = 1; k < graph.inputCount(); k++) {
            // The worker reads inputs in id order, the engine in declaration order: they must agree.
            if (graph.inputNode(k) < graph.inputNode(k - 1)) {
                throw new IllegalStateException("inputs are not declared in id order in " + graph);
            }
        }
        return new Messages.TensorGraphMessage(id, kinds, first, second, params, names, graph.output(), ranks,
                dims.stream().mapToInt(Integer::intValue).toArray(), concatenated(constants));
    }

    /** A point's input tensors' elements, concatenated in input order: what the tasks send. */
    public static double[] inputs(TensorCase point) {
        List<double[]> inputs = new ArrayList<>();
        for (TensorValue v : point.inputs()) {
            inputs.add(v.elements());
        }
        return concatenated(inputs);
    }

    private static double[] concatenated(List<double[]> arrays) {
        double[] flat = new double[arrays.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (double[] a : arrays) {
            System.arraycopy(a, 0, flat, at, a.length);
            at += a.length;
        }
        return flat;
    }

    /** The ops of the nodes in {@code order} (those reachable from the output). */
    public static Set<TensorOp> ops(TensorGraph graph, int[] order) {
        Set<TensorOp> ops = EnumSet.noneOf(TensorOp.class);
        for (int node : order) {
            if (!graph.op(node).isLeaf()) {
                ops.add(graph.op(node));
            }
        }
        return ops;
    }

    /** The ops of the nodes reachable from the output, found by walking the operands (no order needed). */
    public static Set<TensorOp> ops(TensorGraph graph) {
        return ops(graph, WireGraph.reachable(graph));
    }
}
