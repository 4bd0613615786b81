package org.topograd.picture;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.topograd.spec.Graph;
import org.topograd.spec.NumberText;
import org.topograd.spec.Op;
import org.topograd.spec.Tolerance;

/**
 * A graph at one input point as DOT text: inputs on the left, the output on the right, an edge from
 * each operand to the node that uses it (two edges for an operand used twice). Each node shows what
 * it computes, its value and its gradient; with a student's numbers, the wanted and the got side by
 * side, the got cell red where it is outside the tolerance and green where it is right.
 */
public final class GraphPicture {
    static final String WRONG = "#f4c7c3";
    static final String RIGHT = "#d9ead3";
    static final String WRONG_BORDER = "#cc0000";

    private GraphPicture() {}

    /**
     * What to draw.
     *
     * @param title the picture's caption
     * @param graph the graph; only nodes in {@code order} are drawn
     * @param order the nodes reachable from the output, in topological order
     * @param values the reference values
     * @param grads the reference gradients (output seeded 1)
     * @param student the student's numbers, or null for the reference alone
     * @param tolerance how close a student's number must be
     */
    public record Scene(String title, Graph graph, int[] order, double[] values, double[] grads, Student student,
            Tolerance tolerance) {}

    /**
     * A student's numbers, each array indexed by node id, null when it could not be computed.
     *
     * @param values their forward values
     * @param grads their backward()s under topograd's traversal
     * @param endToEnd their own Backprop with their nodes
     */
    public record Student(double[] values, double[] grads, double[] endToEnd) {}

    public static String dot(Scene scene) {
        Graph g = scene.graph();
        StringBuilder dot = new StringBuilder();
        dot.append("digraph topograd {\n")
                .append("  graph [rankdir=LR, labelloc=t, fontname=\"Helvetica\", fontsize=14, label=")
                .append(Dot.quote(scene.title())).append("];\n")
                .append("  node [shape=plaintext, fontname=\"Helvetica\", fontsize=11];\n")
                .append("  edge [color=\"#555555\", arrowsize=0.7];\n");
        for (int node : scene.order()) {
            dot.append("  n").append(node).append(" [label=<").append(table(scene, node)).append(">];\n");
        }
        for (int node : scene.order()) {
            for (int k = 0; k < g.operandCount(node); k++) {
                dot.append("  n").append(g.operand(node, k)).append(" -> n").append(node).append(";\n");
            }
        }
        return dot.append("}\n").toString();
    }

    private static String table(Scene scene, int node) {
        Graph g = scene.graph();
        Student s = scene.student();
        boolean constant = g.op(node) == Op.CONSTANT;
        List<String[]> rows = new ArrayList<>(); // label, wanted, got (null: no student column)
        Tolerance tol = scene.tolerance();
        rows.add(row("value", scene.values()[node], s == null || constant ? null : s.values(), node, tol));
        if (!constant) {
            rows.add(row("grad", scene.grads()[node], s == null ? null : s.grads(), node, tol));
            if (s != null && s.endToEnd() != null) {
                rows.add(row("your Backprop", scene.grads()[node], s.endToEnd(), node, tol));
            }
        }
        boolean wrong = false;
        for (String[] r : rows) {
            wrong |= WRONG.equals(r[3]);
        }
        int columns = s == null ? 2 : 3;
        StringBuilder t = new StringBuilder();
        t.append("<TABLE BORDER=\"").append(wrong ? 2 : 1).append("\" COLOR=\"")
                .append(wrong ? WRONG_BORDER : "#333333")
                .append("\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\" BGCOLOR=\"")
                .append(g.op(node) == Op.INPUT ? "#eef3fb" : constant ? "#f5f5f5" : "#ffffff").append("\">");
        t.append("<TR><TD COLSPAN=\"").append(columns).append("\">").append(header(g, node)).append("</TD></TR>");
        if (s != null && !constant) {
            t.append("<TR><TD></TD><TD><I>wanted</I></TD><TD><I>got</I></TD></TR>");
        }
        for (String[] r : rows) {
            t.append("<TR><TD ALIGN=\"LEFT\">").append(r[0]).append("</TD><TD ALIGN=\"RIGHT\">").append(r[1])
                    .append("</TD>");
            if (s != null && !constant) {
                t.append("<TD ALIGN=\"RIGHT\"").append(r[3] == null ? "" : " BGCOLOR=\"" + r[3] + "\"").append('>')
                        .append(r[2]).append("</TD>");
            } else if (s != null) {
                t.append("<TD></TD>");
            }
            t.append("</TR>");
        }
        return t.append("</TABLE>").toString();
    }

    /** {label, wanted, got, colour of the got cell or null}. */
    private static String[] row(String label, double want, double[] got, int node, Tolerance tolerance) {
        if (got == null) {
            return new String[] {label, number(want), "", null};
        }
        return new String[] {label, number(want), number(got[node]),
                tolerance.accepts(got[node], want) ? RIGHT : WRONG};
    }

    /** The node's name (bold) and what it computes, in the operands' names. */
    static String header(Graph g, int node) {
        Op op = g.op(node);
        if (op == Op.INPUT) {
            return "<B>" + Dot.html(g.label(node)) + "</B> <I>input</I>";
        }
        if (op == Op.CONSTANT) {
            return "<I>constant</I>";
        }
        String expr;
        if (op == Op.POW) {
            expr = name(g, g.first(node)) + " ^ " + NumberText.format(g.param(node));
        } else if (op.arity() == Op.Arity.BINARY) {
            expr = name(g, g.first(node)) + " " + op.symbol() + " " + name(g, g.second(node));
        } else if (op == Op.NEG) {
            expr = "-" + name(g, g.first(node));
        } else {
            expr = op.specName() + "(" + name(g, g.first(node)) + ")";
        }
        String opName = "<FONT COLOR=\"#666666\">" + op.specName() + "</FONT>";
        return g.isNamed(node) ? "<B>" + Dot.html(g.label(node)) + "</B> = " + Dot.html(expr) + "  " + opName
                : Dot.html(expr) + "  " + opName;
    }

    private static String name(Graph g, int node) {
        if (g.op(node) == Op.CONSTANT) {
            return NumberText.format(g.param(node));
        }
        return g.isNamed(node) ? g.label(node) : "(" + g.label(node) + ")";
    }

    /** Ten significant digits: as many as a message shows. */
    static String number(double x) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "—" : NumberText.format(x);
        }
        return NumberText.format(new BigDecimal(x).round(new MathContext(10)).doubleValue());
    }
}
