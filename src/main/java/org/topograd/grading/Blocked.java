package org.topograd.grading;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.topograd.sandbox.TaskOutcome;
import org.topograd.spec.Graph;
import org.topograd.spec.Op;

/**
 * The classes of a submission that are not run, and why; the first reason given is kept. A class is
 * blocked when it is missing or unusable, when it stopped the worker in its smoke test, and, for the
 * rest of one spec, when it hung or exited at one of that spec's input points.
 */
final class Blocked {
    private final Map<Op, String> ops = new EnumMap<>(Op.class);
    private String traversal;

    void op(Op op, String why) {
        ops.putIfAbsent(op, why);
    }

    void traversal(String why) {
        if (traversal == null) {
            traversal = why;
        }
    }

    boolean has(Op op) {
        return ops.containsKey(op);
    }

    /** A copy, for one spec: what blocks a class there does not block it on the next spec. */
    Blocked copy() {
        Blocked copy = new Blocked();
        copy.ops.putAll(ops);
        copy.traversal = traversal;
        return copy;
    }

    /** Why {@code check} cannot run on a graph of {@code ops}: a class it needs is blocked; null if it can. */
    String why(Check check, Set<Op> ops) {
        if (check != Check.TRAVERSAL) {
            for (Op op : ops) {
                if (this.ops.containsKey(op)) {
                    return this.ops.get(op);
                }
            }
        }
        if (check == Check.TRAVERSAL || check == Check.END_TO_END) {
            return traversal;
        }
        return null;
    }

    /**
     * After a CPU timeout or an exit, the class that was running is not run again: the op whose
     * class is the top student frame, else the op of the node being run, else the traversal.
     */
    void stopped(TaskOutcome outcome, Blame blame, Graph graph, String why) {
        String where = Outcomes.stoppedAt(outcome);
        List<String> stack = Outcomes.stack(outcome);
        if (where == null) {
            return;
        }
        Op inStack = blame.opInStack(stack);
        Op op = inStack != null ? inStack : blame.op(graph, where);
        if (op != null) {
            op(op, why);
        } else if (blame.traversal(where)) {
            traversal(why);
        }
    }
}
