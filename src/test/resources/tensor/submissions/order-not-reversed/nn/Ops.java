package nn;

import org.topograd.api.Op;
import org.topograd.api.tensor.NDArray;
import org.topograd.api.tensor.TensorNode;

/** Every tensor op, right: each backward adds its share, of its input's shape, into the input's grad. */
public final class Ops {
    private Ops() {}

    static NDArray share(NDArray g, TensorNode to) {
        return g.sumTo(to.value.shape()); // undo broadcasting
    }

    @Op("add")
    public static class Add extends TensorNode {
        public Add(TensorNode a, TensorNode b) { super(a, b); }
        public void forward() { value = inputs().get(0).value.plus(inputs().get(1).value); }
        public void backward() {
            TensorNode a = inputs().get(0), b = inputs().get(1);
            a.grad = a.grad.plus(share(grad, a));
            b.grad = b.grad.plus(share(grad, b));
        }
    }

    @Op("sub")
    public static class Sub extends TensorNode {
        public Sub(TensorNode a, TensorNode b) { super(a, b); }
        public void forward() { value = inputs().get(0).value.minus(inputs().get(1).value); }
        public void backward() {
            TensorNode a = inputs().get(0), b = inputs().get(1);
            a.grad = a.grad.plus(share(grad, a));
            b.grad = b.grad.minus(share(grad, b));
        }
    }

    @Op("mul")
    public static class Mul extends TensorNode {
        public Mul(TensorNode a, TensorNode b) { super(a, b); }
        public void forward() { value = inputs().get(0).value.times(inputs().get(1).value); }
        public void backward() {
            TensorNode a = inputs().get(0), b = inputs().get(1);
            a.grad = a.grad.plus(share(grad.times(b.value), a));
            b.grad = b.grad.plus(share(grad.times(a.value), b));
        }
    }

    @Op("div")
    public static class Div extends TensorNode {
        public Div(TensorNode a, TensorNode b) { super(a, b); }
        public void forward() { value = inputs().get(0).value.div(inputs().get(1).value); }
        public void backward() {
            TensorNode a = inputs().get(0), b = inputs().get(1);
            a.grad = a.grad.plus(share(grad.div(b.value), a));
            b.grad = b.grad.minus(share(grad.times(a.value).div(b.value.times(b.value)), b));
        }
    }

    @Op("pow")
    public static class Pow extends TensorNode {
        private final double p;
        public Pow(TensorNode x, double p) { super(x); this.p = p; }
        public void forward() { value = inputs().get(0).value.pow(p); }
        public void backward() {
            TensorNode x = inputs().get(0);
            x.grad = x.grad.plus(grad.times(x.value.pow(p - 1).times(p)));
        }
    }

    @Op("neg")
    public static class Neg extends TensorNode {
        public Neg(TensorNode x) { super(x); }
        public void forward() { value = inputs().get(0).value.neg(); }
        public void backward() { TensorNode x = inputs().get(0); x.grad = x.grad.minus(grad); }
    }

    @Op("exp")
    public static class Exp extends TensorNode {
        public Exp(TensorNode x) { super(x); }
        public void forward() { value = inputs().get(0).value.exp(); }
        public void backward() { TensorNode x = inputs().get(0); x.grad = x.grad.plus(grad.times(value)); }
    }

    @Op("log")
    public static class Log extends TensorNode {
        public Log(TensorNode x) { super(x); }
        public void forward() { value = inputs().get(0).value.log(); }
        public void backward() { TensorNode x = inputs().get(0); x.grad = x.grad.plus(grad.div(x.value)); }
    }

    @Op("sqrt")
    public static class Sqrt extends TensorNode {
        public Sqrt(TensorNode x) { super(x); }
        public void forward() { value = inputs().get(0).value.sqrt(); }
        public void backward() { TensorNode x = inputs().get(0); x.grad = x.grad.plus(grad.times(0.5).div(value)); }
    }

    @Op("sin")
    public static class Sin extends TensorNode {
        public Sin(TensorNode x) { super(x); }
        public void forward() { value = inputs().get(0).value.sin(); }
        public void backward() { TensorNode x = inputs().get(0); x.grad = x.grad.plus(grad.times(x.value.cos())); }
    }

    @Op("cos")
    public static class Cos extends TensorNode {
        public Cos(TensorNode x) { super(x); }
        public void forward() { value = inputs().get(0).value.cos(); }
        public void backward() { TensorNode x = inputs().get(0); x.grad = x.grad.minus(grad.times(x.value.sin())); }
    }

    @Op("tanh")
    public static class Tanh extends TensorNode {
        public Tanh(TensorNode x) { super(x); }
        public void forward() { value = inputs().get(0).value.tanh(); }
        public void backward() {
            TensorNode x = inputs().get(0);
            x.grad = x.grad.plus(grad.times(value.times(value).neg().plus(1)));
        }
    }

    @Op("sigmoid")
    public static class Sigmoid extends TensorNode {
        public Sigmoid(TensorNode x) { super(x); }
        public void forward() { value = inputs().get(0).value.map(t -> 1 / (1 + Math.exp(-t))); }
        public void backward() {
            TensorNode x = inputs().get(0);
            x.grad = x.grad.plus(grad.times(value.times(value.neg().plus(1))));
        }
    }

    @Op("relu")
    public static class Relu extends TensorNode {
        public Relu(TensorNode x) { super(x); }
        public void forward() { value = inputs().get(0).value.map(t -> Math.max(0, t)); }
        public void backward() {
            TensorNode x = inputs().get(0);
            x.grad = x.grad.plus(grad.times(x.value.map(t -> t > 0 ? 1 : 0)));
        }
    }

    @Op("matmul")
    public static class MatMul extends TensorNode {
        public MatMul(TensorNode a, TensorNode b) { super(a, b); }
        public void forward() { value = inputs().get(0).value.matmul(inputs().get(1).value); }
        public void backward() {
            TensorNode a = inputs().get(0), b = inputs().get(1);
            // 1-D operands as a row (left) or a column (right), as numpy promotes them
            NDArray a2 = a.value.rank() == 1 ? a.value.reshape(1, a.value.size()) : a.value;
            NDArray b2 = b.value.rank() == 1 ? b.value.reshape(b.value.size(), 1) : b.value;
            NDArray g2 = grad.reshape(a2.dim(0), b2.dim(1));
            a.grad = a.grad.plus(g2.matmul(b2.transpose()).reshape(a.value.shape()));
            b.grad = b.grad.plus(a2.transpose().matmul(g2).reshape(b.value.shape()));
        }
    }

    @Op("transpose")
    public static class Transpose extends TensorNode {
        public Transpose(TensorNode x) { super(x); }
        public void forward() { value = inputs().get(0).value.transpose(); }
        public void backward() { TensorNode x = inputs().get(0); x.grad = x.grad.plus(grad.transpose()); }
    }

    @Op("sum")
    public static class Sum extends TensorNode {
        public Sum(TensorNode x) { super(x); }
        public void forward() { value = inputs().get(0).value.sum(); }
        public void backward() {
            TensorNode x = inputs().get(0);
            x.grad = x.grad.plus(grad.broadcastTo(x.value.shape()));
        }
    }

    @Op("mean")
    public static class Mean extends TensorNode {
        public Mean(TensorNode x) { super(x); }
        public void forward() { value = inputs().get(0).value.mean(); }
        public void backward() {
            TensorNode x = inputs().get(0);
            x.grad = x.grad.plus(grad.broadcastTo(x.value.shape()).div(x.value.size()));
        }
    }

    /** The shape of {@code x} with {@code axis} kept as 1: where a reduction's gradient broadcasts from. */
    static int[] kept(NDArray x, int axis) {
        int[] shape = x.shape();
        shape[axis] = 1;
        return shape;
    }

    @Op("sum_axis")
    public static class SumAxis extends TensorNode {
        private final int axis;
        public SumAxis(TensorNode x, int axis) { super(x); this.axis = axis; }
        public void forward() { value = inputs().get(0).value.sum(axis); }
        public void backward() {
            TensorNode x = inputs().get(0);
            x.grad = x.grad.plus(grad.reshape(kept(x.value, axis)).broadcastTo(x.value.shape()));
        }
    }

    @Op("mean_axis")
    public static class MeanAxis extends TensorNode {
        private final int axis;
        public MeanAxis(TensorNode x, int axis) { super(x); this.axis = axis; }
        public void forward() { value = inputs().get(0).value.mean(axis); }
        public void backward() {
            TensorNode x = inputs().get(0);
            x.grad = x.grad.plus(grad.reshape(kept(x.value, axis)).broadcastTo(x.value.shape())
                    .div(x.value.dim(axis)));
        }
    }

    static NDArray softmax(NDArray x) {
        int last = x.rank() - 1;
        NDArray e = x.minus(x.max(last, true)).exp();
        return e.div(e.sum(last, true));
    }

    @Op("softmax")
    public static class Softmax extends TensorNode {
        public Softmax(TensorNode x) { super(x); }
        public void forward() { value = softmax(inputs().get(0).value); }
        public void backward() {
            TensorNode x = inputs().get(0);
            int last = value.rank() - 1;
            x.grad = x.grad.plus(value.times(grad.minus(grad.times(value).sum(last, true))));
        }
    }

    @Op("log_softmax")
    public static class LogSoftmax extends TensorNode {
        public LogSoftmax(TensorNode x) { super(x); }
        public void forward() {
            NDArray x = inputs().get(0).value;
            int last = x.rank() - 1;
            NDArray shifted = x.minus(x.max(last, true));
            value = shifted.minus(shifted.exp().sum(last, true).log());
        }
        public void backward() {
            TensorNode x = inputs().get(0);
            int last = value.rank() - 1;
            x.grad = x.grad.plus(grad.minus(value.exp().times(grad.sum(last, true))));
        }
    }

    @Op("cross_entropy")
    public static class CrossEntropy extends TensorNode {
        public CrossEntropy(TensorNode logits, TensorNode labels) { super(logits, labels); }

        private NDArray onehot() {
            NDArray z = inputs().get(0).value;
            NDArray y = inputs().get(1).value;
            int classes = z.dim(z.rank() - 1);
            double[] hot = new double[z.size()];
            for (int i = 0; i < y.size(); i++) {
                hot[i * classes + (int) y.at(i)] = 1;
            }
            return NDArray.of(hot, z.shape());
        }

        public void forward() {
            NDArray z = inputs().get(0).value;
            int rows = z.rank() == 2 ? z.dim(0) : 1;
            NDArray logp = z.minus(z.max(z.rank() - 1, true));
            logp = logp.minus(logp.exp().sum(z.rank() - 1, true).log());
            value = logp.times(onehot()).sum().neg().div(rows);
        }

        public void backward() {
            TensorNode z = inputs().get(0);
            int rows = z.value.rank() == 2 ? z.value.dim(0) : 1;
            z.grad = z.grad.plus(softmax(z.value).minus(onehot()).times(grad).div(rows));
        }
    }
}
