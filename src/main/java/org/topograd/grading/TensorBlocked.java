package org.topograd.grading;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.topograd.sandbox.TaskOutcome;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;

/** {@link Blocked} for tensor ops: the classes not run, and why; the first reason given is kept. */
final class TensorBlocked {
    private final Map<TensorOp, String> ops = new EnumMap<>(TensorOp.class);
    private String traversal;

    void op(TensorOp op, String why) {
        ops.putIfAbsent(op, why);
    }

    void traversal(String why) {
        if (traversal == null) {
            traversal = why;
        }
    }

    /** Whether {@code op}'s class is not run. */
    boolean has(TensorOp op) {
        return ops.containsKey(op);
    }

    /** A copy, for one spec: what blocks a class there does not block it on the next spec. */
    TensorBlocked copy() {
        TensorBlocked copy = new TensorBlocked();
        copy.ops.putAll(ops);
        copy.traversal = traversal;
        return copy;
    }

    /** Why {@code check} cannot run on a graph of {@code ops}; null if it can. */
    String why(Check check, Set<TensorOp> used) {
        if (check != Check.TRAVERSAL) {
            for (TensorOp op : used) {
                if (ops.containsKey(op)) {
                    return ops.get(op);
                }
            }
        }
        return check == Check.TRAVERSAL || check == Check.END_TO_END ? traversal : null;
    }

    /** After a CPU timeout or an exit, the class that was running is not run again on this spec. */
    void stopped(TaskOutcome outcome, TensorBlame blame, TensorGraph graph, String why) {
        String where = Outcomes.stoppedAt(outcome);
        if (where == null) {
            return;
        }
        TensorOp op = blame.op(graph, where);
        if (op != null) {
            op(op, why);
        } else if (TensorBlame.traversal(where)) {
            traversal(why);
        }
    }
}
