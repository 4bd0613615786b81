package org.topograd.engine.tensor;

import org.topograd.api.tensor.NDArray;
import org.topograd.engine.Calculus;
import org.topograd.spec.Op;
import org.topograd.spec.tensor.TensorOp;

/**
 * The value and the vector-Jacobian product of every tensor op: the whole of the math, one short
 * case per op.
 *
 * <p>{@code a} and {@code b} are the operands' values ({@code b} is null for one operand),
 * {@code p} a power's exponent or a reduction's axis, {@code out} the node's own value and
 * {@code g} the gradient arriving at the node (the output's derivative with respect to each
 * element of {@code out}). {@link #vjp} returns the gradient the node passes to operand {@code k},
 * {@code g · ∂out/∂operand}, which always has that operand's shape: where an operand was
 * broadcast on the way forward, its share is summed back with {@link NDArray#sumTo}.
 *
 * <p>The elementwise functions' local derivatives are the scalar engine's ({@link Calculus}),
 * applied element by element, so the two assignments agree to the last bit on them and keep
 * their precision at extreme arguments ({@code 1 - tanh²} cancels from x = 19 on; sech² does not).
 * Softmax, log-softmax and cross-entropy subtract each row's maximum before exponentiating, so
 * logits of 1000 give numbers, not NaN.
 */
public final class TensorCalculus {
    private TensorCalculus() {}

    /** The value of {@code op} applied to {@code a} (and {@code b}, or the parameter {@code p}). */
    public static NDArray value(TensorOp op, NDArray a, NDArray b, double p) {
        return switch (op) {
            case ADD -> a.plus(b);
            case SUB -> a.minus(b);
            case MUL -> a.times(b);
            case DIV -> a.div(b);
            case POW -> a.pow(p);
            case NEG -> a.neg();
            case EXP, LOG, SQRT, SIN, COS, TANH, SIGMOID, RELU -> a.map(x -> Calculus.value(scalar(op), x, 0, 0));
            case MATMUL -> a.matmul(b);
            case TRANSPOSE -> a.transpose();
            case SUM -> a.sum();
            case MEAN -> a.mean();
            case SUM_AXIS -> a.sum((int) p);
            case MEAN_AXIS -> a.mean((int) p);
            case SOFTMAX -> softmax(a);
            case LOG_SOFTMAX -> logSoftmax(a);
            case CROSS_ENTROPY -> crossEntropy(a, b);
            case INPUT, CONSTANT -> throw new IllegalArgumentException(op + " is a leaf");
        };
    }

    /**
     * The gradient passed to operand {@code k} of a node whose gradient is {@code g}: the
     * vector-Jacobian product {@code g · ∂out/∂operand_k}, of operand {@code k}'s shape.
     */
    public static NDArray vjp(TensorOp op, int k, NDArray g, NDArray a, NDArray b, NDArray out, double p) {
        NDArray operand = k == 0 ? a : b;
        return switch (op) {
            case ADD -> g.sumTo(operand.shape());
            case SUB -> (k == 0 ? g : g.neg()).sumTo(operand.shape());
            case MUL -> g.times(k == 0 ? b : a).sumTo(operand.shape());
            // d(a/b)/db = -a/b² = -out/b: out is already a/b, so no b² to over- or underflow.
            case DIV -> (k == 0 ? g.div(b) : g.times(out).div(b).neg()).sumTo(operand.shape());
            case NEG -> g.neg();
            case POW, EXP, LOG, SQRT, SIN, COS, TANH, SIGMOID, RELU -> g.times(slope(op, a, out, p));
            case MATMUL -> matmulVjp(k, g, a, b);
            case TRANSPOSE -> g.transpose();
            case SUM -> g.broadcastTo(a.shape());
            case MEAN -> g.div(a.size()).broadcastTo(a.shape());
            case SUM_AXIS -> restoreAxis(g, a, (int) p);
            case MEAN_AXIS -> restoreAxis(g, a, (int) p).div(a.dim((int) p));
            // s ⊙ (G - Σ_j G_j s_j): the Jacobian diag(s) - s sᵀ applied to G, row by row.
            case SOFTMAX -> out.times(g.minus(g.times(out).sum(-1, true)));
            // G - softmax(a) Σ_j G_j: the Jacobian I - 1 sᵀ applied to G; softmax = exp(log_softmax).
            case LOG_SOFTMAX -> g.minus(out.exp().times(g.sum(-1, true)));
            case CROSS_ENTROPY -> k == 0 ? crossEntropyVjp(g, a, b) : b.zerosLike(); // labels are not differentiated
            case INPUT, CONSTANT -> throw new IllegalArgumentException(op + " is a leaf");
        };
    }

    /**
     * {@code G bᵀ} for the left operand and {@code aᵀ G} for the right. numpy's vector rules (a
     * vector is a row on the left, a column on the right) are made explicit by reshaping to
     * matrices first, so one pair of formulas serves every case; each result is reshaped back to
     * its operand's shape.
     */
    private static NDArray matmulVjp(int k, NDArray g, NDArray a, NDArray b) {
        NDArray a2 = a.rank() == 1 ? a.reshape(1, a.size()) : a;
        NDArray b2 = b.rank() == 1 ? b.reshape(b.size(), 1) : b;
        NDArray g2 = g.reshape(a2.dim(0), b2.dim(1));
        return k == 0 ? g2.matmul(b2.transpose()).reshape(a.shape()) : a2.transpose().matmul(g2).reshape(b.shape());
    }

    /** The gradient of a reduction along {@code axis}: {@code g} copied back along the axis that disappeared. */
    private static NDArray restoreAxis(NDArray g, NDArray a, int axis) {
        int[] kept = a.shape();
        kept[axis] = 1;
        return g.reshape(kept).broadcastTo(a.shape());
    }

    /** {@code exp(x - max) / Σ exp(x - max)} along the last axis: the maximum keeps exp from overflowing. */
    static NDArray softmax(NDArray x) {
        NDArray e = x.minus(x.max(-1, true)).exp();
        return e.div(e.sum(-1, true));
    }

    /** {@code (x - max) - log Σ exp(x - max)} along the last axis: never the log of an underflowed 0. */
    static NDArray logSoftmax(NDArray x) {
        NDArray shifted = x.minus(x.max(-1, true));
        return shifted.minus(shifted.exp().sum(-1, true).log());
    }

    /**
     * The mean over rows of {@code -log_softmax(z)[i, y_i]}; logits {@code [N, C]} with labels {@code [N]}, or
     * {@code [C]} with one.
     */
    static NDArray crossEntropy(NDArray z, NDArray y) {
        NDArray logProbabilities = logSoftmax(z);
        int rows = y.size();
        int classes = z.dim(-1);
        double total = 0;
        for (int i = 0; i < rows; i++) {
            total -= logProbabilities.at(i * classes + label(y, i, classes));
        }
        return NDArray.scalar(total / rows);
    }

    /** {@code G (softmax(z) - onehot(y)) / N}: each row's share of the mean. */
    private static NDArray crossEntropyVjp(NDArray g, NDArray z, NDArray y) {
        return softmax(z).minus(oneHot(y, z)).times(g.item() / y.size());
    }

    /** Ones at each row's label, zeros elsewhere, of the logits' shape. */
    static NDArray oneHot(NDArray y, NDArray z) {
        int classes = z.dim(-1);
        double[] hot = new double[z.size()];
        for (int i = 0; i < y.size(); i++) {
            hot[i * classes + label(y, i, classes)] = 1;
        }
        return NDArray.of(hot, z.shape());
    }

    private static int label(NDArray y, int i, int classes) {
        double label = y.at(i);
        if (label != Math.rint(label) || label < 0 || label >= classes) {
            // The spec reader rejects such labels; this guards a caller that bypassed it.
            throw new IllegalArgumentException("label " + label + " is not a class from 0 to " + (classes - 1));
        }
        return (int) label;
    }

    /** The elementwise local derivative {@code ∂out/∂a}, by the scalar engine's precise rule. */
    private static NDArray slope(TensorOp op, NDArray a, NDArray out, double p) {
        Op scalar = scalar(op);
        return a.zip(out, (x, y) -> Calculus.partial(scalar, 0, x, 0, p, y));
    }

    /** The scalar op of the same name, for the elementwise functions the two languages share. */
    private static Op scalar(TensorOp op) {
        return Op.valueOf(op.name());
    }
}
