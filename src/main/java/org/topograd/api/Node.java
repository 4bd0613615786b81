package org.topograd.api;

import java.util.List;
import java.util.Objects;

/**
 * One node of a computation graph: it computes a value from its inputs and pushes gradients back
 * to them.
 *
 * <p>The two fields are public on purpose, as in the lecture: {@code node.value} and
 * {@code node.grad} read like the math.
 *
 * <ul>
 *   <li>{@link #forward()} reads the inputs' {@code value}s and sets this node's {@code value}.
 *   <li>{@link #backward()} reads this node's {@code grad} (the derivative of the graph's output
 *       with respect to this node) and <em>adds</em> this node's share to each input's
 *       {@code grad}: {@code input.grad += grad * d(value)/d(input)}. Adding, not assigning,
 *       is what makes a node used twice receive the sum of both paths (the multivariate chain
 *       rule).
 * </ul>
 *
 * <p>A node never calls {@code forward()} or {@code backward()} of another node; the traversal
 * ({@link Backprop}) decides the order.
 */
public abstract class Node {
    /** Set by {@link #forward()}; for an {@link Input} or a {@link Constant}, its value. */
    public double value;

    /** d(output)/d(this node), filled in by backpropagation; starts at 0. */
    public double grad;

    private final List<Node> inputs;

    /**
     * Creates a node over its operands.
     *
     * @param inputs the operands, in order: for {@code a - b} that is {@code (a, b)}
     * @throws NullPointerException if an operand is null
     */
    protected Node(Node... inputs) {
        for (Node input : inputs) {
            Objects.requireNonNull(input, "a node's input must not be null");
        }
        this.inputs = List.of(inputs);
    }

    /** The operands given to the constructor, in order; the list cannot be modified. */
    public final List<Node> inputs() {
        return inputs;
    }

    /** Sets {@link #value} from the inputs' values. */
    public abstract void forward();

    /**
     * Adds this node's share of the gradient to each input:
     * {@code input.grad += grad * d(value)/d(input)}.
     */
    public abstract void backward();
}
