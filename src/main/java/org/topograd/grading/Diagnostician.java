package org.topograd.grading;

import java.util.Map;
import java.util.Optional;
import org.topograd.spec.Op;

/**
 * Names the likely bug behind a failed check, from the student's raw numbers. Grading works
 * without one ({@link #NONE}); the full tool plugs in the mutant-based diagnosis.
 */
@FunctionalInterface
public interface Diagnostician {
    Diagnostician NONE = evidence -> Optional.empty();

    Optional<Diagnosis> diagnose(Evidence evidence);

    /**
     * A diagnosis.
     *
     * @param bug a short, stable name for the summary's {@code bugs} column, such as
     *     {@code recursion-without-topological-order}
     * @param explanation what to tell the student, with the numbers and the lecture's idea
     */
    record Diagnosis(String bug, String explanation) {}

    /**
     * What a failed check saw. Arrays are indexed by node id and may be null where the check has no
     * such numbers.
     *
     * @param check the check that failed
     * @param spec the spec, with its answers
     * @param caseIndex the input point, an index into the spec's cases
     * @param values the student's node values (forward, gradient, end-to-end)
     * @param grads the student's gradients: seeded with 1 (gradient), from their Backprop
     *     (end-to-end, traversal on probe nodes)
     * @param zeroSeed gradients with the output seeded 0 (gradient)
     * @param twoSeed gradients with the output seeded 2 (gradient)
     * @param order the order topologicalOrder returned (traversal)
     * @param calls the order the probe nodes' backward ran (traversal)
     * @param classes the student's class for each op (binary names), to name the one at fault
     * @param probes each of the student's op classes tried on its own, to tell which one makes a
     *     mistake where the numbers cannot
     */
    record Evidence(Check check, SpecAnswers spec, int caseIndex, double[] values, double[] grads, double[] zeroSeed,
            double[] twoSeed, int[] order, int[] calls, Map<Op, String> classes, OpProbes probes) {
        public Evidence {
            classes = classes == null ? Map.of() : Map.copyOf(classes);
            probes = probes == null ? OpProbes.NONE : probes;
        }

        /** Evidence without probes. */
        public Evidence(Check check, SpecAnswers spec, int caseIndex, double[] values, double[] grads,
                double[] zeroSeed, double[] twoSeed, int[] order, int[] calls, Map<Op, String> classes) {
            this(check, spec, caseIndex, values, grads, zeroSeed, twoSeed, order, calls, classes, OpProbes.NONE);
        }

        /** Evidence without class names. */
        public Evidence(Check check, SpecAnswers spec, int caseIndex, double[] values, double[] grads,
                double[] zeroSeed, double[] twoSeed, int[] order, int[] calls) {
            this(check, spec, caseIndex, values, grads, zeroSeed, twoSeed, order, calls, Map.of());
        }
    }
}
