/**
 * The student contract for tensors: the second assignment, vectorised backpropagation, written
 * against five types as the first is against {@link org.topograd.api}.
 *
 * <p>{@link org.topograd.api.tensor.NDArray} is an immutable array of numbers with a shape (a
 * scalar, a vector or a matrix) and numpy's rules: broadcasting, {@code matmul}, sums along an
 * axis. You implement one {@link org.topograd.api.tensor.TensorNode} subclass per operation,
 * marked with {@link org.topograd.api.Op} (the table there lists the names and the constructor each
 * takes), and one class that implements {@link org.topograd.api.tensor.TensorBackprop}. topograd
 * builds graphs out of your classes, runs them, and compares every value and gradient, element by
 * element, with its own reference engine.
 *
 * <p>The lecture's code reads the same with arrays. The matrix product:
 * <pre>{@code
 * @Op("matmul")
 * public class MatMul extends TensorNode {
 *     public MatMul(TensorNode a, TensorNode b) { super(a, b); }
 *     public void forward() { value = inputs().get(0).value.matmul(inputs().get(1).value); }
 *     public void backward() {
 *         TensorNode a = inputs().get(0), b = inputs().get(1);
 *         a.grad = a.grad.plus(grad.matmul(b.value.transpose()));   // dL/da = G bᵀ
 *         b.grad = b.grad.plus(a.value.transpose().matmul(grad));   // dL/db = aᵀ G
 *     }
 * }
 * }</pre>
 * (For vector operands, numpy's rules make a vector a row on the left and a column on the right;
 * mind the shapes of your gradients there.) An addition that broadcasts sums each gradient back to
 * its operand's shape:
 * <pre>{@code
 * a.grad = a.grad.plus(grad.sumTo(a.value.shape()));
 * }</pre>
 *
 * <p>This package is deliberately small and stable so that course handouts can rely on it: it
 * depends on nothing in topograd but {@link org.topograd.api}, and nothing outside
 * {@code java.base}.
 */
package org.topograd.api.tensor;
