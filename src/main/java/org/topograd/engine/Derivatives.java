package org.topograd.engine;

import org.topograd.spec.Op;

/**
 * The local derivative rule backpropagation uses. The reference uses {@link #EXACT}; the mutants
 * that reproduce students' classic mistakes substitute a wrong rule for one op.
 */
@FunctionalInterface
public interface Derivatives {
    Derivatives EXACT = Calculus::partial;

    /**
     * The textbook forms a correct student may well write: {@code -a / (b * b)}, {@code 1 - t * t},
     * {@code s * (1 - s)}, {@code n * x^(n - 1)}. Right, but they lose precision where {@link #EXACT}
     * does not (b = 1e-160, tanh at 20); {@code validate} warns of a point where that would cost a
     * correct student points.
     */
    Derivatives TEXTBOOK = (op, k, x, y, p, out) -> switch (op) {
        case DIV -> k == 0 ? 1 / y : -x / (y * y);
        case POW -> p == 0 ? 0 : p * Math.pow(x, p - 1);
        case TANH -> 1 - out * out;
        case SIGMOID -> out * (1 - out);
        default -> Calculus.partial(op, k, x, y, p, out);
    };

    /** d(op)/d(operand {@code k}), as in {@link Calculus#partial}. */
    double partial(Op op, int k, double x, double y, double p, double out);
}
