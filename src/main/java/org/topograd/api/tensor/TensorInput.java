package org.topograd.api.tensor;

import java.util.Objects;

/**
 * A named input of the graph (a leaf that is differentiated): its {@code value} is given, and
 * after backpropagation its {@code grad}, of the same shape, is d(output)/d(input) element by
 * element.
 */
public final class TensorInput extends TensorNode {
    private final String name;

    /**
     * @param name the input's name in the spec, such as {@code "W"}
     * @param value its value
     */
    public TensorInput(String name, NDArray value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The input's name in the spec. */
    public String name() {
        return name;
    }

    /** Does nothing: an input's value is given. */
    @Override
    public void forward() {}

    /** Does nothing: an input has no inputs to pass gradients to. */
    @Override
    public void backward() {}

    @Override
    public String toString() {
        return "TensorInput(" + name + " = " + value + ")";
    }
}
