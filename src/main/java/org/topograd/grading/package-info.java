/**
 * Grading: the five checks, run through a worker and judged here against the reference answers,
 * and the points they are worth.
 *
 * <p>The split of responsibilities is the safety argument: the worker only reports raw numbers;
 * every comparison, every message and every point is decided in this package, in topograd's own
 * process, from answers the worker never sees.
 *
 * <p>One pipeline runs a submission's code, whoever asks ({@code grade}, {@code check}, Gradescope
 * and {@code bench} through {@link org.topograd.grading.Grading}; {@code explain} through
 * {@link org.topograd.grading.Tracer}): compile and find its classes, start a worker and bind them,
 * smoke-test the ops, then one task per check; what a task's outcome means is said in one place.
 *
 * <p>A tensor assignment goes through the same pipeline from {@link org.topograd.grading.SubmissionGrader}
 * on: {@link org.topograd.grading.TensorSubmissionRun} binds its {@code TensorNode} classes and runs the
 * same five checks, element by element ({@link org.topograd.grading.TensorJudge}), into the same rows.
 */
package org.topograd.grading;
