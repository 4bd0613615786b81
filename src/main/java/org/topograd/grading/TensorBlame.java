package org.topograd.grading;

import java.util.Arrays;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;
import org.topograd.submission.Discovery;
import org.topograd.submission.TensorDiscovery;
import org.topograd.worker.Messages;

/**
 * {@link Blame} for a tensor graph: the worker's {@code phase:node} locations in the student's terms,
 * which op's class was running, and what a wrongly shaped array means.
 */
final class TensorBlame {
    private final TensorDiscovery.Found found;

    TensorBlame(TensorDiscovery.Found found) {
        this.found = found;
    }

    /** The student's class for each op (binary names), to name the one at fault. */
    java.util.Map<TensorOp, String> classes() {
        return found.ops();
    }

    /** The op whose class was running at {@code where}, if a node's method was. */
    TensorOp op(TensorGraph graph, String where) {
        int node = node(where);
        return node >= 0 && node < graph.size() && !graph.op(node).isLeaf() ? graph.op(node) : null;
    }

    /** Whether the student's traversal class was running at {@code where}. */
    static boolean traversal(String where) {
        return where.equals("topologicalOrder") || where.equals("Backprop.backward")
                || where.equals("construct Backprop");
    }

    /** "MatMul.forward() at node z": what was running, in the student's names. */
    String describe(TensorGraph graph, TensorJudge judge, String where) {
        int colon = where.indexOf(':');
        if (colon < 0) {
            String cls = found.backprop() == null ? "TensorBackprop" : Discovery.simpleName(found.backprop());
            return switch (where) {
                case "topologicalOrder" -> cls + ".topologicalOrder(output)";
                case "Backprop.backward" -> cls + ".backward(output)";
                case "construct Backprop" -> "new " + cls + "()";
                default -> where.isEmpty() ? "the submission's code" : where;
            };
        }
        int node = node(where);
        if (node < 0 || node >= graph.size() || graph.op(node).isLeaf()) {
            return where;
        }
        String phase = where.substring(0, colon);
        String cls = Discovery.simpleName(found.ops().getOrDefault(graph.op(node), graph.op(node).specName()));
        return (phase.equals("construct") ? "new " + cls + "(...)" : cls + "." + phase + "()") + " at node "
                + judge.name(node);
    }

    /**
     * A null or wrongly shaped array as the student reads it: "W.grad has shape [5, 3], expected [3, 5],
     * after MatMul.backward() at node z: the gradient of a matmul's right operand is Aᵀ G".
     */
    String misshapen(TensorGraph graph, TensorJudge judge, Messages.Misshapen m, String where) {
        String subject = judge.name(m.node()) + (m.grad() ? ".grad" : ".value");
        String after = ", after " + describe(graph, judge, where);
        if (m.got() == null) {
            return subject + " is null" + after.substring(1) + (m.grad() ? ": a backward adds to each input's grad,"
                    + " which the traversal set to zeros" : ": forward must set value");
        }
        String text = subject + " has shape " + Arrays.toString(m.got()) + ", expected " + Arrays.toString(m.want())
                + after;
        int culprit = node(where);
        if (culprit < 0 && m.grad()) {
            culprit = onlyUser(graph, m.node()); // after the student's traversal: the backward that fills this grad
        }
        String why = m.grad() && culprit >= 0 && culprit < graph.size() ? why(graph, culprit, m.node()) : null;
        return why == null ? text : text + ": " + why;
    }

    /** The rule that gives operand {@code operand} of node {@code node} its gradient's shape, where one helps. */
    private static String why(TensorGraph graph, int node, int operand) {
        TensorOp op = graph.op(node);
        boolean right = graph.second(node) == operand && graph.first(node) != operand;
        if (op == TensorOp.MATMUL) {
            return right ? "the gradient of a matmul's right operand is Aᵀ G" : "the gradient of a matmul's left"
                    + " operand is G Bᵀ";
        }
        if (op.isElementwise()) {
            return "an operand broadcast on the way forward gets its share summed back to its own shape"
                    + " (grad.sumTo(shape))";
        }
        if (op == TensorOp.SUM_AXIS || op == TensorOp.MEAN_AXIS || op == TensorOp.SUM || op == TensorOp.MEAN) {
            return "a reduction's gradient is broadcast back to its operand's shape";
        }
        if (op == TensorOp.TRANSPOSE) {
            return "the gradient of a transpose is G transposed";
        }
        return "a backward adds to each input's grad an array of that input's shape";
    }

    /** The one node that takes {@code node} as an operand, or -1 if none or several do. */
    private static int onlyUser(TensorGraph graph, int node) {
        int user = -1;
        for (int i = 0; i < graph.size(); i++) {
            if (graph.first(i) == node || graph.second(i) == node) {
                if (user >= 0) {
                    return -1;
                }
                user = i;
            }
        }
        return user;
    }

    private static int node(String where) {
        int colon = where.indexOf(':');
        if (colon < 0) {
            return -1;
        }
        try {
            return Integer.parseInt(where.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
