package h;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.topograd.api.Backprop;
import org.topograd.api.Input;
import org.topograd.api.Node;

/** Broken topologicalOrder (output first); backward is right. */
public final class Topo implements Backprop {
    public List<Node> topologicalOrder(Node output) {
        List<Node> order = sorted(output);
        Collections.reverse(order);
        return order;
    }

    private static List<Node> sorted(Node output) {
        List<Node> order = new ArrayList<>();
        visit(output, new IdentityHashMap<>(), order);
        return order;
    }

    private static void visit(Node node, Map<Node, Boolean> seen, List<Node> order) {
        if (seen.put(node, true) == null) {
            for (Node input : node.inputs()) {
                visit(input, seen, order);
            }
            order.add(node);
        }
    }

    public void backward(Node output) {
        List<Node> order = sorted(output);
        Collections.reverse(order);
        output.grad = 1;
        for (Node node : order) {
            node.backward();
        }
    }
}
