package org.topograd.diagnosis;

import java.util.EnumSet;
import java.util.Set;
import org.topograd.grading.Check;

/**
 * What each check would see from one mutant at one input point of one spec. Arrays are indexed by
 * node id; an array is null where the mutant does not change what that check sees (a node mistake
 * under the traversal check) or could not be predicted.
 *
 * @param mutant the mistake
 * @param seed0 node mutants: gradients with the output seeded 0, as the gradient check drives them
 * @param seed1 node mutants: seeded 1
 * @param seed2 node mutants: seeded 2
 * @param probe traversal mutants: gradients on topograd's probe nodes (the traversal check)
 * @param endToEnd gradients with the ops' real local derivatives, seeded 1 (the end-to-end check)
 * @param failing the checks at which the mutant's numbers fail, exactly as the check would judge them
 * @param notPredicted why there is no forecast (a recursion past its budget), or null
 */
public record Forecast(Mutant mutant, double[] seed0, double[] seed1, double[] seed2, double[] probe,
        double[] endToEnd, Set<Check> failing, String notPredicted) {

    public Forecast {
        failing = failing.isEmpty() ? EnumSet.noneOf(Check.class) : EnumSet.copyOf(failing);
    }

    public boolean predicted() {
        return notPredicted == null;
    }

    /** Whether the check would fail on the mutant's numbers, that is, it tells the mutant from the reference. */
    public boolean caughtBy(Check check) {
        return failing.contains(check);
    }
}
