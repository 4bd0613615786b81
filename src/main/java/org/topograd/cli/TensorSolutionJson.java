package org.topograd.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.List;
import org.topograd.api.tensor.NDArray;
import org.topograd.engine.Solver;
import org.topograd.engine.tensor.TensorCaseSolution;
import org.topograd.engine.tensor.TensorGradients;
import org.topograd.engine.tensor.TensorSolution;
import org.topograd.engine.tensor.TensorValues;
import org.topograd.numeric.NumericalGradient;
import org.topograd.report.Json;
import org.topograd.spec.NumberText;
import org.topograd.spec.Problem;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;
import org.topograd.spec.tensor.TensorSpec;

/**
 * {@code topograd solve --json} for a tensor spec: the scalar layout ({@link SolutionJson}) with a
 * tensor where a number was, nested as the spec writes it (a scalar a number, a vector a list, a
 * matrix a list of rows), and each node's shape. NaN and the infinities are strings, as there.
 */
final class TensorSolutionJson {
    private TensorSolutionJson() {}

    static String render(TensorSolution solution, List<Problem> warnings) {
        TensorSpec spec = solution.spec();
        TensorGraph graph = spec.graph();
        JsonObject root = new JsonObject();
        root.addProperty("file", spec.file().toString());
        root.addProperty("spec", spec.id());
        root.addProperty("title", spec.title());
        root.addProperty("language", "tensor");
        root.add("points", new JsonPrimitive(new BigDecimal(spec.points().toPlainString())));
        root.addProperty("visibility", spec.visibility().specName());
        root.addProperty("valid", solution.ok());
        JsonArray inputs = new JsonArray();
        graph.inputNames().forEach(inputs::add);
        root.add("inputs", inputs);
        root.addProperty("output", graph.label(graph.output()));
        JsonArray cases = new JsonArray();
        for (TensorCaseSolution c : solution.cases()) {
            cases.add(point(graph, c));
        }
        root.add("cases", cases);
        root.add("problems", messages(solution.problems()));
        root.add("warnings", messages(warnings));
        return Json.render(root);
    }

    private static JsonObject point(TensorGraph graph, TensorCaseSolution c) {
        JsonObject point = new JsonObject();
        point.addProperty("name", c.point().name());
        point.addProperty("kind", c.point().kind().name().toLowerCase(java.util.Locale.ROOT));
        List<NDArray> given = c.inputs();
        JsonObject inputs = new JsonObject();
        JsonObject grad = new JsonObject();
        for (int k = 0; k < graph.inputCount(); k++) {
            inputs.add(graph.inputNames().get(k), tensor(given.get(k)));
            grad.add(graph.inputNames().get(k), tensor(c.evaluation().inputGrad(graph, k)));
        }
        point.add("inputs", inputs);
        point.add("value", tensor(c.value(graph)));
        point.add("grad", grad);
        boolean[] reached = c.reached(graph);
        NDArray[] values = c.everyValue(graph);
        JsonArray nodes = new JsonArray();
        for (int node = 0; node < graph.size(); node++) {
            JsonObject n = new JsonObject();
            n.addProperty("id", node);
            n.addProperty("name", graph.label(node));
            n.addProperty("named", graph.isNamed(node));
            n.addProperty("op", graph.op(node) == TensorOp.INPUT || graph.op(node) == TensorOp.CONSTANT
                    ? graph.op(node).name().toLowerCase(java.util.Locale.ROOT) : graph.op(node).specName());
            JsonArray operands = new JsonArray();
            for (int k = 0; k < graph.operandCount(node); k++) {
                operands.add(k == 0 ? graph.first(node) : graph.second(node));
            }
            n.add("operands", operands);
            if (graph.op(node) == TensorOp.POW) {
                n.add("exponent", number(graph.param(node)));
            } else if (graph.op(node).arity() == TensorOp.Arity.AXIS) {
                n.addProperty("axis", graph.axis(node));
            }
            JsonArray shape = new JsonArray();
            for (int d : graph.shape(node).dims()) {
                shape.add(d);
            }
            n.add("shape", shape);
            n.add("value", tensor(values[node]));
            n.add("gradient", tensor(c.evaluation().grads()[node]));
            n.addProperty("reached", reached[node]);
            nodes.add(n);
        }
        point.add("nodes", nodes);
        JsonArray numerical = new JsonArray();
        for (NumericalGradient.Check check : c.numeric()) {
            JsonObject n = new JsonObject();
            n.addProperty("element", check.input() >= 0 ? element(graph, given, check.input()) : "random direction");
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

    private static String element(TensorGraph graph, List<NDArray> inputs, int flat) {
        TensorGradients.Element e = TensorGradients.locate(inputs, flat);
        int node = graph.inputNode(e.input());
        return graph.label(node) + TensorValues.index(graph.shape(node), e.element());
    }

    /** A tensor nested as the spec writes it. */
    private static JsonElement tensor(NDArray x) {
        int[] shape = x.shape();
        if (shape.length == 0) {
            return number(x.item());
        }
        if (shape.length == 1) {
            return row(x, 0, shape[0]);
        }
        JsonArray rows = new JsonArray();
        for (int r = 0; r < shape[0]; r++) {
            rows.add(row(x, r * shape[1], shape[1]));
        }
        return rows;
    }

    private static JsonArray row(NDArray x, int from, int count) {
        JsonArray row = new JsonArray();
        for (int i = 0; i < count; i++) {
            row.add(number(x.at(from + i)));
        }
        return row;
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
