package org.topograd.engine;

import java.util.List;
import java.util.Optional;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Case;
import org.topograd.spec.Graph;

/**
 * The reference answers at one case of a spec, with their independent numerical check.
 *
 * @param point the case
 * @param evaluation every node's value and gradient (unreachable nodes keep 0)
 * @param numeric the finite-difference checks: one per input, or one random direction in fast
 *     mode; empty when the point is not finite (there is nothing sensible to check)
 * @param verdicts one per claim of the case's {@code expect}, value first, then grads as written
 * @param findings what is wrong at this case, in a fixed order
 */
public record CaseSolution(
        Case point,
        ReferenceEngine.Evaluation evaluation,
        List<NumericalGradient.Check> numeric,
        List<Verdict> verdicts,
        List<Finding> findings) {

    public CaseSolution {
        numeric = List.copyOf(numeric);
        verdicts = List.copyOf(verdicts);
        findings = List.copyOf(findings);
    }

    /** The output's value. */
    public double value(Graph graph) {
        return evaluation.output(graph);
    }

    /** d(output)/d(input {@code k}). */
    public double grad(Graph graph, int k) {
        return evaluation.grads()[graph.inputNode(k)];
    }

    /** The gradient of every input, in input order. */
    public double[] inputGrads(Graph graph) {
        double[] grads = new double[graph.inputCount()];
        for (int k = 0; k < grads.length; k++) {
            grads[k] = grad(graph, k);
        }
        return grads;
    }

    /** Whether each node is reached from the output (is in the evaluation's order). */
    public boolean[] reached(Graph graph) {
        boolean[] reached = new boolean[graph.size()];
        for (int node : evaluation.order()) {
            reached[node] = true;
        }
        return reached;
    }

    /**
     * Every node's value, those the output does not reach included (which the evaluation leaves at 0,
     * since grading never computes them): for showing the graph as the instructor wrote it.
     */
    public double[] everyValue(Graph graph) {
        int[] all = new int[graph.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i; // a graph's ids are in topological order
        }
        return ReferenceEngine.forward(graph, all, point.inputs());
    }

    /** The numerical check of input {@code k}, unless the check ran in fast mode or not at all. */
    public Optional<NumericalGradient.Check> numericFor(int k) {
        return numeric.stream().filter(c -> c.input() == k).findFirst();
    }
}
