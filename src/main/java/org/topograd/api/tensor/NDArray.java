package org.topograd.api.tensor;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable array of numbers with a shape: a scalar (shape {@code []}), a vector ({@code [n]})
 * or a matrix ({@code [rows, columns]}), stored row-major, as numpy stores them.
 *
 * <p>Every operation returns a new array and leaves its operands alone, so {@code a.plus(b)} is
 * numpy's {@code a + b}. Elementwise operations <em>broadcast</em> as numpy does: shapes are
 * matched from the right, and a size of 1 (or a missing axis) is repeated to match the other
 * operand. A {@code [3]} plus a {@code [2, 3]} adds the vector to each row; a {@code [2, 1]} plus a
 * {@code [2, 3]} adds the column to each column; a scalar goes everywhere.
 *
 * <pre>{@code
 * NDArray x = NDArray.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});   // shape [2, 3]
 * NDArray b = NDArray.vector(10, 20, 30);                              // shape [3]
 * x.plus(b);            // [[11, 22, 33], [14, 25, 36]]
 * x.sum(0);             // [5, 7, 9]: down the columns; axis 0 disappears
 * x.sum(1, true);       // [[6], [15]]: shape [2, 1], keeps the axis so it broadcasts back against x
 * x.matmul(x.transpose());  // [2, 3] @ [3, 2] is [2, 2]
 * }</pre>
 *
 * <p>The tool for the gradient of a broadcast operation is {@link #sumTo(int...)}: if {@code a} of
 * shape {@code [3]} was broadcast to {@code [2, 3]} on the way forward, its gradient is
 * {@code grad.sumTo(a.shape())}, the sum of the gradient over every place it was copied to.
 *
 * <p>A shape that does not fit (matmul's inner sizes, shapes that do not broadcast) throws an
 * {@link IllegalArgumentException} whose message gives both shapes.
 */
// Over 300 lines for a reason (said here, not in the students' Javadoc): it is the whole array library
// students may use, one small documented method per numpy operation, with the loops kept plain for speed.
public final class NDArray {
    /** Arrays have at most two axes, as the lecture's matrices do. */
    public static final int MAX_RANK = 2;

    private final double[] data;
    private final int[] shape;

    /** Takes ownership of {@code data}, which nobody else may hold: every array is immutable. */
    private NDArray(double[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    // ---------------------------------------------------------------- creating arrays

    /** A 0-D array (shape {@code []}) holding one number. */
    public static NDArray scalar(double value) {
        return new NDArray(new double[] {value}, new int[0]);
    }

    /**
     * An array of this shape with these elements, row-major (copied).
     *
     * @throws IllegalArgumentException if the shape is not 0-, 1- or 2-D with sizes of at least 0,
     *     or the number of elements does not match it
     */
    public static NDArray of(double[] data, int... shape) {
        int[] s = checkedShape(shape);
        if (data.length != count(s)) {
            throw new IllegalArgumentException(data.length + " elements do not fill shape " + Arrays.toString(s)
                    + ", which holds " + count(s));
        }
        return new NDArray(data.clone(), s);
    }

    /** A 1-D array of these numbers. */
    public static NDArray vector(double... values) {
        return new NDArray(values.clone(), new int[] {values.length});
    }

    /**
     * A 2-D array of these rows.
     *
     * @throws IllegalArgumentException if there are no rows or the rows differ in length
     */
    public static NDArray matrix(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("a matrix needs at least one row; use NDArray.zeros(0, n) for none");
        }
        int columns = rows[0].length;
        double[] data = new double[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " elements and row 0 has "
                        + columns + ": every row of a matrix has the same length");
            }
            System.arraycopy(rows[r], 0, data, r * columns, columns);
        }
        return new NDArray(data, new int[] {rows.length, columns});
    }

    /** All zeros: {@code zeros()} is the scalar 0, {@code zeros(2, 3)} a 2x3 matrix. */
    public static NDArray zeros(int... shape) {
        return full(0, shape);
    }

    /** All ones. */
    public static NDArray ones(int... shape) {
        return full(1, shape);
    }

    /** Every element {@code value}. */
    public static NDArray full(double value, int... shape) {
        int[] s = checkedShape(shape);
        double[] data = new double[count(s)];
        if (value != 0) {
            Arrays.fill(data, value);
        }
        return new NDArray(data, s);
    }

    /** Zeros of the same shape as this array: where a gradient starts. */
    public NDArray zerosLike() {
        return new NDArray(new double[data.length], shape);
    }

    // ---------------------------------------------------------------- looking inside

    /** The size along each axis (a copy): {@code []}, {@code [n]} or {@code [rows, columns]}. */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of axes: 0, 1 or 2. */
    public int rank() {
        return shape.length;
    }

    /** The size along one axis; {@code -1} is the last axis. */
    public int dim(int axis) {
        return shape[axis(axis)];
    }

    /** The number of elements: 1 for a scalar. */
    public int size() {
        return data.length;
    }

    /** Whether this array has exactly this shape. */
    public boolean hasShape(int... shape) {
        return Arrays.equals(this.shape, shape);
    }

    /**
     * One element: {@code get()} of a scalar, {@code get(i)} of a vector, {@code get(r, c)} of a
     * matrix.
     *
     * @throws IllegalArgumentException if the number of indices is not the rank
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(index.length + " indices for an array of shape " + describe(shape)
                    + ", which needs " + shape.length);
        }
        int flat = 0;
        for (int i = 0; i < index.length; i++) {
            Objects.checkIndex(index[i], shape[i]);
            flat = flat * shape[i] + index[i];
        }
        return data[flat];
    }

    /**
     * Element number {@code i} counted row-major (row 0 first), whatever the shape: with
     * {@link #size()}, the way to loop over every element.
     */
    public double at(int i) {
        return data[i];
    }

    /** The only element of a scalar (or of any array of size 1). */
    public double item() {
        if (data.length != 1) {
            throw new IllegalArgumentException("item() needs a single element, and shape " + describe(shape) + " has "
                    + data.length);
        }
        return data[0];
    }

    /** The elements row-major, a copy: changing it changes nothing here. */
    public double[] toArray() {
        return data.clone();
    }

    // ---------------------------------------------------------------- elementwise, with broadcasting

    public NDArray plus(NDArray other) {
        return zip(other, "plus", (x, y) -> x + y);
    }

    public NDArray minus(NDArray other) {
        return zip(other, "minus", (x, y) -> x - y);
    }

    public NDArray times(NDArray other) {
        return zip(other, "times", (x, y) -> x * y);
    }

    public NDArray div(NDArray other) {
        return zip(other, "div", (x, y) -> x / y);
    }

    public NDArray plus(double y) {
        return map(x -> x + y);
    }

    public NDArray minus(double y) {
        return map(x -> x - y);
    }

    public NDArray times(double y) {
        return map(x -> x * y);
    }

    public NDArray div(double y) {
        return map(x -> x / y);
    }

    public NDArray neg() {
        return map(x -> -x);
    }

    /** Each element to the power {@code exponent}. */
    public NDArray pow(double exponent) {
        return map(x -> Math.pow(x, exponent));
    }

    public NDArray exp() {
        return map(Math::exp);
    }

    /** The natural logarithm. */
    public NDArray log() {
        return map(Math::log);
    }

    public NDArray sqrt() {
        return map(Math::sqrt);
    }

    public NDArray sin() {
        return map(Math::sin);
    }

    public NDArray cos() {
        return map(Math::cos);
    }

    public NDArray tanh() {
        return map(Math::tanh);
    }

    /** {@code f} applied to each element: {@code x.map(v -> v > 0 ? v : 0)} is relu. */
    public NDArray map(DoubleUnaryOperator f) {
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(data[i]);
        }
        return new NDArray(out, shape);
    }

    /**
     * {@code f} applied to each pair of elements, the shapes broadcast against each other:
     * {@code a.zip(b, Math::max)} is numpy's {@code maximum(a, b)}.
     */
    public NDArray zip(NDArray other, DoubleBinaryOperator f) {
        return zip(other, "zip", f);
    }

    private NDArray zip(NDArray other, String name, DoubleBinaryOperator f) {
        double[] a = data;
        double[] b = other.data;
        if (Arrays.equals(shape, other.shape)) { // the common case, one plain loop
            double[] out = new double[a.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = f.applyAsDouble(a[i], b[i]);
            }
            return new NDArray(out, shape);
        }
        int[] outShape = broadcastShape(shape, other.shape, name);
        // Indices as (row, column) of a matrix; an axis an operand lacks or has at size 1 gets stride 0.
        int rows = outShape.length == 2 ? outShape[0] : 1;
        int columns = outShape.length == 0 ? 1 : outShape[outShape.length - 1];
        int[] sa = strides(shape, outShape.length);
        int[] sb = strides(other.shape, outShape.length);
        double[] out = new double[rows * columns];
        int i = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out[i++] = f.applyAsDouble(a[r * sa[0] + c * sa[1]], b[r * sb[0] + c * sb[1]]);
            }
        }
        return new NDArray(out, outShape);
    }

    // ---------------------------------------------------------------- linear algebra and shapes

    /**
     * Matrix product, numpy's {@code a @ b}: {@code [m, n] @ [n, p]} is {@code [m, p]}. A vector on
     * the left is a row and one on the right a column, and that axis is dropped from the result:
     * {@code [n] @ [n, p]} is {@code [p]}, {@code [m, n] @ [n]} is {@code [m]}, {@code [n] @ [n]}
     * is the dot product, a scalar.
     *
     * @throws IllegalArgumentException if an operand is a scalar or the inner sizes differ
     */
    public NDArray matmul(NDArray other) {
        if (rank() == 0 || other.rank() == 0) {
            throw new IllegalArgumentException("matmul needs vectors or matrices, and the "
                    + (rank() == 0 ? "left" : "right")
                    + " operand is a scalar " + describe(rank() == 0 ? shape : other.shape)
                    + ": multiply by a scalar with times() instead");
        }
        int m = rank() == 2 ? shape[0] : 1;
        int n = shape[rank() - 1];
        int n2 = other.shape[0];
        int p = other.rank() == 2 ? other.shape[1] : 1;
        if (n != n2) {
            throw new IllegalArgumentException("the inner sizes of matmul differ: " + describe(shape) + " @ "
                    + describe(other.shape) + " pairs " + n + (n == 1 ? " column" : " columns")
                    + " with " + n2 + (n2 == 1 ? " row" : " rows") + "; they must be equal");
        }
        double[] a = data;
        double[] b = other.data;
        double[] out = new double[m * p];
        // Row of a times b, with k outside j: the inner loop runs along rows of b and out, contiguous in memory.
        for (int i = 0; i < m; i++) {
            int rowA = i * n;
            int rowOut = i * p;
            for (int k = 0; k < n; k++) {
                double aik = a[rowA + k];
                if (aik == 0) {
                    continue;
                }
                int rowB = k * p;
                for (int j = 0; j < p; j++) {
                    out[rowOut + j] += aik * b[rowB + j];
                }
            }
        }
        int[] outShape = rank() == 2 && other.rank() == 2 ? new int[] {m, p}
                : rank() == 2 ? new int[] {m}
                : other.rank() == 2 ? new int[] {p}
                : new int[0];
        return new NDArray(out, outShape);
    }

    /** Rows become columns; a scalar or a vector is returned as it is (as in numpy). */
    public NDArray transpose() {
        if (rank() < 2) {
            return this;
        }
        int rows = shape[0];
        int columns = shape[1];
        double[] out = new double[data.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out[c * rows + r] = data[r * columns + c];
            }
        }
        return new NDArray(out, new int[] {columns, rows});
    }

    /**
     * The same elements in another shape of the same size: {@code v.reshape(3, 1)} makes a column
     * of a vector of 3, {@code x.reshape()} a scalar of a size-1 array.
     */
    public NDArray reshape(int... shape) {
        int[] s = checkedShape(shape);
        if (count(s) != data.length) {
            throw new IllegalArgumentException("cannot reshape " + describe(this.shape) + " (" + data.length
                    + " elements) to " + describe(s) + " (" + count(s) + " elements)");
        }
        return new NDArray(data, s); // sharing is safe: neither array ever changes
    }

    /**
     * This array repeated to a larger shape by numpy's broadcasting rules: {@code [3]} to
     * {@code [2, 3]} repeats the row, {@code [2, 1]} to {@code [2, 3]} the column.
     */
    public NDArray broadcastTo(int... shape) {
        int[] target = checkedShape(shape);
        int[] out = broadcastShape(this.shape, target, "broadcastTo");
        if (!Arrays.equals(out, target)) {
            throw new IllegalArgumentException("cannot broadcast " + describe(this.shape) + " to " + describe(target)
                    + ": it would need shape " + describe(out));
        }
        if (Arrays.equals(this.shape, target)) {
            return this;
        }
        return zip(zeros(target), "broadcastTo", (x, zero) -> x);
    }

    /**
     * Sums this array down to a smaller shape it could have been broadcast from: the reverse of
     * {@link #broadcastTo}, and the gradient of broadcasting. {@code [2, 3]} to {@code [3]} sums
     * the rows, to {@code [2, 1]} the columns of each row, to {@code []} everything.
     *
     * @throws IllegalArgumentException if {@code shape} does not broadcast to this array's shape
     */
    public NDArray sumTo(int... shape) {
        int[] target = checkedShape(shape);
        if (Arrays.equals(this.shape, target)) {
            return this;
        }
        int[] broadcast = target.length <= this.shape.length ? broadcastShapeOrNull(target, this.shape) : null;
        if (broadcast == null || !Arrays.equals(broadcast, this.shape)) {
            throw new IllegalArgumentException("cannot sum " + describe(this.shape) + " down to " + describe(target)
                    + ": " + describe(target) + " does not broadcast to " + describe(this.shape));
        }
        int rows = this.shape.length == 2 ? this.shape[0] : 1;
        int columns = this.shape.length == 0 ? 1 : this.shape[this.shape.length - 1];
        int[] st = strides(target, this.shape.length);
        double[] out = new double[count(target)];
        int i = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out[r * st[0] + c * st[1]] += data[i++];
            }
        }
        return new NDArray(out, target);
    }

    // ---------------------------------------------------------------- reductions

    /** The sum of every element, a scalar. */
    public NDArray sum() {
        double s = 0;
        for (double v : data) {
            s += v;
        }
        return scalar(s);
    }

    /** The mean of every element, a scalar. */
    public NDArray mean() {
        return scalar(sum().item() / data.length);
    }

    /**
     * Sums along one axis, which disappears: a {@code [2, 3]}'s {@code sum(0)} is {@code [3]}. {@code -1} is the
     * last axis.
     */
    public NDArray sum(int axis) {
        return sum(axis, false);
    }

    /**
     * Sums along one axis; with {@code keepDims} the axis stays with size 1, so the result
     * broadcasts back against this array: {@code x.minus(x.sum(-1, true))}.
     */
    public NDArray sum(int axis, boolean keepDims) {
        return reduce(axis, keepDims, 0, Double::sum);
    }

    /** The mean along one axis, which disappears. */
    public NDArray mean(int axis) {
        return mean(axis, false);
    }

    /** The mean along one axis, kept with size 1 if {@code keepDims}. */
    public NDArray mean(int axis, boolean keepDims) {
        return sum(axis, keepDims).div(dim(axis));
    }

    /** The largest element along one axis, which disappears (for a numerically stable softmax). */
    public NDArray max(int axis) {
        return max(axis, false);
    }

    /** The largest element along one axis, kept with size 1 if {@code keepDims}. */
    public NDArray max(int axis, boolean keepDims) {
        return reduce(axis, keepDims, Double.NEGATIVE_INFINITY, Math::max);
    }

    private NDArray reduce(int writtenAxis, boolean keepDims, double start, DoubleBinaryOperator f) {
        int axis = axis(writtenAxis);
        int rows = rank() == 2 ? shape[0] : 1;
        int columns = shape[rank() - 1];
        boolean alongRows = rank() == 2 && axis == 0; // summing down each column
        double[] out = new double[alongRows ? columns : rows];
        Arrays.fill(out, start);
        int i = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int o = alongRows ? c : r;
                out[o] = f.applyAsDouble(out[o], data[i++]);
            }
        }
        int[] outShape;
        if (keepDims) {
            outShape = shape.clone();
            outShape[axis] = 1;
        } else {
            outShape = rank() == 1 ? new int[0] : new int[] {shape[1 - axis]};
        }
        return new NDArray(out, outShape);
    }

    // ---------------------------------------------------------------- shape rules

    private int axis(int written) {
        int axis = written < 0 ? written + rank() : written;
        if (axis < 0 || axis >= rank()) {
            throw new IllegalArgumentException("axis " + written + " is out of range for shape " + describe(shape)
                    + (rank() == 0 ? ", a scalar, which has no axes" : ", which has axes 0"
                            + (rank() > 1 ? " to " + (rank() - 1) : "") + " (or -1 for the last)"));
        }
        return axis;
    }

    private static int[] broadcastShape(int[] a, int[] b, String operation) {
        int[] out = broadcastShapeOrNull(a, b);
        if (out == null) {
            throw new IllegalArgumentException(operation + ": shapes " + describe(a) + " and " + describe(b)
                    + " do not broadcast; counted from the right, sizes must be equal or one of them 1");
        }
        return out;
    }

    private static int[] broadcastShapeOrNull(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 1; i <= rank; i++) {
            int x = i <= a.length ? a[a.length - i] : 1;
            int y = i <= b.length ? b[b.length - i] : 1;
            if (x != y && x != 1 && y != 1) {
                return null;
            }
            out[rank - i] = x == 1 ? y : x;
        }
        return out;
    }

    /**
     * Strides (row, column) of an array of shape {@code s} seen as an array of a broadcast shape of
     * rank {@code rank}: an axis it lacks or has at size 1 has stride 0, so one element serves them all.
     */
    private static int[] strides(int[] s, int rank) {
        int columns = s.length >= 1 ? s[s.length - 1] : 1;
        int columnStride = columns == 1 ? 0 : 1;
        int rowStride = rank == 2 && s.length == 2 && s[0] != 1 ? columns : 0;
        return new int[] {rowStride, columnStride};
    }

    private static int[] checkedShape(int[] shape) {
        if (shape.length > MAX_RANK) {
            throw new IllegalArgumentException("an NDArray has at most " + MAX_RANK + " axes, and shape "
                    + describe(shape) + " has " + shape.length);
        }
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + describe(shape) + " has a negative size");
            }
            n *= d;
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("shape " + describe(shape) + " has too many elements for one array");
        }
        return shape.clone();
    }

    private static int count(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private static String describe(int[] shape) {
        return Arrays.toString(shape);
    }

    // ---------------------------------------------------------------- equality and printing

    /** Equal if the shapes are equal and every element has the same bits (so NaN equals NaN, 0.0 not -0.0). */
    @Override
    public boolean equals(Object o) {
        return o instanceof NDArray other && Arrays.equals(shape, other.shape) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    /** Printed as numpy prints: {@code 2.5}, {@code [1.0, 2.0]}, {@code [[1.0, 2.0], [3.0, 4.0]]}; long axes elided. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (rank() == 0) {
            out.append(data[0]);
        } else if (rank() == 1) {
            row(out, 0, shape[0]);
        } else {
            out.append('[');
            int rows = shape[0];
            for (int r = 0; r < rows; r++) {
                if (elided(r, rows)) {
                    if (r == EDGE) {
                        out.append("..., ");
                    }
                    continue;
                }
                row(out, r * shape[1], shape[1]);
                out.append(r == rows - 1 ? "" : ", ");
            }
            out.append(']');
        }
        return out.toString();
    }

    /** Past this many along an axis, only the first and last {@link #EDGE} are printed, as numpy does past 1000. */
    private static final int SUMMARY = 20;
    private static final int EDGE = 3;

    private static boolean elided(int i, int length) {
        return length > SUMMARY && i >= EDGE && i < length - EDGE;
    }

    private void row(StringBuilder out, int start, int length) {
        out.append('[');
        for (int c = 0; c < length; c++) {
            if (elided(c, length)) {
                if (c == EDGE) {
                    out.append("..., ");
                }
                continue;
            }
            out.append(data[start + c]).append(c == length - 1 ? "" : ", ");
        }
        out.append(']');
    }
}
