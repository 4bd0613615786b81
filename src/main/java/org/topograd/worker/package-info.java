/**
 * The worker: the only topograd code that runs next to student code, in a child JVM of its own.
 *
 * <p>Its class path holds nothing but this package and {@link org.topograd.api}; it depends on
 * nothing else of topograd's, so that student code cannot reach the reference engine, the specs or
 * the reports. It receives graph structures and input values, builds the student's nodes, runs
 * them, and sends back raw numbers. It never receives an expected value and never decides a grade:
 * the parent compares and scores, so nothing student code prints or forges can change a score.
 *
 * <p>{@link org.topograd.worker.Frames} and {@link org.topograd.worker.Messages} are the wire
 * format, shared with the parent.
 */
package org.topograd.worker;
