package backprop;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.topograd.api.Backprop;
import org.topograd.api.Node;

/** Backpropagation by recursion from the output, as on a tree. */
public final class TopologicalBackprop implements Backprop {
    @Override
    public List<Node> topologicalOrder(Node output) {
        List<Node> order = new ArrayList<>();
        visit(output, new IdentityHashMap<>(), order);
        return order;
    }

    private void visit(Node node, Map<Node, Boolean> seen, List<Node> order) {
        if (seen.put(node, true) != null) {
            return;
        }
        for (Node input : node.inputs()) {
            visit(input, seen, order);
        }
        order.add(node);
    }

    @Override
    public void backward(Node output) {
        output.grad = 1;
        propagate(output);
    }

    /** Each node passes its gradient on, then its inputs do the same. */
    private void propagate(Node node) {
        node.backward();
        for (Node input : node.inputs()) {
            propagate(input);
        }
    }
}
