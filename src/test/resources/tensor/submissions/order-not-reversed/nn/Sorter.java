package nn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.topograd.api.tensor.NDArray;
import org.topograd.api.tensor.TensorBackprop;
import org.topograd.api.tensor.TensorNode;

/** The lecture's traversal with arrays, but backward in topological order instead of its reverse. */
public class Sorter implements TensorBackprop {
    @Override
    public List<TensorNode> topologicalOrder(TensorNode output) {
        List<TensorNode> order = new ArrayList<>();
        visit(output, new HashSet<>(), order);
        return order;
    }

    private void visit(TensorNode node, Set<TensorNode> seen, List<TensorNode> order) {
        if (seen.add(node)) {
            for (TensorNode input : node.inputs()) {
                visit(input, seen, order);
            }
            order.add(node);
        }
    }

    @Override
    public void backward(TensorNode output) {
        List<TensorNode> order = topologicalOrder(output);
        for (TensorNode node : order) {
            node.grad = node.value.zerosLike();
        }
        output.grad = NDArray.scalar(1);
        for (TensorNode node : order) {
            node.backward();
        }
    }
}
