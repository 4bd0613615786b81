package org.topograd.grading;

import org.topograd.numeric.NumericalGradient;

/**
 * The right answers for one tensor spec at one input point, flattened as the worker's results are:
 * every node's elements, row-major, concatenated in node id order (offsets from the wire graph's
 * shapes). None of it is ever sent to a worker but the inputs.
 *
 * @param order the reference topological order of the nodes reachable from the output
 * @param inputs the input tensors' elements, concatenated in input order: what the tasks send
 * @param values every node's value elements
 * @param grads every node's gradient elements (output seeded with 1)
 * @param probePartials the traversal check's probe nodes' local derivatives, as for scalars
 * @param probeGrads the gradients a correct traversal gives the probe nodes, one number a node
 * @param plan where the numerical check evaluates the student's forward, over the flattened inputs
 */
public record TensorCaseAnswers(int[] order, double[] inputs, double[] values, double[] grads,
        double[] probePartials, double[] probeGrads, NumericalGradient.Plan plan) {}
