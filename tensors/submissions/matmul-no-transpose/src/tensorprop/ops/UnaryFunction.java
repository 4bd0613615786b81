package tensorprop.ops;

import org.topograd.api.tensor.NDArray;
import org.topograd.api.tensor.TensorNode;

/**
 * The lecture's generic unary function with arrays: value = f(x) element by element, and
 * x.grad += grad * f'(x), also element by element (the Jacobian of an elementwise function is
 * diagonal, so the vector-Jacobian product is a plain product). Each function only says what f and
 * f' are.
 */
public abstract class UnaryFunction extends TensorNode {
    protected UnaryFunction(TensorNode x) { super(x); }

    protected TensorNode x() { return inputs().get(0); }

    /** f(x), element by element. */
    protected abstract NDArray apply(NDArray x);

    /** f'(x), element by element; {@code fx} is f(x), which some derivatives are simplest in. */
    protected abstract NDArray derivative(NDArray x, NDArray fx);

    public final void forward() { value = apply(x().value); }

    public final void backward() { x().grad = x().grad.plus(grad.times(derivative(x().value, value))); }
}
