package tensorstudent;

import org.topograd.api.Op;
import org.topograd.api.tensor.TensorNode;

/** A right sum to a scalar. */
@Op("sum")
public class Sum extends TensorNode {
    public Sum(TensorNode x) {
        super(x);
    }

    @Override
    public void forward() {
        value = inputs().get(0).value.sum();
    }

    @Override
    public void backward() {
        TensorNode x = inputs().get(0);
        x.grad = x.grad.plus(x.value.zerosLike().plus(grad));
    }
}
