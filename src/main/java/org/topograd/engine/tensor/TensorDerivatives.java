package org.topograd.engine.tensor;

import org.topograd.api.tensor.NDArray;
import org.topograd.spec.tensor.TensorOp;

/**
 * The vector-Jacobian rule backpropagation uses over a tensor graph. The reference uses
 * {@link #EXACT}; the mutants that reproduce students' classic tensor mistakes (matmul's gradient
 * without the transposes, a broadcast operand's gradient not summed back) substitute a wrong rule
 * for one op, as {@link org.topograd.engine.Derivatives} does for scalars.
 */
@FunctionalInterface
public interface TensorDerivatives {
    TensorDerivatives EXACT = TensorCalculus::vjp;

    /** The gradient passed to operand {@code k}, as in {@link TensorCalculus#vjp}. */
    NDArray vjp(TensorOp op, int k, NDArray g, NDArray a, NDArray b, NDArray out, double p);
}
