package org.topograd.engine;

import org.topograd.spec.Op;

/**
 * The local derivative rule backpropagation uses. The reference uses {@link #EXACT}; the mutants
 * that reproduce students' classic mistakes substitute a wrong rule for one op.
 */
@FunctionalInterface
public interface Derivatives {
    Derivatives EXACT = Calculus::partial;

    /** d(op)/d(operand {@code k}), as in {@link Calculus#partial}. */
    double partial(Op op, int k, double x, double y, double p, double out);
}
