package org.topograd.spec;

import java.util.List;

/**
 * An expression on the right of a graph entry, as parsed. Positions are 0-based offsets into the
 * expression's text, for error messages and for labelling anonymous nodes.
 */
public sealed interface Expr {
    int start();

    int end();

    /** A number: a constant leaf. */
    record Num(double value, int start, int end) implements Expr {}

    /** A name: an input or an earlier graph entry. */
    record Ref(String name, int start, int end) implements Expr {}

    /** One operator application or call: one node of {@code op}. */
    record Apply(Op op, List<Expr> operands, double exponent, int start, int end) implements Expr {
        public Apply {
            operands = List.copyOf(operands);
        }
    }
}
