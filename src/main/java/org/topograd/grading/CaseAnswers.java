package org.topograd.grading;

import org.topograd.numeric.NumericalGradient;

/**
 * The right answers for one spec at one input point, computed once and shared by every
 * submission. None of it is ever sent to a worker.
 *
 * @param order the reference topological order of the nodes reachable from the output
 * @param values every node's value
 * @param grads every node's gradient (output seeded with 1)
 * @param probePartials the local derivatives given to the traversal check's probe nodes: node
 *     {@code i}'s are at {@code 2i} and {@code 2i + 1}; the same at every input point
 * @param probeGrads the gradients a correct traversal gives with those local derivatives
 * @param plan the points at which the numerical check evaluates the student's forward
 */
public record CaseAnswers(int[] order, double[] values, double[] grads, double[] probePartials, double[] probeGrads,
        NumericalGradient.Plan plan) {}
