package org.topograd.diagnosis;

import java.util.Set;
import org.topograd.naming.Mistake;
import org.topograd.spec.Op;

/**
 * One classic mistake, reproduced on the reference engine. Either a node's {@code backward()} is
 * wrong ({@link NodeMutant}: the gradient check sees it) or the traversal is ({@link TraversalMutant}:
 * the traversal check sees it); the end-to-end check sees both.
 */
public sealed interface Mutant permits NodeMutant, TraversalMutant {
    /**
     * A short, stable name for reports ({@code recursion-without-topological-order}). Variants of
     * one mistake that give different numbers (a recursion that visits the last input first) share
     * it.
     */
    String bug();

    /** The mistake, to finish the sentence "Your numbers match ...". */
    String mistake();

    /** What to do instead, with the lecture's idea behind it. */
    String fix();

    /** The ops whose {@code backward()} the mistake changes; every op for a traversal mistake. */
    Set<Op> ops();

    /** What sort of mistake it is, for its explanation. */
    Mistake.Kind kind();

    /** The mistake as words and a kind, without the code: what a diagnosis explains, and a student kit carries. */
    default Mistake describe() {
        return new Mistake(bug(), mistake(), fix(), kind(), ops());
    }
}
