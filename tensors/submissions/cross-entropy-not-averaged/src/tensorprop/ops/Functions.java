package tensorprop.ops;

import org.topograd.api.Op;
import org.topograd.api.tensor.NDArray;
import org.topograd.api.tensor.TensorNode;

/** The elementwise functions: each is f and f', as in the lecture's generic unary function. */
public final class Functions {
    private Functions() {}

    @Op("exp")
    public static final class Exp extends UnaryFunction {
        public Exp(TensorNode x) { super(x); }

        protected NDArray apply(NDArray x) { return x.exp(); }

        protected NDArray derivative(NDArray x, NDArray fx) { return fx; }
    }

    @Op("log")
    public static final class Log extends UnaryFunction {
        public Log(TensorNode x) { super(x); }

        protected NDArray apply(NDArray x) { return x.log(); }

        protected NDArray derivative(NDArray x, NDArray fx) { return x.pow(-1); }
    }

    @Op("sqrt")
    public static final class Sqrt extends UnaryFunction {
        public Sqrt(TensorNode x) { super(x); }

        protected NDArray apply(NDArray x) { return x.sqrt(); }

        protected NDArray derivative(NDArray x, NDArray fx) { return fx.times(2).pow(-1); }
    }

    @Op("sin")
    public static final class Sin extends UnaryFunction {
        public Sin(TensorNode x) { super(x); }

        protected NDArray apply(NDArray x) { return x.sin(); }

        protected NDArray derivative(NDArray x, NDArray fx) { return x.cos(); }
    }

    @Op("cos")
    public static final class Cos extends UnaryFunction {
        public Cos(TensorNode x) { super(x); }

        protected NDArray apply(NDArray x) { return x.cos(); }

        protected NDArray derivative(NDArray x, NDArray fx) { return x.sin().neg(); }
    }

    @Op("tanh")
    public static final class Tanh extends UnaryFunction {
        public Tanh(TensorNode x) { super(x); }

        protected NDArray apply(NDArray x) { return x.tanh(); }

        protected NDArray derivative(NDArray x, NDArray fx) { return fx.times(fx).neg().plus(1); }
    }

    @Op("sigmoid")
    public static final class Sigmoid extends UnaryFunction {
        public Sigmoid(TensorNode x) { super(x); }

        protected NDArray apply(NDArray x) { return x.map(t -> 1 / (1 + Math.exp(-t))); }

        protected NDArray derivative(NDArray x, NDArray fx) { return fx.times(fx.neg().plus(1)); }
    }

    @Op("relu")
    public static final class Relu extends UnaryFunction {
        public Relu(TensorNode x) { super(x); }

        protected NDArray apply(NDArray x) { return x.map(t -> Math.max(t, 0)); }

        protected NDArray derivative(NDArray x, NDArray fx) { return x.map(t -> t > 0 ? 1 : 0); }
    }
}
