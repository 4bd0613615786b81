package backprop.ops;

import org.topograd.api.Node;
import org.topograd.api.Op;

/** The binary operators and the PowerNode. */
public final class Arithmetic {
    private Arithmetic() {}

    @Op("add")
    public static final class Add extends Node {
        public Add(Node a, Node b) { super(a, b); }

        public void forward() { value = inputs().get(0).value + inputs().get(1).value; }

        public void backward() {
            inputs().get(0).grad += grad;
            inputs().get(1).grad += grad;
        }
    }

    @Op("mul")
    public static final class Mul extends Node {
        public Mul(Node a, Node b) { super(a, b); }

        public void forward() { value = inputs().get(0).value * inputs().get(1).value; }

        public void backward() {
            Node a = inputs().get(0);
            Node b = inputs().get(1);
            a.grad += grad * b.value;
            b.grad += grad * a.value;
        }
    }

    /** The lecture's PowerNode: x ^ n for a fixed number n. */
    @Op("pow")
    public static final class Power extends Node {
        private final double n;

        public Power(Node base, double exponent) {
            super(base);
            this.n = exponent;
        }

        public void forward() { value = Math.pow(inputs().get(0).value, n); }

        public void backward() {
            Node x = inputs().get(0);
            x.grad += grad * n * Math.pow(x.value, n - 1);
        }
    }
}
