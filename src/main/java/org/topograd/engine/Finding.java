package org.topograd.engine;

import org.topograd.spec.Problem;

/**
 * Something the {@link Solver} found wrong with a spec, of a kind that says who has to act: a
 * wrong expectation is fixed by correcting the number (or {@code topograd solve --write}); a
 * non-finite value means the point is ill-posed; a numerical mismatch means that finite
 * differences cannot follow the output at that point, so students could not be graded reliably there.
 */
public record Finding(Kind kind, Problem problem) {
    public enum Kind {
        /** A number under {@code expect} differs from what the reference engine computes. */
        WRONG_EXPECTATION,
        /** A value or gradient is NaN or infinite at a case: the spec is ill-posed there. */
        NOT_FINITE,
        /** Finite differences disagree with the reference engine's gradient: the point is not graded reliably. */
        NUMERICAL_MISMATCH
    }

    @Override
    public String toString() {
        return problem.toString();
    }
}
