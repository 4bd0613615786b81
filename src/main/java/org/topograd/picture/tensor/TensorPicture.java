package org.topograd.picture.tensor;

import java.util.ArrayList;
import java.util.List;
import org.topograd.api.tensor.NDArray;
import org.topograd.engine.tensor.TensorValues;
import org.topograd.picture.Dot;
import org.topograd.picture.GraphPicture;
import org.topograd.spec.NumberText;
import org.topograd.spec.Tolerance;
import org.topograd.spec.tensor.Shape;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;

/**
 * A tensor graph at one input point as {@link GraphPicture} draws any graph: each node's card has
 * its name, what it computes and its shape ({@code z = (X @ W) + b [2, 5]}), then its value and
 * gradient ({@link TensorCells}); with a student's numbers, the wanted beside the got, the wrong
 * elements marked. Also the same findings in words, for the terminal.
 */
public final class TensorPicture {
    private TensorPicture() {}

    /**
     * What to draw.
     *
     * @param title the picture's caption
     * @param graph the graph; only nodes in {@code order} are drawn
     * @param order the nodes reachable from the output, in topological order
     * @param values the reference values, by node id
     * @param grads the reference gradients (output seeded 1), by node id
     * @param student the student's numbers, or null for the reference alone
     * @param tolerance how close each of a student's elements must be
     */
    public record Scene(String title, TensorGraph graph, int[] order, NDArray[] values, NDArray[] grads,
            Student student, Tolerance tolerance) {}

    /**
     * A student's tensors, each array indexed by node id (each of its node's shape), null when it
     * could not be computed.
     *
     * @param values their forward values
     * @param grads their backward()s under topograd's traversal
     * @param endToEnd their own TensorBackprop with their nodes
     */
    public record Student(NDArray[] values, NDArray[] grads, NDArray[] endToEnd) {}

    public static String dot(Scene scene) {
        return GraphPicture.dot(scene.title(), scene.graph(), scene.order(), scene.student() != null,
                node -> card(scene, node));
    }

    /** A node as the terminal lists it: {@code z = (X @ W) + b  [2, 5]}, an input {@code X  input  [2, 3]}. */
    public static String line(TensorGraph g, int node) {
        return switch (g.op(node)) {
            case INPUT -> g.label(node) + "  input  " + g.shape(node);
            case CONSTANT -> g.label(node) + "  constant  " + g.shape(node);
            default -> (g.isNamed(node) ? g.label(node) + " = " : "") + expression(g, node) + "  " + g.shape(node);
        };
    }

    /** What an operation computes, in its operands' names: {@code (X @ W) + b}, {@code sum(M, 0)}. */
    static String expression(TensorGraph g, int node) {
        TensorOp op = g.op(node);
        int a = g.first(node);
        int b = g.second(node);
        return switch (op.arity()) {
            case POWER -> operand(g, a) + " ^ " + NumberText.format(g.param(node));
            case AXIS -> op.functionName() + "(" + g.label(a) + ", " + g.axis(node) + ")";
            case BINARY -> op.symbol() != null ? operand(g, a) + " " + op.symbol() + " " + operand(g, b)
                    : op.functionName() + "(" + g.label(a) + ", " + g.label(b) + ")";
            case UNARY -> op == TensorOp.NEG ? "-" + operand(g, a) : op.functionName() + "(" + g.label(a) + ")";
            case LEAF -> g.label(node);
        };
    }

    /**
     * An operand of an operator as written: a name, a number or a call as it is, an anonymous
     * operator's subexpression in parentheses ({@code (X @ W) + b}).
     */
    private static String operand(TensorGraph g, int node) {
        TensorOp op = g.op(node);
        boolean operator = op.symbol() != null && !g.isNamed(node);
        return operator ? "(" + g.label(node) + ")" : g.label(node);
    }

    /**
     * Each of a student's wrong tensors in words, nearest the inputs first, as {@code explain} lists
     * them: the first wrong element with both numbers, then how many more there are and where.
     */
    public static List<String> wrong(Scene scene) {
        TensorGraph g = scene.graph();
        Student s = scene.student();
        List<String> wrong = new ArrayList<>();
        if (s == null) {
            return wrong;
        }
        for (int node : scene.order()) {
            if (g.op(node) == TensorOp.CONSTANT) {
                continue;
            }
            String name = g.isNamed(node) ? g.label(node) : "(" + g.label(node) + ")";
            if (!g.op(node).isLeaf()) {
                describe(wrong, scene, node, name, "", "", s.values(), scene.values());
            }
            describe(wrong, scene, node, name, ".grad", "", s.grads(), scene.grads());
            describe(wrong, scene, node, name, ".grad", " (your TensorBackprop)", s.endToEnd(), scene.grads());
        }
        return wrong;
    }

    private static void describe(List<String> out, Scene scene, int node, String name, String what, String how,
            NDArray[] got, NDArray[] want) {
        if (got == null) {
            return;
        }
        List<Integer> wrong = TensorCells.wrong(got[node], want[node], scene.tolerance());
        if (wrong.isEmpty()) {
            return;
        }
        int first = wrong.get(0);
        Shape shape = scene.graph().shape(node);
        String text = name + what + TensorValues.index(shape, first) + how + " is "
                + NumberText.format(got[node].at(first))
                + ", expected " + NumberText.format(want[node].at(first));
        if (wrong.size() == 2 && shape.size() == 2) {
            text += ", and so is its other element";
        } else if (wrong.size() == shape.size() && wrong.size() > 1) {
            text += ", and so are the other " + (wrong.size() - 1) + " of its " + shape.size() + " elements";
        } else if (wrong.size() > 1) {
            text += ", and " + (wrong.size() - 1) + " more of its " + shape.size() + " elements: "
                    + TensorCells.indices(shape, wrong.subList(1, wrong.size()));
        }
        out.add(text);
    }

    /** A tensor graph's card: its shape in the header, a tensor a cell. */
    private static GraphPicture.Card card(Scene scene, int node) {
        TensorGraph g = scene.graph();
        Student s = scene.student();
        TensorOp op = g.op(node);
        String shape = "  <FONT COLOR=\"#666666\">" + g.shape(node) + "</FONT>";
        List<GraphPicture.Row> rows = new ArrayList<>();
        if (op == TensorOp.CONSTANT) {
            rows.add(new GraphPicture.Row("value", TensorCells.cell(scene.values()[node]), null, null));
            String header = (g.isNamed(node) ? "<B>" + Dot.html(g.label(node)) + "</B> " : "") + "<I>constant</I>"
                    + shape;
            return new GraphPicture.Card(GraphPicture.Kind.CONSTANT, header, rows);
        }
        rows.add(row(scene, "value", node, scene.values(), s == null || op.isLeaf() ? null : s.values()));
        rows.add(row(scene, "grad", node, scene.grads(), s == null ? null : s.grads()));
        if (s != null && s.endToEnd() != null) {
            rows.add(row(scene, "your Backprop", node, scene.grads(), s.endToEnd()));
        }
        if (op == TensorOp.INPUT) {
            return new GraphPicture.Card(GraphPicture.Kind.INPUT, GraphPicture.inputHeader(g.label(node), shape), rows);
        }
        return new GraphPicture.Card(GraphPicture.Kind.OPERATION, GraphPicture.header(g.isNamed(node)
                ? g.label(node) : null, expression(g, node), shape, op.specName()), rows);
    }

    private static GraphPicture.Row row(Scene scene, String label, int node, NDArray[] want, NDArray[] got) {
        if (got == null) {
            return new GraphPicture.Row(label, TensorCells.cell(want[node]), "", null);
        }
        List<Integer> wrong = TensorCells.wrong(got[node], want[node], scene.tolerance());
        return new GraphPicture.Row(label, TensorCells.cell(want[node]), TensorCells.cell(got[node], wrong),
                GraphPicture.colour(wrong.isEmpty()));
    }
}
