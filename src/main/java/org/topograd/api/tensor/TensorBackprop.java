package org.topograd.api.tensor;

import java.util.List;

/**
 * The traversal of a tensor graph: the same algorithm as the scalar
 * {@link org.topograd.api.Backprop}, with arrays. Implement it in one class with a public
 * no-argument constructor.
 *
 * <p>Why an order at all: a node may be used by several others (the multivariate chain rule). Its
 * {@code grad} is complete only after <em>every</em> node that uses it has called
 * {@code backward()}; calling {@code backward()} in reverse topological order calls each node
 * exactly once, at the right time.
 */
public interface TensorBackprop {
    /**
     * Every node reachable from {@code output} (following {@link TensorNode#inputs()}), each exactly
     * once, every node after all of its inputs. The output itself comes last.
     */
    List<TensorNode> topologicalOrder(TensorNode output);

    /**
     * Fills in every reachable node's {@code grad}. Values are already computed. Set every
     * reachable node's {@code grad} to zeros of its value's shape
     * ({@code node.grad = node.value.zerosLike()}), the output's to ones (it is a scalar, so
     * {@code NDArray.scalar(1)}), and call each node's {@code backward()} in reverse topological
     * order.
     */
    void backward(TensorNode output);
}
