package org.topograd.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a student's {@link Node} subclass as the implementation of one operation.
 *
 * <p>The operation names and the public constructor topograd calls for each:
 * <table>
 *   <caption>Operations</caption>
 *   <tr><th>names</th><th>constructor</th></tr>
 *   <tr><td>{@code add sub mul div}</td><td>{@code (Node a, Node b)}</td></tr>
 *   <tr><td>{@code neg exp log sqrt sin cos tanh sigmoid relu}</td><td>{@code (Node x)}</td></tr>
 *   <tr><td>{@code pow}</td><td>{@code (Node base, double exponent)}: the lecture's PowerNode</td></tr>
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
    /** The operation's name, such as {@code "mul"}. */
    String value();
}
