/**
 * Grading: the five checks, run through a worker and judged here against the reference answers,
 * and the points they are worth.
 *
 * <p>The split of responsibilities is the safety argument: the worker only reports raw numbers;
 * every comparison, every message and every point is decided in this package, in topograd's own
 * process, from answers the worker never sees.
 */
package org.topograd.grading;
