/**
 * Running a submission's code away from everything else: each submission gets its own worker JVM,
 * inside bubblewrap where it is installed, with limits on memory, CPU time, processes and output.
 *
 * <p>{@link org.topograd.sandbox.WorkerSession} is the parent's side of the conversation with a
 * worker: it starts one, binds the student's classes, runs tasks, and turns every way a worker can
 * fail (a timeout, {@code System.exit}, running out of memory, garbage on the channel) into a
 * {@link org.topograd.sandbox.TaskOutcome}, starting a fresh worker for the tasks that remain.
 */
package org.topograd.sandbox;
