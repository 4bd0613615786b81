/**
 * Numerical gradients by finite differences, for any function of a vector of inputs: the
 * independent witness that an analytic gradient is right.
 *
 * <p>It knows nothing of graphs or ops, so the same code checks the reference engine, an
 * instructor's {@code expect}, and a student's own forward against the student's own backward
 * (where the function is evaluated in the student's worker process: see
 * {@link org.topograd.numeric.NumericalGradient.Plan}).
 */
package org.topograd.numeric;
