package org.topograd.diagnosis.tensor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.topograd.api.tensor.NDArray;
import org.topograd.engine.tensor.TensorCalculus;
import org.topograd.engine.tensor.TensorDerivatives;
import org.topograd.spec.tensor.TensorOp;

/**
 * The catalogue of classic tensor mistakes, in the order a diagnosis tries them: {@code =} for
 * {@code +=}, then one op's (or one family's) vector-Jacobian product. Variants of one mistake that
 * give different numbers (a missing transpose on the left operand, on the right, on both) share
 * its name, as the scalar catalogue's recursions do ({@link org.topograd.diagnosis.Mutants}).
 *
 * <p>Each mistake is one the course's students make with arrays, in the words the lecture and numpy
 * use for its fix; each is told apart from the right answer by some bundled tensor spec (see
 * {@code topograd audit tensors/specs}), often only by a wrong shape or a size that does not match,
 * which a student's code shows the same way.
 */
public final class TensorMutants {
    private static final Set<TensorOp> ARITHMETIC = EnumSet.of(TensorOp.ADD, TensorOp.SUB, TensorOp.MUL,
            TensorOp.DIV);

    private static final List<TensorMutant> ALL = build();

    private TensorMutants() {}

    /** Every mutant, in diagnosis order. */
    public static List<TensorMutant> all() {
        return ALL;
    }

    /** The distinct bug names, in catalogue order. */
    public static List<String> bugs() {
        return ALL.stream().map(TensorMutant::bug).distinct().toList();
    }

    /** The exact rule with {@code ops}' vector-Jacobian product replaced. */
    private static TensorDerivatives wrong(Set<TensorOp> ops, TensorDerivatives rule) {
        return (op, k, g, a, b, out, p) -> ops.contains(op) ? rule.vjp(op, k, g, a, b, out, p)
                : TensorCalculus.vjp(op, k, g, a, b, out, p);
    }

    private static TensorMutant rule(String bug, String mistake, String fix, Set<TensorOp> ops,
            TensorDerivatives rule) {
        return new TensorMutant(bug, mistake, fix, TensorMutant.Write.ACCUMULATE, wrong(ops, rule), ops);
    }

    /**
     * An elementwise operator's share for operand {@code k} before it is summed back: the right rule
     * with that operand already broadcast to the result's shape, so that summing back changes nothing.
     */
    static NDArray unsummed(TensorOp op, int k, NDArray g, NDArray a, NDArray b, NDArray out, double p) {
        return TensorCalculus.vjp(op, k, g, k == 0 ? a.broadcastTo(out.shape()) : a,
                k == 1 ? b.broadcastTo(out.shape()) : b, out, p);
    }

    /**
     * The share summed over the other axis of a matrix result, for an operand broadcast along one
     * axis: a row {@code [n]} (or {@code [1, n]}) summed along the rows' axis 1 instead of axis 0, a
     * column {@code [m, 1]} along axis 0. Put in the operand's shape where the sizes allow (a square
     * result); otherwise left in the shape it has, as a student's code would leave it.
     */
    static NDArray wrongAxis(TensorOp op, int k, NDArray g, NDArray a, NDArray b, NDArray out, double p) {
        NDArray operand = k == 0 ? a : b;
        NDArray share = unsummed(op, k, g, a, b, out, p);
        if (out.rank() != 2) {
            return TensorCalculus.vjp(op, k, g, a, b, out, p);
        }
        int m = out.dim(0);
        int n = out.dim(1);
        boolean row = m > 1 && (operand.rank() == 1 && operand.dim(0) == n
                || operand.rank() == 2 && operand.dim(0) == 1 && operand.dim(1) == n && n > 1);
        boolean column = n > 1 && operand.rank() == 2 && operand.dim(0) == m && operand.dim(1) == 1 && m > 1;
        if (!row && !column) {
            return TensorCalculus.vjp(op, k, g, a, b, out, p);
        }
        NDArray summed = share.sum(row ? 1 : 0, column);
        return summed.size() == operand.size() ? summed.reshape(operand.shape()) : summed;
    }

    /**
     * The gradient of a reduction along {@code axis} of a matrix copied back along the other axis:
     * {@code g} lined up with the axis that was summed instead of the one that stayed. Where the
     * matrix is not square the sizes do not match, and this throws as a student's code would.
     */
    static NDArray restoreAlongOtherAxis(NDArray g, NDArray a, int axis) {
        int[] kept = a.shape();
        kept[1 - axis] = 1;
        return g.reshape(kept).broadcastTo(a.shape());
    }

    private static List<TensorMutant> build() {
        List<TensorMutant> all = new ArrayList<>();
        String accumulate = "Add to the gradient, x.grad = x.grad.plus(share): by the multivariate chain rule a"
                + " node's gradient is the sum of the shares of every use of it.";
        all.add(new TensorMutant("assign-instead-of-accumulate",
                "a backward() that assigns x.grad = share instead of adding to it (x.grad = x.grad.plus(share))",
                accumulate, TensorMutant.Write.ASSIGN, TensorDerivatives.EXACT, EnumSet.copyOf(TensorOp.operations())));
        all.add(new TensorMutant("assign-instead-of-accumulate",
                "an arithmetic operator's backward() (add, sub, mul, div) that assigns x.grad = share instead of"
                        + " adding to it (x.grad = x.grad.plus(share))",
                accumulate, TensorMutant.Write.ASSIGN, TensorDerivatives.EXACT, ARITHMETIC));

        String transposes = "For value = A @ B, the gradients are dA = G Bᵀ and dB = Aᵀ G: only with the"
                + " transposes does each have its operand's shape, and square matrices hide a missing one from"
                + " the shape, not from the numbers.";
        Set<TensorOp> matmul = EnumSet.of(TensorOp.MATMUL);
        all.add(rule("matmul-no-transpose", "matmul's gradient without the transpose (dA = G B instead of G Bᵀ)",
                transposes, matmul, (op, k, g, a, b, out, p) -> k == 0 ? matmulNoTranspose(k, g, a, b)
                        : TensorCalculus.vjp(op, k, g, a, b, out, p)));
        all.add(rule("matmul-no-transpose", "matmul's gradient without the transpose (dB = A G instead of Aᵀ G)",
                transposes, matmul, (op, k, g, a, b, out, p) -> k == 1 ? matmulNoTranspose(k, g, a, b)
                        : TensorCalculus.vjp(op, k, g, a, b, out, p)));
        all.add(rule("matmul-no-transpose",
                "matmul's gradients without the transposes (dA = G B and dB = A G instead of G Bᵀ and Aᵀ G)",
                transposes, matmul, (op, k, g, a, b, out, p) -> matmulNoTranspose(k, g, a, b)));

        all.add(rule("broadcast-not-summed",
                "a broadcast operand's gradient not summed back over the axes it was broadcast along (x.grad"
                        + " plus the share as it is, instead of share.sumTo(x.shape))",
                "An operand broadcast on the way forward (a bias row added to every example) was used once per"
                        + " copy, so its gradient is the share summed back to its own shape: share.sumTo(x.shape),"
                        + " numpy's grad.sum(axis=0) for a bias.",
                ARITHMETIC, TensorMutants::unsummed));
        all.add(rule("broadcast-summed-wrong-axis",
                "a broadcast operand's gradient summed over the wrong axis (a row's share summed along axis 1"
                        + " instead of 0, or a column's along 0 instead of 1)",
                "Sum the share over the axes the operand was broadcast along, which share.sumTo(x.shape) does: a"
                        + " bias of shape [n] added to a batch of shape [m, n] gets grad.sum(0), the sum over the"
                        + " rows (examples).",
                ARITHMETIC, TensorMutants::wrongAxis));

        all.add(rule("softmax-missing-outer",
                "softmax's backward without the - s sᵀ term (x.grad += s * G, the Jacobian's diagonal only)",
                "softmax's Jacobian is diag(s) - s sᵀ, since every output of a row depends on every input of that"
                        + " row: x.grad += s * (G - sum(G * s, last axis, keepdims)).",
                EnumSet.of(TensorOp.SOFTMAX), (op, k, g, a, b, out, p) -> out.times(g)));
        all.add(rule("log-softmax-missing-outer",
                "log_softmax's backward without the - softmax(x) Σ G term (x.grad += G)",
                "log_softmax's Jacobian is I - 1 sᵀ with s = softmax(x): x.grad += G - s * sum(G, last axis,"
                        + " keepdims).",
                EnumSet.of(TensorOp.LOG_SOFTMAX), (op, k, g, a, b, out, p) -> g));

        all.add(rule("cross-entropy-not-averaged",
                "cross-entropy's gradient not divided by the batch (softmax(z) - onehot(y) instead of"
                        + " (softmax(z) - onehot(y)) / N)",
                "The loss is the mean over the N rows of the batch, so each row's gradient is divided by N:"
                        + " z.grad += (softmax(z) - onehot(y)) * G / N.",
                EnumSet.of(TensorOp.CROSS_ENTROPY), (op, k, g, a, b, out, p) -> k == 0
                        ? TensorCalculus.vjp(op, k, g, a, b, out, p).times(b.size())
                        : TensorCalculus.vjp(op, k, g, a, b, out, p)));
        String divide = "A mean is a sum divided by the count, so its gradient is G / count copied back to every"
                + " element it averaged: mean(x) gives each element G / x.size, mean(x, axis) G / x.dim(axis).";
        all.add(rule("mean-not-divided", "mean's gradient not divided by the count (G copied back instead of G / n)",
                divide, EnumSet.of(TensorOp.MEAN),
                (op, k, g, a, b, out, p) -> TensorCalculus.vjp(op, k, g, a, b, out, p).times(a.size())));
        all.add(rule("mean-axis-not-divided",
                "mean(x, axis)'s gradient not divided by the axis's length (G copied back instead of G / n)",
                divide, EnumSet.of(TensorOp.MEAN_AXIS),
                (op, k, g, a, b, out, p) -> TensorCalculus.vjp(op, k, g, a, b, out, p).times(a.dim((int) p))));

        String restore = "Put the reduced axis back with length 1, then broadcast: grad.reshape(x.shape with 1 at"
                + " axis).broadcastTo(x.shape), numpy's np.expand_dims(G, axis); grad.broadcastTo(x.shape) alone"
                + " lines G up with the last axis, which is right only for axis 0.";
        all.add(rule("sum-axis-wrong-axis",
                "sum(x, 1)'s gradient broadcast along the wrong axis (grad.broadcastTo(x.shape), which puts G in"
                        + " every row, G[j] at [i, j], instead of G[i] all along row i)",
                restore, EnumSet.of(TensorOp.SUM_AXIS), (op, k, g, a, b, out, p) -> a.rank() == 2 && p == 1
                        ? restoreAlongOtherAxis(g, a, 1) : TensorCalculus.vjp(op, k, g, a, b, out, p)));
        all.add(rule("sum-axis-wrong-axis",
                "sum(x, axis)'s gradient broadcast along the wrong axis (G copied along the axis that was kept"
                        + " instead of the one that was summed)",
                restore, EnumSet.of(TensorOp.SUM_AXIS), (op, k, g, a, b, out, p) -> a.rank() == 2
                        ? restoreAlongOtherAxis(g, a, (int) p) : TensorCalculus.vjp(op, k, g, a, b, out, p)));
        all.add(rule("mean-axis-wrong-axis",
                "mean(x, 1)'s gradient broadcast along the wrong axis (grad.broadcastTo(x.shape), which puts G in"
                        + " every row, G[j] at [i, j], instead of G[i] all along row i)",
                restore, EnumSet.of(TensorOp.MEAN_AXIS), (op, k, g, a, b, out, p) -> a.rank() == 2 && p == 1
                        ? restoreAlongOtherAxis(g, a, 1).div(a.dim(1)) : TensorCalculus.vjp(op, k, g, a, b, out, p)));
        all.add(rule("mean-axis-wrong-axis",
                "mean(x, axis)'s gradient broadcast along the wrong axis (G copied along the axis that was kept"
                        + " instead of the one that was averaged)",
                restore, EnumSet.of(TensorOp.MEAN_AXIS), (op, k, g, a, b, out, p) -> a.rank() == 2
                        ? restoreAlongOtherAxis(g, a, (int) p).div(a.dim((int) p))
                        : TensorCalculus.vjp(op, k, g, a, b, out, p)));
        return List.copyOf(all);
    }

    /**
     * {@code G B} for the left operand, {@code A G} for the right: the right rule's products without
     * the transposes, vectors made matrices as numpy's rules make them. The sizes match only where the
     * other operand is square; elsewhere this throws as a student's code would.
     */
    static NDArray matmulNoTranspose(int k, NDArray g, NDArray a, NDArray b) {
        NDArray a2 = a.rank() == 1 ? a.reshape(1, a.size()) : a;
        NDArray b2 = b.rank() == 1 ? b.reshape(b.size(), 1) : b;
        NDArray g2 = g.reshape(a2.dim(0), b2.dim(1));
        return k == 0 ? g2.matmul(b2).reshape(a.shape()) : a2.matmul(g2).reshape(b.shape());
    }
}
