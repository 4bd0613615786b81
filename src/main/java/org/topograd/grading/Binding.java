package org.topograd.grading;

import java.util.ArrayList;
import java.util.List;
import org.topograd.sandbox.WorkerException;
import org.topograd.sandbox.WorkerSession;
import org.topograd.spec.Op;
import org.topograd.submission.Discovery;
import org.topograd.worker.Messages;

/**
 * The student's classes bound in a worker: the class found for each op and for the traversal, and
 * why the worker could not use one (no constructor of the right shape, a class that does not load).
 * No student code runs in binding.
 */
final class Binding {
    private final Discovery.Found found;
    private final Messages.Bound bound;

    private Binding(Discovery.Found found, Messages.Bound bound) {
        this.found = found;
        this.bound = bound;
    }

    /** Binds the classes {@code found} in the session's worker (starting it if need be). */
    static Binding bind(WorkerSession session, Discovery.Found found) throws WorkerException {
        List<String> classes = new ArrayList<>();
        List<Integer> arities = new ArrayList<>();
        for (Op op : Op.operations()) {
            classes.add(found.ops().getOrDefault(op, ""));
            arities.add(arity(op));
        }
        return new Binding(found, session.bind(new Messages.Bind(classes, arities, found.backprop())));
    }

    /** The shape of the constructor an op's class must have, as the worker's protocol codes it. */
    static int arity(Op op) {
        return switch (op.arity()) {
            case UNARY -> Messages.UNARY;
            case BINARY -> Messages.BINARY;
            default -> Messages.POWER; // POWER: leaves are never bound
        };
    }

    Discovery.Found found() {
        return found;
    }

    /** Why the worker cannot use {@code op}'s class, in the student's terms; null if it can (or there is none). */
    String opProblem(Op op) {
        String problem = bound.opProblems().get(Op.operations().indexOf(op));
        return problem == null ? null : "the class for " + op.specName() + " cannot be used: " + problem;
    }

    /** Why the worker cannot use the Backprop class; null if it can (or there is none). */
    String backpropProblem() {
        return bound.backpropProblem() == null ? null
                : "the Backprop class cannot be used: " + bound.backpropProblem();
    }

    /** Why {@code op}'s checks cannot run at all: no class, or one the worker cannot use; null if they can. */
    String opBlocked(Op op) {
        String missing = found.missing().get(op);
        if (missing != null) {
            return "not run: " + missing;
        }
        if (!found.ops().containsKey(op)) {
            return "not run: no usable class for op " + op.specName();
        }
        String problem = opProblem(op);
        return problem == null ? null : "not run: " + problem;
    }

    /** Why the traversal's checks cannot run at all; null if they can. */
    String traversalBlocked() {
        if (found.backprop() == null) {
            return "not run: no class implements Backprop";
        }
        String problem = backpropProblem();
        return problem == null ? null : "not run: " + problem;
    }
}
