/**
 * The tensor spec language's vocabulary: {@link org.topograd.spec.tensor.Shape} and its rules
 * (numpy's broadcasting, matmul's inner sizes), {@link org.topograd.spec.tensor.TensorOp} and the
 * flat, shape-checked {@link org.topograd.spec.tensor.TensorGraph}, and the reader of tensor specs.
 *
 * <p>{@link org.topograd.spec.tensor.TensorSpecLoader} is the entry point: {@code isTensorSpec} tells a
 * tensor spec (a {@code constants} key, or an input written as a list or as {@code {shape: ...}}) from a
 * scalar one, and {@code load} reads it, totally, into a {@link org.topograd.spec.tensor.TensorSpec} or
 * problems at their line and column. Values are {@link org.topograd.spec.tensor.TensorValue}s;
 * {@link org.topograd.spec.tensor.TensorExpectWriter} fills in {@code expect} for {@code solve --write}.
 *
 * <p>The second assignment of a course (vectorised backprop) is specified here as the first is in
 * {@code org.topograd.spec}: nothing here computes a value or a gradient; that is
 * {@code org.topograd.engine.tensor}'s.
 */
package org.topograd.spec.tensor;
