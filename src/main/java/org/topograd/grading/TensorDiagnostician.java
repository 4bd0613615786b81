package org.topograd.grading;

import java.util.Map;
import java.util.Optional;
import org.topograd.spec.tensor.TensorOp;

/**
 * {@link Diagnostician} for tensor assignments: names the likely bug behind a failed check from the
 * student's raw numbers, flattened as the worker reports them (every node's elements, row-major, in
 * node id order), or from the shape of the first wrongly shaped gradient, or from what a backward()
 * threw (a product of arrays whose sizes do not match). Grading works without one
 * ({@link #NONE}); the full tool plugs in the mutant-based diagnosis.
 */
@FunctionalInterface
public interface TensorDiagnostician {
    TensorDiagnostician NONE = evidence -> Optional.empty();

    Optional<Diagnostician.Diagnosis> diagnose(Evidence evidence);

    /**
     * A gradient of the wrong shape, as the worker found it.
     *
     * @param node the node whose gradient has the wrong shape
     * @param after the node whose backward() had just run (topograd's order, the gradient check), or
     *     -1 when the student's own traversal had run (the end-to-end check, which looks once it is over)
     * @param shape the shape the gradient had
     */
    record WrongShape(int node, int after, int[] shape) {
        public WrongShape {
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WrongShape w && w.node == node && w.after == after
                    && java.util.Arrays.equals(w.shape, shape);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * node + after) + java.util.Arrays.hashCode(shape);
        }

        @Override
        public String toString() {
            return "WrongShape[node=" + node + ", after=" + after + ", shape=" + java.util.Arrays.toString(shape) + "]";
        }
    }

    /**
     * What a backward() threw, as the worker reported it.
     *
     * @param after the node whose backward() threw (topograd's order, the gradient check), or -1 when the
     *     student's own traversal was running (the end-to-end check)
     * @param exception the exception's text, {@code java.lang.IllegalArgumentException: the inner sizes ...}
     */
    record Threw(int after, String exception) {}

    /**
     * What a failed check saw. Arrays are flattened as {@link TensorCaseAnswers}' are, and null where the
     * check has no such numbers.
     *
     * @param check the check that failed
     * @param spec the spec, with its answers
     * @param caseIndex the input point, an index into the spec's cases
     * @param grads the student's gradients: seeded 1 under topograd's order (gradient, numerical), or from
     *     their own TensorBackprop (end-to-end)
     * @param zeroSeed gradients with the output seeded 0 (gradient)
     * @param twoSeed gradients with the output seeded 2 (gradient)
     * @param wrongShape the wrongly shaped gradient that ended the check, or null
     * @param threw what a backward() threw, ending the check, or null
     * @param classes the student's class for each op (binary names), to name the one at fault
     */
    record Evidence(Check check, TensorSpecAnswers spec, int caseIndex, double[] grads, double[] zeroSeed,
            double[] twoSeed, WrongShape wrongShape, Threw threw, Map<TensorOp, String> classes) {
        public Evidence {
            classes = classes == null ? Map.of() : Map.copyOf(classes);
        }
    }
}
