package org.topograd.grading;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.topograd.api.tensor.NDArray;
import org.topograd.engine.tensor.TensorEngine;
import org.topograd.engine.tensor.TensorGradients;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.tensor.TensorCase;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;
import org.topograd.spec.tensor.TensorSpec;
import org.topograd.spec.tensor.TensorValue;
import org.topograd.worker.Messages;

/** The answers to tensor specs from topograd's tensor reference engine, flattened for the checks. */
public final class TensorAnswers {
    private TensorAnswers() {}

    /** Answers for every spec, in order; each spec's position names its graph on the wire. */
    public static List<TensorSpecAnswers> of(List<TensorSpec> specs, NumericalGradient.Settings numerical) {
        List<TensorSpecAnswers> answers = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            answers.add(of(i, specs.get(i), numerical));
        }
        return answers;
    }

    public static TensorSpecAnswers of(int id, TensorSpec spec, NumericalGradient.Settings numerical) {
        TensorGraph graph = spec.graph();
        int[] order = TensorEngine.topologicalOrder(graph);
        double[] partials = probePartials(graph);
        double[] probeGrads = probeGrads(graph, order, partials);
        List<TensorCaseAnswers> cases = new ArrayList<>();
        for (TensorCase point : spec.cases()) {
            List<NDArray> inputs = new ArrayList<>();
            for (TensorValue v : point.inputs()) {
                inputs.add(NDArray.of(v.elements(), v.shape().dims()));
            }
            NDArray[] values = TensorEngine.forward(graph, order, inputs);
            NDArray[] grads = TensorEngine.backward(graph, order, values,
                    NDArray.ones(graph.shape(graph.output()).dims()));
            double[] flatInputs = TensorGradients.flatten(inputs);
            cases.add(new TensorCaseAnswers(order, flatInputs, flatten(graph, values, Double.NaN),
                    flatten(graph, grads, 0), partials, probeGrads, NumericalGradient.plan(flatInputs, numerical)));
        }
        return new TensorSpecAnswers(spec, TensorWire.of(id, graph), ops(graph, order), cases);
    }

    /** Every node's elements in node id order; a node without an array (not reached) is {@code missing}. */
    public static double[] flatten(TensorGraph graph, NDArray[] arrays, double missing) {
        int size = 0;
        for (int i = 0; i < graph.size(); i++) {
            size += graph.shape(i).size();
        }
        double[] flat = new double[size];
        int at = 0;
        for (int i = 0; i < graph.size(); i++) {
            int n = graph.shape(i).size();
            if (arrays[i] == null) {
                java.util.Arrays.fill(flat, at, at + n, missing);
            } else {
                System.arraycopy(arrays[i].toArray(), 0, flat, at, n);
            }
            at += n;
        }
        return flat;
    }

    /**
     * The probe nodes' local derivatives: drawn as for scalar graphs ({@link ReferenceAnswers}), so a
     * tensor graph's traversal check is the scalar one on the same structure.
     */
    static double[] probePartials(TensorGraph graph) {
        SplittableRandom random = new SplittableRandom(0x709067ADL + graph.size());
        double[] partials = new double[2 * graph.size()];
        for (int i = 0; i < partials.length; i++) {
            partials[i] = random.nextBoolean() ? 0.8 : 1.25;
        }
        return partials;
    }

    /** Reverse accumulation over the probe nodes, with the output's gradient 1. */
    static double[] probeGrads(TensorGraph graph, int[] order, double[] partials) {
        double[] grads = new double[graph.size()];
        grads[graph.output()] = 1;
        for (int i = order.length - 1; i >= 0; i--) {
            int node = order[i];
            if (graph.first(node) >= 0) {
                grads[graph.first(node)] += grads[node] * partials[2 * node];
            }
            if (graph.second(node) >= 0) {
                grads[graph.second(node)] += grads[node] * partials[2 * node + 1];
            }
        }
        return grads;
    }

    /** The ops of the nodes reachable from the output. */
    static Set<TensorOp> ops(TensorGraph graph, int[] order) {
        Set<TensorOp> ops = EnumSet.noneOf(TensorOp.class);
        for (int node : order) {
            if (!graph.op(node).isLeaf()) {
                ops.add(graph.op(node));
            }
        }
        return ops;
    }

    /** The ops a tensor graph uses, for the assignment's required ops. */
    static Set<TensorOp> ops(TensorGraph graph) {
        return ops(graph, TensorEngine.topologicalOrder(graph));
    }

    /** A graph as a worker receives it. */
    static final class TensorWire {
        private TensorWire() {}

        static Messages.TensorGraphMessage of(int id, TensorGraph graph) {
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
            double[] flat = new double[constants.stream().mapToInt(c -> c.length).sum()];
            int at = 0;
            for (double[] c : constants) {
                System.arraycopy(c, 0, flat, at, c.length);
                at += c.length;
            }
            return new Messages.TensorGraphMessage(id, kinds, first, second, params, names, graph.output(), ranks,
                    dims.stream().mapToInt(Integer::intValue).toArray(), flat);
        }
    }
}
