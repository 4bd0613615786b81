package org.topograd.engine;

import org.topograd.spec.Op;

/**
 * The value and the local derivatives of every op: the whole of the math, one line per op.
 *
 * <p>{@code x} and {@code y} are the operands' values, {@code p} a power's exponent, {@code out}
 * the node's own value. Conventions follow PyTorch and micrograd: {@code relu'(0) = 0}.
 */
public final class Calculus {
    private Calculus() {}

    /** The value of {@code op} applied to {@code x} (and {@code y}, or exponent {@code p}). */
    public static double value(Op op, double x, double y, double p) {
        switch (op) {
            case ADD: return x + y;
            case SUB: return x - y;
            case MUL: return x * y;
            case DIV: return x / y;
            case POW: return Math.pow(x, p);
            case NEG: return -x;
            case EXP: return Math.exp(x);
            case LOG: return Math.log(x);
            case SQRT: return Math.sqrt(x);
            case SIN: return Math.sin(x);
            case COS: return Math.cos(x);
            case TANH: return Math.tanh(x);
            case SIGMOID: return 1 / (1 + Math.exp(-x));
            case RELU: return x > 0 ? x : 0;
            default: throw new IllegalArgumentException(op + " is a leaf");
        }
    }

    /** d(op)/d(operand {@code k}) at operands {@code x, y}, where the node's value is {@code out}. */
    public static double partial(Op op, int k, double x, double y, double p, double out) {
        switch (op) {
            case ADD: return 1;
            case SUB: return k == 0 ? 1 : -1;
            case MUL: return k == 0 ? y : x;
            case DIV: return k == 0 ? 1 / y : -x / (y * y);
            case POW: return p == 0 ? 0 : p * Math.pow(x, p - 1);
            case NEG: return -1;
            case EXP: return out;
            case LOG: return 1 / x;
            case SQRT: return 0.5 / out;
            case SIN: return Math.cos(x);
            case COS: return -Math.sin(x);
            case TANH: return 1 - out * out;
            case SIGMOID: return out * (1 - out);
            case RELU: return x > 0 ? 1 : 0;
            default: throw new IllegalArgumentException(op + " is a leaf");
        }
    }
}
