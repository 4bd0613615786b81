package org.topograd.api.tensor;

import java.util.Objects;

/**
 * A constant of the graph: a number written in it (the {@code 2} in {@code 2 * x}) or an entry of
 * the spec's {@code constants}, such as the integer labels of {@code cross_entropy}. It is a leaf
 * that is never differentiated: whatever ends up in its {@code grad} is ignored.
 */
public final class TensorConstant extends TensorNode {
    /** @param value the constant's value */
    public TensorConstant(NDArray value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Does nothing: a constant's value is given. */
    @Override
    public void forward() {}

    /** Does nothing: a constant has no inputs. */
    @Override
    public void backward() {}

    @Override
    public String toString() {
        return "TensorConstant(" + value + ")";
    }
}
