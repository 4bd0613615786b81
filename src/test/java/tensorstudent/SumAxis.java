package tensorstudent;

import org.topograd.api.Op;
import org.topograd.api.tensor.TensorNode;

/** A sum along an axis whose backward assigns a wrongly shaped gradient: for the shape check. */
@Op("sum_axis")
public class SumAxis extends TensorNode {
    private final int axis;

    public SumAxis(TensorNode x, int axis) {
        super(x);
        this.axis = axis;
    }

    @Override
    public void forward() {
        value = inputs().get(0).value.sum(axis);
    }

    @Override
    public void backward() {
        inputs().get(0).grad = grad; // neither broadcast back nor added
    }
}
