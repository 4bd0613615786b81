package org.topograd.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.topograd.api.tensor.NDArray;
import org.topograd.engine.tensor.TensorEngine;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.tensor.TensorCase;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorSpec;
import org.topograd.spec.tensor.TensorValue;

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
            double[] flatInputs = TensorWireGraph.inputs(point); // as a kit thaws them
            cases.add(new TensorCaseAnswers(order, flatInputs, flatten(graph, values, Double.NaN),
                    flatten(graph, grads, 0), partials, probeGrads, NumericalGradient.plan(flatInputs, numerical)));
        }
        return new TensorSpecAnswers(spec, TensorWireGraph.of(id, graph), TensorWireGraph.ops(graph, order), cases);
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
}
