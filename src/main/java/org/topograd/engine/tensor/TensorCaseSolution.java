package org.topograd.engine.tensor;

import java.util.ArrayList;
import java.util.List;
import org.topograd.api.tensor.NDArray;
import org.topograd.engine.Finding;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.tensor.TensorCase;
import org.topograd.spec.tensor.TensorGraph;

/**
 * The reference answers at one point of a tensor spec, with their independent numerical check:
 * the tensor counterpart of {@link org.topograd.engine.CaseSolution}.
 *
 * @param point the point
 * @param evaluation every reachable node's value and every node's gradient (zeros off the output's reach)
 * @param numeric the finite-difference checks: one per input element ({@code input()} is the element's
 *     index in the inputs laid end to end, see {@link TensorGradients#locate}), or one random direction
 *     in fast mode ({@code input()} is -1); empty when the point is not finite
 * @param verdicts one per tensor under the point's {@code expect}, value first, then grads as written
 * @param findings what is wrong at this point, in a fixed order
 */
public record TensorCaseSolution(
        TensorCase point,
        TensorEngine.Evaluation evaluation,
        List<NumericalGradient.Check> numeric,
        List<TensorVerdict> verdicts,
        List<Finding> findings) {

    public TensorCaseSolution {
        numeric = List.copyOf(numeric);
        verdicts = List.copyOf(verdicts);
        findings = List.copyOf(findings);
    }

    /** The output's value, a scalar. */
    public NDArray value(TensorGraph graph) {
        return evaluation.output(graph);
    }

    /** The gradient of every input, in input order, each of its input's shape. */
    public List<NDArray> inputGrads(TensorGraph graph) {
        List<NDArray> grads = new ArrayList<>();
        for (int k = 0; k < graph.inputCount(); k++) {
            grads.add(evaluation.inputGrad(graph, k));
        }
        return grads;
    }

    /** The point's input tensors, in input order. */
    public List<NDArray> inputs() {
        return point.inputs().stream().map(TensorValues::toArray).toList();
    }

    /** Whether each node is reached from the output (is in the evaluation's order). */
    public boolean[] reached(TensorGraph graph) {
        boolean[] reached = new boolean[graph.size()];
        for (int node : evaluation.order()) {
            reached[node] = true;
        }
        return reached;
    }

    /**
     * Every node's value, those the output does not reach included (which the evaluation leaves
     * null, since grading never computes them): for showing the graph as the instructor wrote it.
     */
    public NDArray[] everyValue(TensorGraph graph) {
        int[] all = new int[graph.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i; // operands are earlier nodes, so ids are a topological order
        }
        return TensorEngine.forward(graph, all, inputs());
    }
}
