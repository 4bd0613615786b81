package org.topograd.naming;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.topograd.spec.Op;

/**
 * One classic mistake as words and a kind, without the code that reproduces it: what the
 * explanation of a diagnosis needs to know about a mutant. The mutants themselves, which run on
 * the reference engine, are in {@code org.topograd.diagnosis}; the student kit carries only this.
 *
 * @param bug a short, stable name for reports ({@code recursion-without-topological-order})
 * @param mistake the mistake, to finish the sentence "Your numbers match ..."
 * @param fix what to do instead, with the lecture's idea behind it
 * @param kind what sort of mistake it is, which decides how it is explained
 * @param ops the ops whose {@code backward()} the mistake changes; every op for a traversal mistake.
 *     Scalar ops only: a tensor mistake ({@code org.topograd.naming.tensor}) leaves this empty, and
 *     its forecast names the backward()s it changes at each point, edge by edge
 */
public record Mistake(String bug, String mistake, String fix, Kind kind, Set<Op> ops) {
    public Mistake {
        EnumSet<Op> inOrder = EnumSet.noneOf(Op.class);
        inOrder.addAll(ops);
        ops = Collections.unmodifiableSet(inOrder);
    }

    /** The sorts of mistake: in the traversal, or in how every node's backward() writes, or one op's derivative. */
    public enum Kind {
        /** backward() recursively from the output, first input first: a shared node once per path. */
        RECURSION(true),
        /** The same recursion, last input first. */
        RECURSION_LAST_INPUT_FIRST(true),
        /** The recursion with a visited set: each backward() once, but as soon as a first path reaches it. */
        RECURSION_WITH_VISITED_SET(true),
        /** backward() in topological order instead of reverse. */
        NOT_REVERSED(true),
        /** Every gradient 0: the seed never set, or zeroed after it was set. */
        RESET_AFTER_SEED(true),
        /** A wrong local derivative for some ops; everything else right. */
        RULE(false),
        /** {@code input.grad = ...} instead of {@code +=}. */
        ASSIGN(false),
        /** {@code input.grad += local}, the upstream gradient never multiplied in. */
        IGNORE_UPSTREAM(false),
        /** Right, then the node's own grad reset to 0 at the end of its backward(). */
        RESET_AFTER_BACKWARD(false);

        private final boolean traversal;

        Kind(boolean traversal) {
            this.traversal = traversal;
        }

        /** A mistake in the traversal (Backprop), rather than in the nodes' backward(). */
        public boolean traversal() {
            return traversal;
        }
    }
}
