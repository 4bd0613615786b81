package org.topograd.api;

/**
 * A number written in the graph, such as the {@code 2} in {@code 2 * x}. It is a leaf that is never
 * differentiated: whatever ends up in its {@code grad} is ignored.
 */
public final class Constant extends Node {
    /** @param value the constant's value */
    public Constant(double value) {
        this.value = value;
    }

    /** Does nothing: a constant's value is given. */
    @Override
    public void forward() {}

    /** Does nothing: a constant has no inputs. */
    @Override
    public void backward() {}

    @Override
    public String toString() {
        return "Constant(" + value + ")";
    }
}
