package backprop.ops;

import org.topograd.api.Node;

/**
 * The lecture's generic unary function: forward is f(x), backward is
 * x.grad += grad * f'(x). Each function only says what f and f' are.
 */
public abstract class UnaryFunction extends Node {
    protected UnaryFunction(Node x) {
        super(x);
    }

    protected abstract double f(double x);

    protected abstract double derivative(double x);

    private Node x() {
        return inputs().get(0);
    }

    @Override
    public void forward() {
        value = f(x().value);
    }

    @Override
    public void backward() {
        x().grad += grad * derivative(x().value);
    }
}
