package org.topograd.picture;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.topograd.spec.Dag;
import org.topograd.spec.Graph;
import org.topograd.spec.NumberText;
import org.topograd.spec.Op;
import org.topograd.spec.Tolerance;

/**
 * A graph at one input point as DOT text: inputs on the left, the output on the right, an edge from
 * each operand to the node that uses it (two edges for an operand used twice). Each node shows what
 * it computes, its value and its gradient; with a student's numbers, the wanted and the got side by
 * side, the got cell red where it is outside the tolerance and green where it is right.
 *
 * <p>The layout is one for every graph; what each node's card says comes from a {@link Source}: a
 * scalar graph's ({@link #dot(Scene)}) or a tensor graph's ({@code picture.tensor}).
 */
public final class GraphPicture {
    static final String WRONG = "#f4c7c3";
    static final String RIGHT = "#d9ead3";
    static final String WRONG_BORDER = "#cc0000";

    private GraphPicture() {}

    /**
     * What to draw of a scalar graph.
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

    /** What a node is, which sets its card's background. */
    public enum Kind { INPUT, CONSTANT, OPERATION }

    /**
     * One line of a node's card.
     *
     * @param label what the line shows ({@code value}, {@code grad}), HTML
     * @param wanted the reference's number(s), HTML
     * @param got the student's, HTML, or null when they have none
     * @param colour the got cell's background ({@link #WRONG} or {@link #RIGHT}), or null
     */
    public record Row(String label, String wanted, String got, String colour) {
        boolean wrong() {
            return WRONG.equals(colour);
        }
    }

    /**
     * A node's card: a header (its name and what it computes, HTML) above its rows. A constant's
     * card has no student column, since constants are never compared.
     */
    public record Card(Kind kind, String header, List<Row> rows) {
        public Card {
            rows = List.copyOf(rows);
        }
    }

    /** The node label source: what each node's card says, the scalar graph's or the tensor graph's. */
    @FunctionalInterface
    public interface Source {
        Card card(int node);
    }

    /** The picture of a scalar graph. */
    public static String dot(Scene scene) {
        return dot(scene.title(), scene.graph(), scene.order(), scene.student() != null,
                node -> card(scene, node));
    }

    /**
     * The picture of any graph.
     *
     * @param order the nodes to draw, in topological order
     * @param student whether the cards have a student's column (wanted | got)
     * @param cards each drawn node's card
     */
    public static String dot(String title, Dag g, int[] order, boolean student, Source cards) {
        StringBuilder dot = new StringBuilder();
        dot.append("digraph topograd {\n")
                .append("  graph [rankdir=LR, labelloc=t, fontname=\"Helvetica\", fontsize=14, label=")
                .append(Dot.quote(title)).append("];\n")
                .append("  node [shape=plaintext, fontname=\"Helvetica\", fontsize=11];\n")
                .append("  edge [color=\"#555555\", arrowsize=0.7];\n");
        for (int node : order) {
            dot.append("  n").append(node).append(" [label=<").append(table(student, cards.card(node)))
                    .append(">];\n");
        }
        for (int node : order) {
            for (int k = 0; k < g.operandCount(node); k++) {
                dot.append("  n").append(k == 0 ? g.first(node) : g.second(node)).append(" -> n").append(node)
                        .append(";\n");
            }
        }
        return dot.append("}\n").toString();
    }

    private static String table(boolean student, Card card) {
        boolean constant = card.kind() == Kind.CONSTANT;
        boolean wrong = card.rows().stream().anyMatch(Row::wrong);
        int columns = student ? 3 : 2;
        StringBuilder t = new StringBuilder();
        t.append("<TABLE BORDER=\"").append(wrong ? 2 : 1).append("\" COLOR=\"")
                .append(wrong ? WRONG_BORDER : "#333333")
                .append("\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\" BGCOLOR=\"")
                .append(switch (card.kind()) {
                    case INPUT -> "#eef3fb";
                    case CONSTANT -> "#f5f5f5";
                    case OPERATION -> "#ffffff";
                }).append("\">");
        t.append("<TR><TD COLSPAN=\"").append(columns).append("\">").append(card.header()).append("</TD></TR>");
        if (student && !constant) {
            t.append("<TR><TD></TD><TD><I>wanted</I></TD><TD><I>got</I></TD></TR>");
        }
        for (Row r : card.rows()) {
            t.append("<TR><TD ALIGN=\"LEFT\">").append(r.label()).append("</TD><TD ALIGN=\"RIGHT\">").append(r.wanted())
                    .append("</TD>");
            if (student && !constant) {
                t.append("<TD ALIGN=\"RIGHT\"").append(r.colour() == null ? "" : " BGCOLOR=\"" + r.colour() + "\"")
                        .append('>').append(r.got() == null ? "" : r.got()).append("</TD>");
            } else if (student) {
                t.append("<TD></TD>");
            }
            t.append("</TR>");
        }
        return t.append("</TABLE>").toString();
    }

    /** The got cell's colour: {@link #RIGHT} or {@link #WRONG}. */
    public static String colour(boolean right) {
        return right ? RIGHT : WRONG;
    }

    /**
     * A header: the node's name in bold (when it has one), what it computes, and after it
     * {@code extra} (HTML: a tensor's shape) and the op's name in grey.
     *
     * @param name the node's name, or null for an anonymous subexpression
     * @param expr what it computes, in its operands' names (plain text)
     */
    public static String header(String name, String expr, String extra, String opName) {
        String computed = Dot.html(expr) + extra + "  <FONT COLOR=\"#666666\">" + opName + "</FONT>";
        return name == null ? computed : "<B>" + Dot.html(name) + "</B> = " + computed;
    }

    /** An input's header: its name in bold, then {@code extra} (HTML). */
    public static String inputHeader(String name, String extra) {
        return "<B>" + Dot.html(name) + "</B> <I>input</I>" + extra;
    }

    /** Ten significant digits: as many as a message shows. */
    public static String number(double x) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "—" : NumberText.format(x);
        }
        return NumberText.format(new BigDecimal(x).round(new MathContext(10)).doubleValue());
    }

    /** A scalar graph's card: one number a cell. */
    private static Card card(Scene scene, int node) {
        Graph g = scene.graph();
        Student s = scene.student();
        boolean constant = g.op(node) == Op.CONSTANT;
        List<Row> rows = new ArrayList<>();
        Tolerance tol = scene.tolerance();
        rows.add(row("value", scene.values()[node], s == null || constant ? null : s.values(), node, tol));
        if (!constant) {
            rows.add(row("grad", scene.grads()[node], s == null ? null : s.grads(), node, tol));
            if (s != null && s.endToEnd() != null) {
                rows.add(row("your Backprop", scene.grads()[node], s.endToEnd(), node, tol));
            }
        }
        Kind kind = g.op(node) == Op.INPUT ? Kind.INPUT : constant ? Kind.CONSTANT : Kind.OPERATION;
        return new Card(kind, header(g, node), rows);
    }

    private static Row row(String label, double want, double[] got, int node, Tolerance tolerance) {
        if (got == null) {
            return new Row(label, number(want), "", null);
        }
        return new Row(label, number(want), number(got[node]), colour(tolerance.accepts(got[node], want)));
    }

    /** The node's name (bold) and what it computes, in the operands' names. */
    static String header(Graph g, int node) {
        Op op = g.op(node);
        if (op == Op.INPUT) {
            return inputHeader(g.label(node), "");
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
        return header(g.isNamed(node) ? g.label(node) : null, expr, "", op.specName());
    }

    private static String name(Graph g, int node) {
        if (g.op(node) == Op.CONSTANT) {
            return NumberText.format(g.param(node));
        }
        return g.isNamed(node) ? g.label(node) : "(" + g.label(node) + ")";
    }
}
