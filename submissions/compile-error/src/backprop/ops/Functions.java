package backprop.ops;

import org.topograd.api.Node;
import org.topograd.api.Op;

/** The elementary functions, each a generic unary function. */
public final class Functions {
    private Functions() {}

    @Op("neg")
    public static final class Neg extends UnaryFunction {
        public Neg(Node x) { super(x); }
        protected double f(double x) { return -x; }
        protected double derivative(double x) { return -1; }
    }

    @Op("exp")
    public static final class Exp extends UnaryFunction {
        public Exp(Node x) { super(x); }
        protected double f(double x) { return Math.exp(x); }
        protected double derivative(double x) { return Math.exp(x); }
    }

    @Op("log")
    public static final class Log extends UnaryFunction {
        public Log(Node x) { super(x); }
        protected double f(double x) { return Math.log(x); }
        protected double derivative(double x) { return 1 / x; }
    }

    @Op("sqrt")
    public static final class Sqrt extends UnaryFunction {
        public Sqrt(Node x) { super(x); }
        protected double f(double x) { return Math.sqrt(x); }
        protected double derivative(double x) { return 0.5 / Math.sqrt(x); }
    }

    @Op("sin")
    public static final class Sin extends UnaryFunction {
        public Sin(Node x) { super(x); }
        protected double f(double x) { return Math.sin(x); }
        protected double derivative(double x) { return Math.cos(x); }
    }

    @Op("cos")
    public static final class Cos extends UnaryFunction {
        public Cos(Node x) { super(x); }
        protected double f(double x) { return Math.cos(x); }
        protected double derivative(double x) { return -Math.sin(x); }
    }

    @Op("tanh")
    public static final class Tanh extends UnaryFunction {
        public Tanh(Node x) { super(x); }
        protected double f(double x) { return Math.tanh(x); }
        protected double derivative(double x) {
            double t = Math.tanh(x);
            return 1 - t * t;
        }
    }

    @Op("sigmoid")
    public static final class Sigmoid extends UnaryFunction {
        public Sigmoid(Node x) { super(x); }
        protected double f(double x) { return 1 / (1 + Math.exp(-x)); }
        protected double derivative(double x) {
            double s = f(x);
            return s * (1 - s);
        }
    }

    @Op("relu")
    public static final class Relu extends UnaryFunction {
        public Relu(Node x) { super(x); }
        protected double f(double x) { return x > 0 ? x : 0; }
        protected double derivative(double x) { return x > 0 ? 1 : 0; }
    }
}
