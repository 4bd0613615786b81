package org.topograd.engine;

import org.topograd.spec.Op;

/**
 * The value and the local derivatives of every op: the whole of the math, one line per op where
 * one line keeps full precision.
 *
 * <p>{@code x} and {@code y} are the operands' values, {@code p} a power's exponent, {@code out}
 * the node's own value. Conventions follow PyTorch and micrograd: {@code relu'(0) = 0}.
 *
 * <p>Every rule is written in the form that stays within a few ulps of the exact answer for every
 * operand from 1e-300 to 1e300 ({@code CalculusPrecisionTest} proves it against arbitrary-precision
 * arithmetic): the textbook forms lose it where an intermediate result over- or underflows
 * ({@code -x / (y * y)} at {@code y = 1e-160}) or cancels ({@code 1 - tanh(x)^2} at {@code x = 20}).
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
            case SIGMOID: return sigmoid(x);
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
            case DIV: return k == 0 ? 1 / y : -quotientBySquare(x, y);
            case POW: return powerRule(x, p);
            case NEG: return -1;
            case EXP: return out;
            case LOG: return 1 / x;
            case SQRT: return 0.5 / out;
            case SIN: return Math.cos(x);
            case COS: return -Math.sin(x);
            case TANH: return Math.abs(out) < 0.5 ? 1 - out * out : sechSquared(x);
            case SIGMOID: return x <= 0 ? out * (1 - out) : sigmoidSlope(x);
            case RELU: return x > 0 ? 1 : 0;
            default: throw new IllegalArgumentException(op + " is a leaf");
        }
    }

    /**
     * {@code 1 / (1 + e^-x)}, written {@code e^x / (1 + e^x)} for negative x, where {@code e^-x}
     * would overflow while the answer is still a (subnormal) number.
     */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /**
     * sigmoid'(x) = sigmoid(x) sigmoid(-x) = {@code u / (1 + u)^2} with {@code u = e^-|x|}: no
     * cancellation, where {@code s (1 - s)} is 0 from x = 37 on although the answer is 1e-16 and below.
     * (For x <= 0, s <= 1/2 and {@code s (1 - s)} cancels nothing: {@link #partial} uses it there, one
     * exp fewer.)
     */
    static double sigmoidSlope(double x) {
        double u = Math.exp(-Math.abs(x));
        double s = 1 + u;
        return u / (s * s);
    }

    /**
     * tanh'(x) = sech(x)^2 = {@code 4u / (1 + u)^2} with {@code u = e^(-2|x|)}: no cancellation,
     * where {@code 1 - tanh(x)^2} is 0 from x = 19.1 on although the answer is 1e-16 and below.
     * (Where |tanh(x)| < 1/2, {@code 1 - t^2} is above 3/4 and loses nothing: {@link #partial} uses
     * it there, one exp fewer.)
     */
    static double sechSquared(double x) {
        double u = Math.exp(-2 * Math.abs(x));
        double s = 1 + u;
        return 4 * u / (s * s);
    }

    /**
     * {@code x / y^2} without forming {@code y * y}, which over- or underflows long before the
     * answer does (at y = 1e-160 it is subnormal and 1e-5 off; at 1e-170 it is 0): both operands
     * are scaled into [1, 2) by powers of two, divided there, and the power of two put back last.
     */
    static double quotientBySquare(double x, double y) {
        double q = x / y;
        double r = q / y;
        if (Math.abs(q) >= Double.MIN_NORMAL && Math.abs(r) >= Double.MIN_NORMAL && Math.abs(q) <= Double.MAX_VALUE
                && Math.abs(r) <= Double.MAX_VALUE) {
            return r; // two roundings of normal numbers: within an ulp, and the common case
        }
        if (x == 0 || y == 0 || !Double.isFinite(x) || !Double.isFinite(y)) {
            return x / y / y; // zeros, infinities and NaN come out as the plain formula gives them
        }
        int ex = exponent(x);
        int ey = exponent(y);
        double mx = Math.scalb(x, -ex);
        double my = Math.scalb(y, -ey);
        return Math.scalb(mx / my / my, ex - 2 * ey);
    }

    /** The binary exponent of a finite, non-zero number, subnormals included: {@code |v| / 2^e} is in [1, 2). */
    private static int exponent(double v) {
        int e = Math.getExponent(v);
        return e >= Double.MIN_EXPONENT ? e : Math.getExponent(v * 0x1p54) - 54;
    }

    /**
     * The power rule {@code p x^(p-1)}. The exponent {@code p - 1} is not always a double (p = 0.1
     * gives 0.9 rounded), and at x = 1e-300 its rounding error of 5e-17 alone would cost 170 ulps;
     * so the rounding error is carried separately, exactly, and put back as the factor
     * {@code x^err = 1 + err ln x} (the next term is below 1e-28).
     */
    static double powerRule(double x, double p) {
        if (p == 0) {
            return 0; // x^0 is a constant, even where 0^-1 would be infinite
        }
        double q = p - 1;
        double back = q - p;
        double err = (p - (q - back)) + (-1 - back); // Knuth's TwoSum: exactly (p - 1) - q
        double power = Math.pow(x, q);
        if (err != 0 && x != 0 && Double.isFinite(power) && power != 0) {
            power *= 1 + err * Math.log(Math.abs(x));
        }
        return p * power;
    }
}
