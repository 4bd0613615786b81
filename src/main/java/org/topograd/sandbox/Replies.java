package org.topograd.sandbox;

import java.util.List;
import java.util.Set;
import org.topograd.worker.Messages;

/**
 * Whether what a worker sent fits what it was asked. Student code runs in the worker and can write
 * frames of its own on the channel, so every answer is checked against the task and the graph it
 * was sent (kinds, array lengths, node ids, locations) before anything reads it; one that does not
 * fit is a corrupted channel, never an index out of bounds in topograd.
 */
final class Replies {
    /** The phases a failure or a timeout can name without a node. */
    private static final Set<String> TRAVERSAL_PHASES = Set.of("topologicalOrder", "Backprop.backward",
            "construct Backprop");
    private static final Set<String> NODE_PHASES = Set.of("construct", "forward", "backward");
    /** As many stack frames as the worker ever reports, with its "... N more" line. */
    private static final int MAX_FRAMES = 9;

    private Replies() {}

    /**
     * Null if {@code r} is a possible answer to {@code task} on {@code graph}, else what is wrong. Node
     * ids count nodes; values and grads count elements (one a node for a scalar graph), except the
     * traversal's, whose probe nodes are scalars.
     */
    static String problem(Messages.WireGraph graph, Messages.Task task, Messages.Result r) {
        int n = graph.size();
        int e = graph.elements();
        if (r.failure() != null) {
            String where = whereProblem(r.failure().where(), n);
            if (where != null) {
                return where;
            }
            if (r.failure().stack().size() > MAX_FRAMES) {
                return "a stack of " + r.failure().stack().size() + " frames";
            }
        }
        boolean done = r.failure() == null;
        String problem;
        if (task instanceof Messages.Grads t) {
            problem = first(length("values", r.values(), e, done), length("grads", r.grads(), t.seeds().length * e,
                    done));
        } else if (task instanceof Messages.EndToEnd) {
            problem = first(length("values", r.values(), e, done), length("grads", r.grads(), e, done));
        } else if (task instanceof Messages.Evaluate t) {
            problem = length("values", r.values(), t.points().length, done);
        } else if (task instanceof Messages.Traversal) {
            problem = first(length("grads", r.grads(), n, done), ids("order", r.order(), n, -1),
                    ids("calls", r.calls(), n, 0));
        } else if (task instanceof Messages.Local t) {
            int probed = t.nodes().length;
            problem = first(length("values", r.values(), probed, done),
                    length("grads", r.grads(), probed * t.seeds().length * 3, done));
        } else {
            problem = length("values", r.values(), e, done); // Forward
        }
        if (problem != null) {
            return problem;
        }
        if (!(task instanceof Messages.Traversal) && (r.order() != null || r.calls() != null)) {
            return "an order where none was asked for";
        }
        if ((task instanceof Messages.Forward || task instanceof Messages.Evaluate) && r.grads() != null) {
            return "gradients where none were asked for";
        }
        return null;
    }

    /** Null if {@code values} can be the node values a task on {@code graph} sends before its backward. */
    static String valuesProblem(Messages.WireGraph graph, double[] values) {
        return length("values", values, graph.elements(), true);
    }

    /**
     * Null if {@code where} is a location the worker could report on a graph of {@code n} nodes:
     * empty, a traversal phase, or {@code phase:node} with a node of the graph.
     */
    static String whereProblem(String where, int n) {
        if (where.isEmpty() || TRAVERSAL_PHASES.contains(where)) {
            return null;
        }
        int colon = where.indexOf(':');
        if (colon > 0 && NODE_PHASES.contains(where.substring(0, colon))) {
            try {
                int node = Integer.parseInt(where.substring(colon + 1));
                if (node >= 0 && node < n) {
                    return null;
                }
            } catch (NumberFormatException e) {
                // Reported below.
            }
        }
        return "a location that is not one: '" + (where.length() > 80 ? where.substring(0, 80) + "..." : where) + "'";
    }

    /** Null if a stack as reported with a timeout or an exit has the worker's shape. */
    static String stackProblem(List<String> stack) {
        return stack.size() > MAX_FRAMES ? "a stack of " + stack.size() + " frames" : null;
    }

    private static String length(String name, double[] array, int expected, boolean required) {
        if (array == null) {
            return required ? "no " + name : null;
        }
        return array.length == expected ? null
                : name + " for " + array.length + " nodes or points where " + expected + " were expected";
    }

    /** An order or a call log: node ids (or {@code lowest} for a foreign node), at most the worker's cap. */
    private static String ids(String name, int[] ids, int n, int lowest) {
        if (ids == null) {
            return null;
        }
        if (ids.length > 4 * n + 16) {
            return name + " of " + ids.length + " entries for " + n + " nodes";
        }
        for (int id : ids) {
            if (id < lowest || id >= n) {
                return name + " naming node " + id + " of " + n;
            }
        }
        return null;
    }

    private static String first(String... problems) {
        for (String p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }
}
