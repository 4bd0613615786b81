/**
 * The tensor spec language's vocabulary: {@link org.topograd.spec.tensor.Shape} and its rules
 * (numpy's broadcasting, matmul's inner sizes), {@link org.topograd.spec.tensor.TensorOp} and the
 * flat, shape-checked {@link org.topograd.spec.tensor.TensorGraph}, and the reader of tensor specs.
 *
 * <p>The second assignment of a course (vectorised backprop) is specified here as the first is in
 * {@code org.topograd.spec}: nothing here computes a value or a gradient; that is
 * {@code org.topograd.engine.tensor}'s.
 */
package org.topograd.spec.tensor;
