/**
 * The reference engine for tensor graphs: what a correct solution of the second assignment
 * (vectorised backpropagation) computes.
 *
 * <p>{@link org.topograd.engine.tensor.TensorCalculus} is the math of each op, its value and its
 * vector-Jacobian product, one short case each;
 * {@link org.topograd.engine.tensor.TensorEngine} is the traversal over the flat
 * {@link org.topograd.spec.tensor.TensorGraph}, the scalar engine's algorithm with
 * {@link org.topograd.api.tensor.NDArray}s; {@link org.topograd.engine.tensor.TensorDerivatives}
 * is the swappable rule, for mutants; {@link org.topograd.engine.tensor.TensorGradients} is the
 * numerical witness, {@link org.topograd.numeric.NumericalGradient} over the flattened input
 * elements.
 *
 * <p>Nothing here knows about students, submissions or reports.
 */
package org.topograd.engine.tensor;
