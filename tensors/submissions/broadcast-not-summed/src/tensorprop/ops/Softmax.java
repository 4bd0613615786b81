package tensorprop.ops;

import org.topograd.api.Op;
import org.topograd.api.tensor.NDArray;
import org.topograd.api.tensor.TensorNode;

/**
 * Softmax, log-softmax and the cross-entropy loss, over the last axis. Each row's maximum is
 * subtracted before exp, which changes nothing mathematically and keeps exp from overflowing.
 */
public final class Softmax {
    private Softmax() {}

    static NDArray softmax(NDArray x) {
        NDArray e = x.minus(x.max(-1, true)).exp();
        return e.div(e.sum(-1, true));
    }

    static NDArray logSoftmax(NDArray x) {
        NDArray shifted = x.minus(x.max(-1, true));
        return shifted.minus(shifted.exp().sum(-1, true).log());
    }

    /** value = softmax(x); its Jacobian is diag(s) - s sᵀ, so G (diag(s) - s sᵀ) = s * (G - Σ G s). */
    @Op("softmax")
    public static final class Soft extends TensorNode {
        public Soft(TensorNode x) { super(x); }

        public void forward() { value = softmax(inputs().get(0).value); }

        public void backward() {
            TensorNode x = inputs().get(0);
            NDArray s = value;
            x.grad = x.grad.plus(s.times(grad.minus(grad.times(s).sum(-1, true))));
        }
    }

    /** value = x - log Σ exp(x); its Jacobian is I - 1 sᵀ, so the gradient is G - s Σ G. */
    @Op("log_softmax")
    public static final class LogSoft extends TensorNode {
        public LogSoft(TensorNode x) { super(x); }

        public void forward() { value = logSoftmax(inputs().get(0).value); }

        public void backward() {
            TensorNode x = inputs().get(0);
            NDArray s = softmax(x.value);
            x.grad = x.grad.plus(grad.minus(s.times(grad.sum(-1, true))));
        }
    }

    /**
     * The mean over the batch of -log softmax(z)[i, y_i]. Its gradient with respect to the logits
     * is (softmax(z) - onehot(y)) / N: the mean divides every row's share by the batch size N. The
     * labels are whole numbers and are not differentiated.
     */
    @Op("cross_entropy")
    public static final class CrossEntropy extends TensorNode {
        public CrossEntropy(TensorNode logits, TensorNode labels) { super(logits, labels); }

        private int batch() { return inputs().get(1).value.size(); }

        private int label(int row) { return (int) inputs().get(1).value.at(row); }

        public void forward() {
            NDArray logp = logSoftmax(inputs().get(0).value);
            int classes = logp.size() / batch();
            double total = 0;
            for (int i = 0; i < batch(); i++) {
                total -= logp.at(i * classes + label(i));
            }
            value = NDArray.scalar(total / batch());
        }

        public void backward() {
            TensorNode z = inputs().get(0);
            double[] share = softmax(z.value).toArray();
            int classes = share.length / batch();
            for (int i = 0; i < batch(); i++) {
                share[i * classes + label(i)] -= 1; // softmax - onehot(y)
            }
            z.grad = z.grad.plus(NDArray.of(share, z.value.shape()).times(grad.item() / batch()));
        }
    }
}
