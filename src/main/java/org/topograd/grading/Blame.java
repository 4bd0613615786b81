package org.topograd.grading;

import java.util.List;
import org.topograd.spec.Graph;
import org.topograd.spec.Op;
import org.topograd.submission.Discovery;

/**
 * Puts the worker's {@code phase:node} locations into the student's terms ("Mul.forward() at node
 * y") and decides which class a crash or a timeout belongs to.
 */
final class Blame {
    private final Discovery.Found found;

    Blame(Discovery.Found found) {
        this.found = found;
    }

    /** The student's class for each op (binary names), for messages that name the class at fault. */
    java.util.Map<Op, String> classes() {
        return found.ops();
    }

    /** The op whose class was running at {@code where}, if a node's method was. */
    Op op(Graph graph, String where) {
        int colon = where.indexOf(':');
        if (colon < 0) {
            return null;
        }
        int node = Integer.parseInt(where.substring(colon + 1));
        return node < graph.size() ? graph.op(node) : null;
    }

    /** Whether the student's traversal class was running at {@code where}. */
    boolean traversal(String where) {
        return where.equals("topologicalOrder") || where.equals("Backprop.backward")
                || where.equals("construct Backprop");
    }

    /**
     * Which op's class the top student frame of {@code stack} belongs to, if any: inside the
     * student's Backprop a node's own backward may be what hangs.
     */
    Op opInStack(List<String> stack) {
        for (String frame : stack) {
            int paren = frame.indexOf('(');
            String method = paren < 0 ? frame : frame.substring(0, paren);
            int dot = method.lastIndexOf('.');
            String className = dot < 0 ? method : method.substring(0, dot);
            for (var e : found.ops().entrySet()) {
                if (e.getValue().equals(className)) {
                    return e.getKey();
                }
            }
            if (className.equals(found.backprop())) {
                return null;
            }
        }
        return null;
    }

    /** "Mul.forward() at node y": what was running, in the student's names. */
    String describe(Graph graph, String where) {
        int colon = where.indexOf(':');
        if (colon < 0) {
            String cls = simple(found.backprop());
            switch (where) {
                case "topologicalOrder":
                    return cls + ".topologicalOrder(output)";
                case "Backprop.backward":
                    return cls + ".backward(output)";
                case "construct Backprop":
                    return "new " + cls + "()";
                default:
                    return where.isEmpty() ? "the submission's code" : where;
            }
        }
        String phase = where.substring(0, colon);
        int node = Integer.parseInt(where.substring(colon + 1));
        if (node >= graph.size()) {
            return where;
        }
        String cls = simple(found.ops().get(graph.op(node)));
        String at = " at node " + Judge.name(graph, node);
        return (phase.equals("construct") ? "new " + cls + "(...)" : cls + "." + phase + "()") + at;
    }

    /**
     * Where in the student's own code an exception came from: the first frame that is neither the
     * JDK's nor the student API's (an NDArray that refuses a shape is the messenger; the line that
     * called it is the student's), else the top one.
     */
    static String firstFrame(List<String> stack) {
        for (String frame : stack) {
            if (!frame.startsWith("java.") && !frame.startsWith("jdk.") && !frame.startsWith("sun.")
                    && !frame.startsWith("org.topograd.api.") && !frame.startsWith("...")) {
                return ", at " + frame;
            }
        }
        return stack.isEmpty() ? "" : ", at " + stack.get(0);
    }

    private static String simple(String binaryName) {
        return binaryName == null ? "Backprop" : Discovery.simpleName(binaryName);
    }
}
