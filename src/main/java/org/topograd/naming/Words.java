package org.topograd.naming;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import org.topograd.spec.Graph;
import org.topograd.spec.NumberText;
import org.topograd.spec.Op;
import org.topograd.submission.Discovery;

/** Names and numbers in explanations, as the grading messages write them. */
public final class Words {
    private Words() {}

    /** A node as reports name it: its name, or its subexpression in parentheses. */
    public static String node(Graph graph, int node) {
        return graph.isNamed(node) ? graph.label(node) : "(" + graph.label(node) + ")";
    }

    /**
     * The node and what it computes from its operands' names: "d = a - b", "(b ^ 2)", "f = exp(b)".
     */
    public static String definition(Graph graph, int node) {
        Op op = graph.op(node);
        String expr;
        if (op.isLeaf()) {
            return node(graph, node);
        } else if (op == Op.POW) {
            expr = node(graph, graph.first(node)) + " ^ " + NumberText.format(graph.param(node));
        } else if (op.arity() == Op.Arity.BINARY) {
            expr = node(graph, graph.first(node)) + " " + op.symbol() + " " + node(graph, graph.second(node));
        } else if (op == Op.NEG) {
            expr = "-" + node(graph, graph.first(node));
        } else {
            String x = node(graph, graph.first(node));
            expr = op.specName() + (x.startsWith("(") ? x : "(" + x + ")");
        }
        return graph.isNamed(node) ? graph.label(node) + " = " + expr : "(" + graph.label(node) + ")";
    }

    /** Six significant digits: enough to recognise a number, few enough to read. */
    public static String number(double x) {
        if (!Double.isFinite(x)) {
            return NumberText.format(x);
        }
        return NumberText.format(new BigDecimal(x).round(new MathContext(6)).doubleValue());
    }

    /** "Power.backward() at node p", with the student's class when it is known. */
    public static String backwardAt(Graph graph, int node, Map<Op, String> classes) {
        Op op = graph.op(node);
        String cls = classes.get(op);
        String method = cls == null ? "the " + op.specName() + " node's backward()"
                : Discovery.simpleName(cls) + ".backward()";
        return method + " at node " + node(graph, node);
    }

    /** "a, b and c". */
    public static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    public static String times(int n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }
}
