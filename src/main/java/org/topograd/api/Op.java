package org.topograd.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a student's {@link Node} subclass (or, in a tensor assignment, a
 * {@code org.topograd.api.tensor.TensorNode} subclass) as the implementation of one operation.
 *
 * <p>The operation names and the public constructor topograd calls for each:
 * <table>
 *   <caption>Operations on numbers ({@link Node})</caption>
 *   <tr><th>names</th><th>constructor</th></tr>
 *   <tr><td>{@code add sub mul div}</td><td>{@code (Node a, Node b)}</td></tr>
 *   <tr><td>{@code neg exp log sqrt sin cos tanh sigmoid relu}</td><td>{@code (Node x)}</td></tr>
 *   <tr><td>{@code pow}</td><td>{@code (Node base, double exponent)}: the lecture's PowerNode</td></tr>
 * </table>
 * <table>
 *   <caption>Operations on arrays ({@code TensorNode})</caption>
 *   <tr><th>names</th><th>constructor</th></tr>
 *   <tr><td>{@code add sub mul div}: elementwise, with broadcasting</td>
 *       <td>{@code (TensorNode a, TensorNode b)}</td></tr>
 *   <tr><td>{@code matmul}: {@code a @ b}</td><td>{@code (TensorNode a, TensorNode b)}</td></tr>
 *   <tr><td>{@code cross_entropy}: the mean over rows of {@code -log_softmax(logits)[i, labels[i]]}</td>
 *       <td>{@code (TensorNode logits, TensorNode labels)}; the labels are a constant</td></tr>
 *   <tr><td>{@code neg exp log sqrt sin cos tanh sigmoid relu}: elementwise</td>
 *       <td>{@code (TensorNode x)}</td></tr>
 *   <tr><td>{@code transpose sum mean softmax log_softmax}: {@code sum} and {@code mean} of every
 *       element, to a scalar; {@code softmax} and {@code log_softmax} along the last axis</td>
 *       <td>{@code (TensorNode x)}</td></tr>
 *   <tr><td>{@code pow}: elementwise</td><td>{@code (TensorNode base, double exponent)}</td></tr>
 *   <tr><td>{@code sum_axis mean_axis}: along one axis, which disappears</td>
 *       <td>{@code (TensorNode x, int axis)}; the axis is counted from 0</td></tr>
 * </table>
 *
 * <p>Exactly one concrete class per operation. Classes may share code through your own abstract
 * base classes (the lecture's generic unary function); only the concrete classes carry
 * {@code @Op}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Op {
    /** The operation's name, such as {@code "mul"} or {@code "matmul"}. */
    String value();
}
