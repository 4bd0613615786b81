package h;

import org.topograd.api.Node;
import org.topograd.api.Op;

/** A plain, correct solution for every op but exp, which each attack replaces. */
public final class Ops {
    private Ops() {}

    private static Node in(Node n, int k) {
        return n.inputs().get(k);
    }

    @Op("add")
    public static final class Add extends Node {
        public Add(Node a, Node b) { super(a, b); }
        public void forward() { value = in(this, 0).value + in(this, 1).value; }
        public void backward() { in(this, 0).grad += grad; in(this, 1).grad += grad; }
    }

    @Op("sub")
    public static final class Sub extends Node {
        public Sub(Node a, Node b) { super(a, b); }
        public void forward() { value = in(this, 0).value - in(this, 1).value; }
        public void backward() { in(this, 0).grad += grad; in(this, 1).grad -= grad; }
    }

    @Op("mul")
    public static final class Mul extends Node {
        public Mul(Node a, Node b) { super(a, b); }
        public void forward() { value = in(this, 0).value * in(this, 1).value; }
        public void backward() {
            in(this, 0).grad += grad * in(this, 1).value;
            in(this, 1).grad += grad * in(this, 0).value;
        }
    }

    @Op("tanh")
    public static final class Tanh extends Node {
        public Tanh(Node x) { super(x); }
        public void forward() { value = Math.tanh(in(this, 0).value); }
        public void backward() { in(this, 0).grad += grad * (1 - value * value); }
    }

    @Op("sin")
    public static final class Sin extends Node {
        public Sin(Node x) { super(x); }
        public void forward() { value = Math.sin(in(this, 0).value); }
        public void backward() { in(this, 0).grad += grad * Math.cos(in(this, 0).value); }
    }
}
