/**
 * The student contract: the five types a student's code is written against.
 *
 * <p>You implement one {@link org.topograd.api.Node} subclass per operation, marked with
 * {@link org.topograd.api.Op}, and one class that implements {@link org.topograd.api.Backprop}.
 * topograd builds graphs out of your classes, runs them, and compares every value and gradient with
 * its own reference engine.
 *
 * <p>A tiny example, the lecture's multiplication node:
 * <pre>{@code
 * @Op("mul")
 * public class Mul extends Node {
 *     public Mul(Node a, Node b) { super(a, b); }
 *     public void forward()  { value = inputs().get(0).value * inputs().get(1).value; }
 *     public void backward() {
 *         Node a = inputs().get(0), b = inputs().get(1);
 *         a.grad += grad * b.value;   // d(a*b)/da = b
 *         b.grad += grad * a.value;   // d(a*b)/db = a
 *     }
 * }
 * }</pre>
 *
 * <p>This package is deliberately small and stable so that course handouts can rely on it: it
 * depends on nothing else in topograd and nothing outside {@code java.base}.
 */
package org.topograd.api;
