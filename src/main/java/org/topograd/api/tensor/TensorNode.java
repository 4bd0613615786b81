package org.topograd.api.tensor;

import java.util.List;
import java.util.Objects;

/**
 * One node of a tensor computation graph: the lecture's {@code Node}, with arrays where it had
 * numbers.
 *
 * <p>The two fields are public on purpose, as in the lecture: {@code node.value} and
 * {@code node.grad} read like the math.
 *
 * <ul>
 *   <li>{@link #forward()} reads the inputs' {@code value}s and sets this node's {@code value}.
 *   <li>{@link #backward()} reads this node's {@code grad} (the derivative of the graph's output
 *       with respect to each element of this node's value, so of the same shape) and <em>adds</em>
 *       this node's share to each input's {@code grad}. For {@code value = a @ b}:
 *       <pre>{@code
 * a.grad = a.grad.plus(grad.matmul(b.value.transpose()));   // dL/da = G bᵀ
 * b.grad = b.grad.plus(a.value.transpose().matmul(grad));   // dL/db = aᵀ G
 * }</pre>
 *       Arrays are immutable, so "adds" is {@code a.grad = a.grad.plus(...)}: assigning the share
 *       alone ({@code a.grad = ...}) would lose what other paths through {@code a} already added.
 *       An input's {@code grad} always has the input's shape: if an input was broadcast on the way
 *       forward, sum its share back down with {@link NDArray#sumTo(int...)}.
 * </ul>
 *
 * <p>A node never calls {@code forward()} or {@code backward()} of another node; the traversal
 * ({@link TensorBackprop}) decides the order.
 */
public abstract class TensorNode {
    /** Set by {@link #forward()}; for a {@link TensorInput} or a {@link TensorConstant}, given. */
    public NDArray value;

    /**
     * d(output)/d(value), element by element, with the shape of {@link #value}. The traversal sets
     * it to zeros before backpropagation, and the output's to ones.
     */
    public NDArray grad;

    private final List<TensorNode> inputs;

    /**
     * Creates a node over its operands.
     *
     * @param inputs the operands, in order: for {@code a @ b} that is {@code (a, b)}
     * @throws NullPointerException if an operand is null
     */
    protected TensorNode(TensorNode... inputs) {
        for (TensorNode input : inputs) {
            Objects.requireNonNull(input, "a node's input must not be null");
        }
        this.inputs = List.of(inputs);
    }

    /** The operands given to the constructor, in order; the list cannot be modified. */
    public final List<TensorNode> inputs() {
        return inputs;
    }

    /** Sets {@link #value} from the inputs' values. */
    public abstract void forward();

    /** Adds this node's share of the gradient to each input's {@code grad}, which keeps its shape. */
    public abstract void backward();
}
