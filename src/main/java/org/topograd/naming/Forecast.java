package org.topograd.naming;

import java.util.EnumSet;
import java.util.Set;
import org.topograd.grading.Check;

/**
 * What each check would see from one mistake at one input point of one spec: numbers only. Arrays
 * are indexed by node id; an array is null where the mistake does not change what that check sees
 * (a node mistake under the traversal check) or could not be predicted.
 *
 * @param mistake the mistake
 * @param seed0 node mistakes: gradients with the output seeded 0, as the gradient check drives them
 * @param seed1 node mistakes: seeded 1
 * @param seed2 node mistakes: seeded 2
 * @param probe traversal mistakes: gradients on topograd's probe nodes (the traversal check)
 * @param endToEnd gradients with the ops' real local derivatives, seeded 1 (the end-to-end check)
 * @param partials a wrong local derivative ({@link Mistake.Kind#RULE}): the mistake's local
 *     derivatives at the reference values, node {@code i}'s at {@code 2i} and {@code 2i + 1}; null
 *     for other kinds
 * @param failing the checks at which the mistake's numbers fail, exactly as the check would judge them
 * @param notPredicted why there is no forecast (a recursion past its budget), or null
 */
public record Forecast(Mistake mistake, double[] seed0, double[] seed1, double[] seed2, double[] probe,
        double[] endToEnd, double[] partials, Set<Check> failing, String notPredicted) {

    public Forecast {
        failing = failing.isEmpty() ? EnumSet.noneOf(Check.class) : EnumSet.copyOf(failing);
    }

    public boolean predicted() {
        return notPredicted == null;
    }

    /** Whether the check would fail on the mistake's numbers, that is, it tells the mistake from the reference. */
    public boolean caughtBy(Check check) {
        return failing.contains(check);
    }

    /** Whether a diagnosis could ever name this mistake here: predicted, and some check tells it apart. */
    public boolean useful() {
        return predicted() && !failing.isEmpty();
    }
}
