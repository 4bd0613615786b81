package org.topograd.cli;

import java.util.Locale;
import org.topograd.engine.CaseSolution;
import org.topograd.engine.Solution;
import org.topograd.engine.Solver;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Graph;
import org.topograd.spec.NumberText;
import org.topograd.spec.Spec;

/**
 * {@code topograd solve}'s output: per case, the named nodes' values and gradients, then each
 * input's gradient against its numerical estimate. Numbers are exact (shortest round-trip text),
 * so two runs print the same bytes.
 */
final class SolutionTable {
    private SolutionTable() {}

    static String render(Solution solution) {
        Spec spec = solution.spec();
        Graph graph = spec.graph();
        StringBuilder out = new StringBuilder();
        out.append(spec.title()).append("  (").append(spec.file()).append(", ").append(spec.points().toPlainString())
                .append(spec.points().compareTo(java.math.BigDecimal.ONE) == 0 ? " point, " : " points, ")
                .append(spec.visibility().specName()).append(")\n");
        for (CaseSolution c : solution.cases()) {
            out.append('\n').append(Solver.describe(graph, c.point())).append('\n');
            out.append(nodes(graph, c).render());
            out.append('\n').append(numeric(graph, c).render());
        }
        return out.toString();
    }

    /**
     * Every named node (inputs and graph entries) and the output, in graph order; a node the output
     * does not reach is marked, with its value and its gradient, 0.
     */
    private static TextTable nodes(Graph graph, CaseSolution c) {
        TextTable table = new TextTable("  ", "node", ">value", ">gradient");
        boolean[] reached = c.reached(graph);
        double[] values = c.everyValue(graph);
        for (int node = 0; node < graph.size(); node++) {
            if (graph.isNamed(node) || node == graph.output()) {
                String mark = node == graph.output() ? " (output)"
                        : reached[node] ? "" : " (does not reach the output)";
                table.row(graph.label(node) + mark, NumberText.format(values[node]),
                        NumberText.format(c.evaluation().grads()[node]));
            }
        }
        return table;
    }

    private static TextTable numeric(Graph graph, CaseSolution c) {
        TextTable table = new TextTable("  ", "input", ">gradient", "numerical", ">abs error");
        if (c.numeric().isEmpty()) {
            return table.row("-", "-", "not checked: the point is not finite", "-");
        }
        for (NumericalGradient.Check check : c.numeric()) {
            String name = check.input() >= 0 ? graph.inputNames().get(check.input()) : "random direction";
            String numerical = check.skipped() ? Solver.skipReason(check) + ": skipped"
                    : NumberText.format(check.numeric());
            String error = check.skipped() ? "-" : error(Math.abs(check.analytic() - check.numeric()));
            table.row(name, NumberText.format(check.analytic()), numerical + (check.failed() ? "  FAILED" : ""), error);
        }
        return table;
    }

    private static String error(double e) {
        return e == 0 ? "0" : String.format(Locale.ROOT, "%.1e", e);
    }
}
