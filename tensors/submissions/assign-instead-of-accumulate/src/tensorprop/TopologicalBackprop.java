package tensorprop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.topograd.api.tensor.NDArray;
import org.topograd.api.tensor.TensorBackprop;
import org.topograd.api.tensor.TensorNode;

/**
 * Backpropagation in reverse topological order, so every node's backward runs once, after every
 * node that uses it: the scalar assignment's traversal, unchanged but for zeros and ones of the
 * right shape. The sort is an iterative depth-first search, so deep graphs need no deep stack.
 */
public final class TopologicalBackprop implements TensorBackprop {
    @Override
    public List<TensorNode> topologicalOrder(TensorNode output) {
        List<TensorNode> order = new ArrayList<>();
        Map<TensorNode, Boolean> visited = new IdentityHashMap<>();
        Deque<TensorNode> stack = new ArrayDeque<>();
        Deque<Integer> next = new ArrayDeque<>();
        stack.push(output);
        next.push(0);
        visited.put(output, true);
        while (!stack.isEmpty()) {
            TensorNode node = stack.peek();
            int k = next.pop();
            if (k < node.inputs().size()) {
                next.push(k + 1);
                TensorNode input = node.inputs().get(k);
                if (visited.put(input, true) == null) {
                    stack.push(input);
                    next.push(0);
                }
            } else {
                stack.pop();
                order.add(node);
            }
        }
        return order;
    }

    @Override
    public void backward(TensorNode output) {
        List<TensorNode> order = topologicalOrder(output);
        for (TensorNode node : order) {
            node.grad = node.value.zerosLike();
        }
        output.grad = NDArray.ones(output.value.shape());
        Collections.reverse(order);
        for (TensorNode node : order) {
            node.backward();
        }
    }
}
