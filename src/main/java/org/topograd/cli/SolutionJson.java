package org.topograd.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.List;
import org.topograd.engine.CaseSolution;
import org.topograd.engine.Solution;
import org.topograd.engine.Solver;
import org.topograd.numeric.NumericalGradient;
import org.topograd.report.Json;
import org.topograd.spec.Graph;
import org.topograd.spec.NumberText;
import org.topograd.spec.Problem;
import org.topograd.spec.Spec;

/**
 * {@code topograd solve --json}: every node's value and gradient at every point, for scripts.
 * Finite numbers are JSON numbers that read back to the same double; NaN and the infinities, which
 * JSON has no numbers for, are the strings {@code "nan"}, {@code "inf"} and {@code "-inf"}.
 */
final class SolutionJson {
    private SolutionJson() {}

    static String render(Solution solution, List<Problem> warnings) {
        Spec spec = solution.spec();
        Graph graph = spec.graph();
        JsonObject root = new JsonObject();
        root.addProperty("file", spec.file().toString());
        root.addProperty("spec", spec.id());
        root.addProperty("title", spec.title());
        root.add("points", new JsonPrimitive(new BigDecimal(spec.points().toPlainString())));
        root.addProperty("visibility", spec.visibility().specName());
        root.addProperty("valid", solution.ok());
        JsonArray inputs = new JsonArray();
        graph.inputNames().forEach(inputs::add);
        root.add("inputs", inputs);
        root.addProperty("output", graph.label(graph.output()));
        JsonArray cases = new JsonArray();
        for (CaseSolution c : solution.cases()) {
            cases.add(point(graph, c));
        }
        root.add("cases", cases);
        root.add("problems", messages(solution.problems()));
        root.add("warnings", messages(warnings));
        return Json.render(root);
    }

    /** For a spec that does not read: where it is wrong, and nothing else. */
    static String invalid(java.nio.file.Path file, List<Problem> problems) {
        JsonObject root = new JsonObject();
        root.addProperty("file", file.toString());
        root.addProperty("valid", false);
        root.add("problems", messages(problems));
        return Json.render(root);
    }

    private static JsonObject point(Graph graph, CaseSolution c) {
        JsonObject point = new JsonObject();
        point.addProperty("name", c.point().name());
        point.addProperty("kind", c.point().kind().name().toLowerCase(java.util.Locale.ROOT));
        JsonObject inputs = new JsonObject();
        for (int k = 0; k < graph.inputCount(); k++) {
            inputs.add(graph.inputNames().get(k), number(c.point().input(k)));
        }
        point.add("inputs", inputs);
        point.add("value", number(c.value(graph)));
        JsonObject grad = new JsonObject();
        for (int k = 0; k < graph.inputCount(); k++) {
            grad.add(graph.inputNames().get(k), number(c.grad(graph, k)));
        }
        point.add("grad", grad);
        boolean[] reached = c.reached(graph);
        double[] values = c.everyValue(graph);
        JsonArray nodes = new JsonArray();
        for (int node = 0; node < graph.size(); node++) {
            JsonObject n = new JsonObject();
            n.addProperty("id", node);
            n.addProperty("name", graph.label(node));
            n.addProperty("named", graph.isNamed(node));
            n.addProperty("op", graph.op(node).specName());
            JsonArray operands = new JsonArray();
            for (int k = 0; k < graph.operandCount(node); k++) {
                operands.add(graph.operand(node, k));
            }
            n.add("operands", operands);
            if (graph.op(node) == org.topograd.spec.Op.POW) {
                n.add("exponent", number(graph.param(node)));
            }
            n.add("value", number(values[node]));
            n.add("gradient", number(c.evaluation().grads()[node]));
            n.addProperty("reached", reached[node]);
            nodes.add(n);
        }
        point.add("nodes", nodes);
        JsonArray numerical = new JsonArray();
        for (NumericalGradient.Check check : c.numeric()) {
            JsonObject n = new JsonObject();
            n.addProperty("input", check.input() >= 0 ? graph.inputNames().get(check.input()) : "random direction");
            n.add("gradient", number(check.analytic()));
            n.add("numerical", number(check.numeric()));
            n.add("allowed_difference", number(check.bound()));
            n.addProperty("status", check.skipped() ? "skipped: " + Solver.skipReason(check)
                    : check.failed() ? "fail" : "pass");
            numerical.add(n);
        }
        point.add("numerical", numerical);
        return point;
    }

    private static JsonElement number(double x) {
        return Double.isFinite(x) ? new JsonPrimitive(x) : new JsonPrimitive(NumberText.format(x));
    }

    private static JsonArray messages(List<Problem> problems) {
        JsonArray array = new JsonArray();
        problems.forEach(p -> array.add(p.toString()));
        return array;
    }
}
