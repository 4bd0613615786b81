package org.topograd.cli;

import java.util.List;
import java.util.Locale;
import org.topograd.api.tensor.NDArray;
import org.topograd.engine.tensor.TensorCaseSolution;
import org.topograd.engine.tensor.TensorGradients;
import org.topograd.engine.tensor.TensorSolution;
import org.topograd.engine.tensor.TensorValues;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.NumberText;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;
import org.topograd.spec.tensor.TensorSpec;

/**
 * {@code topograd solve}'s output for a tensor spec: per point, every named node's shape, value and
 * gradient (the numbers only for small tensors, a matrix one row per line, so that it can be read),
 * then a summary of the numerical check. Numbers are exact (shortest round-trip text), so two runs
 * print the same bytes.
 */
final class TensorSolutionTable {
    /** Tensors with more elements than this are shown by their shape alone; {@code --json} has every number. */
    static final int SHOWN_ELEMENTS = 30;

    private TensorSolutionTable() {}

    static String render(TensorSolution solution) {
        TensorSpec spec = solution.spec();
        TensorGraph graph = spec.graph();
        StringBuilder out = new StringBuilder();
        out.append(spec.title()).append("  (").append(spec.file()).append(", ").append(spec.points().toPlainString())
                .append(spec.points().compareTo(java.math.BigDecimal.ONE) == 0 ? " point, " : " points, ")
                .append(spec.visibility().specName()).append(")\n");
        for (TensorCaseSolution c : solution.cases()) {
            out.append('\n').append(c.point().name()).append('\n');
            nodes(out, graph, c);
            numeric(out, graph, c);
        }
        return out.toString();
    }

    /** Every named node and the output, in graph order; a node the output does not reach is marked. */
    private static void nodes(StringBuilder out, TensorGraph graph, TensorCaseSolution c) {
        boolean[] reached = c.reached(graph);
        NDArray[] values = c.everyValue(graph);
        for (int node = 0; node < graph.size(); node++) {
            if (!graph.isNamed(node) && node != graph.output()) {
                continue;
            }
            boolean constant = graph.op(node) == TensorOp.CONSTANT;
            String mark = node == graph.output() ? " (output)" : constant ? " (constant)"
                    : reached[node] ? "" : " (does not reach the output)";
            out.append("  ").append(graph.label(node)).append(mark).append("  shape ").append(graph.shape(node))
                    .append('\n');
            out.append(numbers("value", values[node]));
            if (!constant) {
                out.append(numbers("grad ", c.evaluation().grads()[node]));
            }
        }
    }

    private static String numbers(String what, NDArray x) {
        String indent = "    " + what + "  ";
        if (x.size() > SHOWN_ELEMENTS) {
            return indent + x.size() + " elements (solve --json prints them)\n";
        }
        String text = TensorValues.toValue(x).toText();
        if (x.rank() == 2) {
            // One row a line, aligned under the first: "[[1, 2],\n  [3, 4]]".
            text = text.replace("], [", "],\n" + " ".repeat(indent.length() + 1) + "[");
        }
        return indent + text + "\n";
    }

    private static void numeric(StringBuilder out, TensorGraph graph, TensorCaseSolution c) {
        List<NumericalGradient.Check> checks = c.numeric();
        if (checks.isEmpty()) {
            out.append("  numerical check: not run, the point is not finite\n");
            return;
        }
        if (checks.size() == 1 && checks.get(0).input() < 0) {
            NumericalGradient.Check check = checks.get(0);
            out.append("  numerical check (fast mode, one random direction v through every input element):"
                    + " gradient·v = ").append(NumberText.format(check.analytic())).append(", finite differences ")
                    .append(check.skipped() ? "skipped" : NumberText.format(check.numeric()))
                    .append(check.failed() ? "  FAILED\n" : check.skipped() ? "\n"
                            : ", difference " + error(Math.abs(check.analytic() - check.numeric())) + "\n");
            return;
        }
        double largest = 0;
        int skipped = 0;
        int failed = 0;
        for (NumericalGradient.Check check : checks) {
            if (check.skipped()) {
                skipped++;
            } else {
                largest = Math.max(largest, Math.abs(check.analytic() - check.numeric()));
                failed += check.failed() ? 1 : 0;
            }
        }
        out.append("  numerical check, element by element: ").append(checks.size()).append(" elements, ")
                .append(failed == 0 ? "all agree" : failed + " FAILED")
                .append(skipped == 0 ? "" : ", " + skipped + " skipped (kink or undefined nearby)")
                .append(", largest difference ").append(error(largest)).append('\n');
        List<NDArray> inputs = c.inputs();
        for (NumericalGradient.Check check : checks) {
            if (check.failed()) {
                TensorGradients.Element e = TensorGradients.locate(inputs, check.input());
                int node = graph.inputNode(e.input());
                out.append("    ").append(graph.label(node)).append(TensorValues.index(graph.shape(node), e.element()))
                        .append(": gradient ").append(NumberText.format(check.analytic())).append(", numerical ")
                        .append(NumberText.format(check.numeric())).append("  FAILED\n");
            }
        }
    }

    private static String error(double e) {
        return e == 0 ? "0" : String.format(Locale.ROOT, "%.1e", e);
    }
}
