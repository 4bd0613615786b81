package backprop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.topograd.api.Backprop;
import org.topograd.api.Node;

/**
 * Backpropagation in reverse topological order, so every node's backward runs once, after every
 * node that uses it. The sort is an iterative depth-first search, so deep graphs need no deep stack.
 */
public final class TopologicalBackprop implements Backprop {
    @Override
    public List<Node> topologicalOrder(Node output) {
        List<Node> order = new ArrayList<>();
        Map<Node, Boolean> visited = new IdentityHashMap<>();
        Deque<Node> stack = new ArrayDeque<>();
        Deque<Integer> next = new ArrayDeque<>();
        stack.push(output);
        next.push(0);
        visited.put(output, true);
        while (!stack.isEmpty()) {
            Node node = stack.peek();
            int k = next.pop();
            if (k < node.inputs().size()) {
                next.push(k + 1);
                Node input = node.inputs().get(k);
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
    public void backward(Node output) {
        List<Node> order = topologicalOrder(output);
        output.grad = 1;
        Collections.reverse(order);
        for (Node node : order) {
            node.backward();
        }
    }
}
