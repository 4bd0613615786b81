package org.topograd.spec.tensor;

import java.util.List;

/**
 * An expression on the right of a tensor graph entry, as parsed. Positions are 0-based offsets into
 * the expression's text, for error messages and for labelling anonymous nodes.
 */
sealed interface TensorExpr {
    int start();

    int end();

    /** A number: a scalar constant. */
    record Num(double value, int start, int end) implements TensorExpr {}

    /** A name: an input, a constant or an earlier graph entry. */
    record Ref(String name, int start, int end) implements TensorExpr {}

    /** One operator or call: one node of {@code op}; {@code param} is a power's exponent or the axis as written. */
    record Apply(TensorOp op, List<TensorExpr> operands, double param, int start, int end) implements TensorExpr {
        public Apply {
            operands = List.copyOf(operands);
        }
    }
}
