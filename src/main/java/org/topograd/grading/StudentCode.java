package org.topograd.grading;

import org.topograd.sandbox.WorkerSession;

/**
 * One submission's code as its checks reach it: the worker session its classes are bound in, and
 * what has been learned about them.
 *
 * @param blame puts the worker's locations into the student's class names
 * @param outcomes says what a task's outcome means
 * @param probes the op classes on their own, run only if a diagnosis needs them
 * @param diagnostician names the likely bug behind a failed check
 */
record StudentCode(WorkerSession session, Blame blame, Outcomes outcomes, OpProbes probes,
        Diagnostician diagnostician) {}
