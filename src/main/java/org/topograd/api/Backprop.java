package org.topograd.api;

import java.util.List;

/**
 * The traversal: backpropagation over a whole graph. Implement it in one class with a public
 * no-argument constructor.
 *
 * <p>Why an order at all: a node may be used by several others (the multivariate chain rule). Its
 * {@code grad} is complete only after <em>every</em> node that uses it has called
 * {@code backward()}. Recursing from the output calls a shared node's {@code backward()} once per
 * path and double-counts; sorting the nodes topologically and calling {@code backward()} in
 * reverse order calls each exactly once, at the right time.
 */
public interface Backprop {
    /**
     * Every node reachable from {@code output} (following {@link Node#inputs()}), each exactly once,
     * every node after all of its inputs. The output itself comes last.
     */
    List<Node> topologicalOrder(Node output);

    /**
     * Fills in every reachable node's {@code grad}. Values are already computed; set
     * {@code output.grad = 1} and call each node's {@code backward()} in reverse topological order.
     */
    void backward(Node output);
}
