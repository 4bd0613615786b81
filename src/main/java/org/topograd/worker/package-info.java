/**
 * The worker: the only topograd code that runs next to student code, in a child JVM of its own.
 *
 * <p>Its class path holds nothing but this package, {@link org.topograd.api} and
 * {@link org.topograd.api.tensor}; it depends on nothing else of topograd's, so that student code
 * cannot reach the reference engine, the specs or the reports. It receives graph structures and input
 * values, builds the student's nodes, runs them ({@code Runner}, or {@code TensorRunner} for the
 * tensor API, with values and gradients flattened), and sends back raw numbers. It never receives an
 * expected value and never decides a grade: the parent compares and scores, so nothing student code
 * prints or forges can change a score.
 *
 * <p>The wire format, shared with the parent: {@link org.topograd.worker.Frames} (checked frames),
 * {@link org.topograd.worker.Messages} (the messages, a task kind a record of the sealed
 * {@link org.topograd.worker.Messages.Task}), {@link org.topograd.worker.MessageCodec} (their
 * encoding) and {@link org.topograd.worker.Wire} (its primitives, which the compile server's
 * messages use too).
 */
package org.topograd.worker;
