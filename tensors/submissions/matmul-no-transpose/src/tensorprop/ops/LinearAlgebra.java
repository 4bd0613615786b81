package tensorprop.ops;

import org.topograd.api.Op;
import org.topograd.api.tensor.NDArray;
import org.topograd.api.tensor.TensorNode;

/** Matrix product and transpose. */
public final class LinearAlgebra {
    private LinearAlgebra() {}

    /**
     * value = A @ B, so dL/dA = G Bᵀ and dL/dB = Aᵀ G. numpy treats a vector as a row on the left
     * and as a column on the right; making that explicit with reshape lets one pair of formulas
     * serve every case, and each gradient is reshaped back to its operand's shape.
     */
    @Op("matmul")
    public static final class MatMul extends TensorNode {
        public MatMul(TensorNode a, TensorNode b) { super(a, b); }

        public void forward() { value = inputs().get(0).value.matmul(inputs().get(1).value); }

        public void backward() {
            TensorNode a = inputs().get(0);
            TensorNode b = inputs().get(1);
            NDArray am = a.value.rank() == 1 ? a.value.reshape(1, a.value.size()) : a.value;
            NDArray bm = b.value.rank() == 1 ? b.value.reshape(b.value.size(), 1) : b.value;
            NDArray g = grad.reshape(am.dim(0), bm.dim(1));
            a.grad = a.grad.plus(g.matmul(bm).reshape(a.value.shape()));
            b.grad = b.grad.plus(am.transpose().matmul(g).reshape(b.value.shape()));
        }
    }

    /** value = xᵀ: each element moves, so its gradient moves back the same way. */
    @Op("transpose")
    public static final class Transpose extends TensorNode {
        public Transpose(TensorNode x) { super(x); }

        public void forward() { value = inputs().get(0).value.transpose(); }

        public void backward() {
            TensorNode x = inputs().get(0);
            x.grad = x.grad.plus(grad.transpose());
        }
    }
}
