package org.topograd.spec.tensor;

import java.util.Arrays;

/**
 * The shape of a tensor: its size along each axis, row-major. {@code []} is a scalar, {@code [3]} a
 * vector, {@code [2, 3]} a matrix of two rows.
 *
 * <p>The rules that combine shapes (numpy's broadcasting, matmul's inner sizes) live here, so that
 * the spec reader, the reference engine and the grader agree on them. A rule that fails throws a
 * {@link ShapeException} whose message gives both shapes and what to do.
 */
public final class Shape {
    /** More elements than any spec needs, few enough that a tensor's array always fits in memory. */
    public static final int MAX_ELEMENTS = 1 << 24;
    /** The tensor language is 0-D, 1-D and 2-D, as the lecture's matrices are. */
    public static final int MAX_RANK = 2;

    public static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    /**
     * A shape of these sizes.
     *
     * @throws ShapeException if a size is not positive, there are more than {@link #MAX_RANK} axes,
     *     or more than {@link #MAX_ELEMENTS} elements
     */
    public static Shape of(int... dims) {
        if (dims.length > MAX_RANK) {
            throw new ShapeException("a tensor has at most " + MAX_RANK + " axes, and this one would have "
                    + dims.length + " " + Arrays.toString(dims) + ": use matrices, vectors and scalars");
        }
        long elements = 1;
        for (int d : dims) {
            if (d < 1) {
                throw new ShapeException("every size in a shape must be at least 1, and "
                        + Arrays.toString(dims) + " has " + d);
            }
            elements *= d;
            if (elements > MAX_ELEMENTS) {
                throw new ShapeException("a tensor of shape " + Arrays.toString(dims) + " has more than "
                        + MAX_ELEMENTS + " elements: make it smaller");
            }
        }
        return dims.length == 0 ? SCALAR : new Shape(dims.clone());
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int axis) {
        return dims[axis];
    }

    /** The sizes, a copy. */
    public int[] dims() {
        return dims.clone();
    }

    /** The number of elements: 1 for a scalar. */
    public int size() {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    public boolean isScalar() {
        return dims.length == 0;
    }

    /**
     * numpy's broadcasting: axes are matched from the right; two sizes agree if they are equal or one
     * of them is 1, and the result takes the larger.
     */
    public static Shape broadcast(Shape a, Shape b) {
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = 1; i <= rank; i++) {
            int x = i <= a.rank() ? a.dims[a.rank() - i] : 1;
            int y = i <= b.rank() ? b.dims[b.rank() - i] : 1;
            if (x != y && x != 1 && y != 1) {
                throw new ShapeException("shapes " + a + " and " + b + " do not broadcast: counted from the"
                        + " right, axis " + (rank - i) + " has sizes " + x + " and " + y
                        + ", and sizes must be equal or one of them 1; transpose or reshape one operand");
            }
            out[rank - i] = Math.max(x, y);
        }
        return of(out);
    }

    /**
     * numpy's matmul for 1-D and 2-D operands: {@code [m, n] @ [n, p]} is {@code [m, p]}; a 1-D left
     * operand is a row, a 1-D right operand a column, and their axis is dropped from the result.
     */
    public static Shape matmul(Shape a, Shape b) {
        if (a.isScalar() || b.isScalar()) {
            throw new ShapeException("@ needs vectors or matrices, and " + (a.isScalar() ? "the left" : "the right")
                    + " operand is a scalar: multiply by a scalar with * instead");
        }
        int inner = a.dims[a.rank() - 1];
        int other = b.dims[0];
        if (inner != other) {
            throw new ShapeException("the inner sizes of @ differ: " + a + " @ " + b + " pairs " + inner
                    + (inner == 1 ? " column" : " columns") + " of the left operand with " + other
                    + (other == 1 ? " row" : " rows") + " of the right; they must be equal"
                    + " (transpose an operand if its axes are the wrong way round)");
        }
        if (a.rank() == 1 && b.rank() == 1) {
            return SCALAR;
        }
        if (a.rank() == 1) {
            return of(b.dims[1]);
        }
        if (b.rank() == 1) {
            return of(a.dims[0]);
        }
        return of(a.dims[0], b.dims[1]);
    }

    /** The axes reversed. */
    public Shape transpose() {
        return rank() < 2 ? this : of(dims[1], dims[0]);
    }

    /**
     * An axis as written, counted from the left, or from the right when negative ({@code -1} is the
     * last), as a non-negative index.
     */
    public int axis(int written) {
        int axis = written < 0 ? written + rank() : written;
        if (rank() == 0) {
            throw new ShapeException("a scalar has no axis " + written
                    + ": reduce it with sum(x) or leave it as it is");
        }
        if (axis < 0 || axis >= rank()) {
            throw new ShapeException("axis " + written + " is out of range for shape " + this + ", which has axes 0"
                    + (rank() > 1 ? " to " + (rank() - 1) : "") + ": use one of those (or -1 for the last)");
        }
        return axis;
    }

    /** The shape with one axis removed: what a reduction along it leaves. */
    public Shape without(int axis) {
        int[] out = new int[rank() - 1];
        for (int i = 0, j = 0; i < rank(); i++) {
            if (i != axis) {
                out[j++] = dims[i];
            }
        }
        return of(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** As numpy and the reports write it: {@code [2, 3]}, {@code []}. */
    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
