package org.topograd.api;

import java.util.Objects;

/**
 * A named input of the graph (a leaf that is differentiated): its {@code value} is given, and
 * after backpropagation its {@code grad} is d(output)/d(input).
 */
public final class Input extends Node {
    private final String name;

    /**
     * @param name the input's name in the spec, such as {@code "x"}
     * @param value its value
     */
    public Input(String name, double value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = value;
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
        return "Input(" + name + " = " + value + ")";
    }
}
