package tensorprop.ops;

import org.topograd.api.Op;
import org.topograd.api.tensor.NDArray;
import org.topograd.api.tensor.TensorNode;

/**
 * Sums and means. Every element of x contributes to its sum with slope 1 (to a mean with slope
 * 1/count), so backward copies the gradient back to every element that was summed.
 */
public final class Reductions {
    private Reductions() {}

    /** The gradient of a reduction along an axis, copied back along the axis that disappeared. */
    static NDArray restore(NDArray grad, NDArray x, int axis) {
        int[] kept = x.shape();
        kept[axis] = 1; // grad as if the sum had kept the axis, so that it broadcasts along that axis
        return grad.reshape(kept).broadcastTo(x.shape());
    }

    @Op("sum")
    public static final class Sum extends TensorNode {
        public Sum(TensorNode x) { super(x); }

        public void forward() { value = inputs().get(0).value.sum(); }

        public void backward() {
            TensorNode x = inputs().get(0);
            x.grad = x.grad.plus(grad.broadcastTo(x.value.shape()));
        }
    }

    @Op("mean")
    public static final class Mean extends TensorNode {
        public Mean(TensorNode x) { super(x); }

        public void forward() { value = inputs().get(0).value.mean(); }

        public void backward() {
            TensorNode x = inputs().get(0);
            x.grad = x.grad.plus(grad.div(x.value.size()).broadcastTo(x.value.shape()));
        }
    }

    @Op("sum_axis")
    public static final class SumAxis extends TensorNode {
        private final int axis;

        public SumAxis(TensorNode x, int axis) {
            super(x);
            this.axis = axis;
        }

        public void forward() { value = inputs().get(0).value.sum(axis); }

        public void backward() {
            TensorNode x = inputs().get(0);
            x.grad = x.grad.plus(restore(grad, x.value, axis));
        }
    }

    @Op("mean_axis")
    public static final class MeanAxis extends TensorNode {
        private final int axis;

        public MeanAxis(TensorNode x, int axis) {
            super(x);
            this.axis = axis;
        }

        public void forward() { value = inputs().get(0).value.mean(axis); }

        public void backward() {
            TensorNode x = inputs().get(0);
            x.grad = x.grad.plus(restore(grad, x.value, axis).div(x.value.dim(axis)));
        }
    }
}
