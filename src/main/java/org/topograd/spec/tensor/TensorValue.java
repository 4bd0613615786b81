package org.topograd.spec.tensor;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.topograd.spec.NumberText;

/**
 * A tensor as a spec writes it: a {@link Shape} and its elements, row-major. Inputs, constants and
 * expectations of a tensor spec are these; the engine converts them to its own arrays.
 *
 * <p>Immutable: the elements are copied in and out.
 */
public record TensorValue(Shape shape, double[] elements) {
    public TensorValue {
        if (elements.length != shape.size()) {
            throw new IllegalArgumentException(elements.length + " elements for shape " + shape);
        }
        elements = elements.clone();
    }

    public static TensorValue scalar(double x) {
        return new TensorValue(Shape.SCALAR, new double[] {x});
    }

    /**
     * Elements drawn uniformly from {@code [low, high)}, row-major, by {@code random}: the same
     * generator and order the reader uses for {@code {shape: ..., random: ...}} and random points.
     */
    public static TensorValue uniform(Shape shape, SplittableRandom random, double low, double high) {
        double[] elements = new double[shape.size()];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = low + (high - low) * random.nextDouble();
        }
        return new TensorValue(shape, elements);
    }

    /** The elements, a copy. */
    @Override
    public double[] elements() {
        return elements.clone();
    }

    public double element(int index) {
        return elements[index];
    }

    public int size() {
        return elements.length;
    }

    /**
     * As a spec writes it, in YAML flow style: {@code 2.5}, {@code [1, 2]}, {@code [[1, 2], [3, 4]]},
     * each number in its shortest exact form.
     */
    public String toText() {
        if (shape.isScalar()) {
            return NumberText.format(elements[0]);
        }
        if (shape.rank() == 1) {
            return row(0, elements.length);
        }
        int columns = shape.dim(1);
        StringBuilder out = new StringBuilder("[");
        for (int r = 0; r < shape.dim(0); r++) {
            out.append(r == 0 ? "" : ", ").append(row(r * columns, columns));
        }
        return out.append(']').toString();
    }

    private String row(int from, int count) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : ", ").append(NumberText.format(elements[from + i]));
        }
        return out.append(']').toString();
    }

    /** Equal shapes and bit-identical elements (so NaN equals NaN, and 0.0 differs from -0.0). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TensorValue other) || !shape.equals(other.shape)) {
            return false;
        }
        for (int i = 0; i < elements.length; i++) {
            if (Double.doubleToLongBits(elements[i]) != Double.doubleToLongBits(other.elements[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(elements);
    }

    @Override
    public String toString() {
        return toText();
    }
}
