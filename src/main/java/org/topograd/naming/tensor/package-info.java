/**
 * Naming the bug behind a failed check of a tensor spec from numbers alone, as
 * {@code org.topograd.naming} does for scalar specs: what each classic tensor mistake would give at
 * each input point ({@link org.topograd.naming.tensor.TensorForecast}, with the scalar side's
 * {@link org.topograd.naming.Mistake} for its words), compared element by element with the student's
 * gradients, or with the shape or exception their backward() left, and explained
 * ({@link org.topograd.naming.tensor.TensorBugNamer}).
 *
 * <p>The forecasts are plain numbers, shapes and strings, so that a student kit can carry them frozen;
 * the full tool computes them with its mutants ({@code org.topograd.diagnosis.tensor}).
 */
package org.topograd.naming.tensor;
