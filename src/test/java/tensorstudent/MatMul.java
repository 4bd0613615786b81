package tensorstudent;

import org.topograd.api.Op;
import org.topograd.api.tensor.TensorNode;

/** A right matmul, for the worker's in-process tests. */
@Op("matmul")
public class MatMul extends TensorNode {
    public MatMul(TensorNode a, TensorNode b) {
        super(a, b);
    }

    @Override
    public void forward() {
        value = inputs().get(0).value.matmul(inputs().get(1).value);
    }

    @Override
    public void backward() {
        TensorNode a = inputs().get(0);
        TensorNode b = inputs().get(1);
        a.grad = a.grad.plus(grad.matmul(b.value.transpose()));
        b.grad = b.grad.plus(a.value.transpose().matmul(grad));
    }
}
