package tensorprop.ops;

import org.topograd.api.Op;
import org.topograd.api.tensor.NDArray;
import org.topograd.api.tensor.TensorNode;

/**
 * The arithmetic operators, element by element with numpy's broadcasting. Each backward is the
 * scalar rule applied to every element, then summed back to the operand's shape with sumTo: an
 * operand that was broadcast forward (a bias row added to every example) was used once per copy,
 * and the multivariate chain rule adds up the gradients of all its uses.
 */
public final class Elementwise {
    private Elementwise() {}

    /** Adds a share to an operand's gradient, summed back over the axes it was broadcast along. */
    static void accumulate(TensorNode x, NDArray share) {
        x.grad = x.grad.plus(share);
    }

    @Op("add")
    public static final class Add extends TensorNode {
        public Add(TensorNode a, TensorNode b) { super(a, b); }

        public void forward() { value = inputs().get(0).value.plus(inputs().get(1).value); }

        public void backward() {
            accumulate(inputs().get(0), grad);
            accumulate(inputs().get(1), grad);
        }
    }

    @Op("sub")
    public static final class Sub extends TensorNode {
        public Sub(TensorNode a, TensorNode b) { super(a, b); }

        public void forward() { value = inputs().get(0).value.minus(inputs().get(1).value); }

        public void backward() {
            accumulate(inputs().get(0), grad);
            accumulate(inputs().get(1), grad.neg());
        }
    }

    @Op("mul")
    public static final class Mul extends TensorNode {
        public Mul(TensorNode a, TensorNode b) { super(a, b); }

        public void forward() { value = inputs().get(0).value.times(inputs().get(1).value); }

        public void backward() {
            TensorNode a = inputs().get(0);
            TensorNode b = inputs().get(1);
            accumulate(a, grad.times(b.value));
            accumulate(b, grad.times(a.value));
        }
    }

    @Op("div")
    public static final class Div extends TensorNode {
        public Div(TensorNode a, TensorNode b) { super(a, b); }

        public void forward() { value = inputs().get(0).value.div(inputs().get(1).value); }

        public void backward() {
            TensorNode a = inputs().get(0);
            TensorNode b = inputs().get(1);
            accumulate(a, grad.div(b.value));
            accumulate(b, grad.times(a.value).div(b.value.times(b.value)).neg()); // d(a/b)/db = -a / b²
        }
    }

    /** The lecture's PowerNode with arrays: x ^ n for a fixed number n. */
    @Op("pow")
    public static final class Power extends TensorNode {
        private final double n;

        public Power(TensorNode base, double exponent) {
            super(base);
            this.n = exponent;
        }

        public void forward() { value = inputs().get(0).value.pow(n); }

        public void backward() {
            TensorNode x = inputs().get(0);
            x.grad = x.grad.plus(grad.times(x.value.pow(n - 1).times(n)));
        }
    }

    @Op("neg")
    public static final class Neg extends TensorNode {
        public Neg(TensorNode x) { super(x); }

        public void forward() { value = inputs().get(0).value.neg(); }

        public void backward() {
            TensorNode x = inputs().get(0);
            x.grad = x.grad.minus(grad);
        }
    }
}
