package org.topograd.engine.tensor;

import org.topograd.api.tensor.NDArray;
import org.topograd.spec.tensor.Shape;
import org.topograd.spec.tensor.TensorValue;

/**
 * Conversion between the spec side's {@link TensorValue} and the engine's {@link NDArray}: the spec
 * reader does not depend on the student API's array type, so the engine converts at its door.
 */
public final class TensorValues {
    private TensorValues() {}

    public static NDArray toArray(TensorValue value) {
        return NDArray.of(value.elements(), value.shape().dims());
    }

    public static TensorValue toValue(NDArray array) {
        return new TensorValue(Shape.of(array.shape()), array.toArray());
    }

    /**
     * An element's index as it is written after a tensor's name: {@code [1, 3]} in a matrix,
     * {@code [2]} in a vector, nothing for a scalar.
     */
    public static String index(Shape shape, int element) {
        return switch (shape.rank()) {
            case 0 -> "";
            case 1 -> "[" + element + "]";
            default -> "[" + element / shape.dim(1) + ", " + element % shape.dim(1) + "]";
        };
    }
}
