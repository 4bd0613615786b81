package org.topograd.naming.tensor;

import java.util.EnumSet;
import java.util.Set;
import org.topograd.grading.Check;
import org.topograd.grading.TensorDiagnostician.Threw;
import org.topograd.grading.TensorDiagnostician.WrongShape;
import org.topograd.naming.Mistake;

/**
 * What each check would see from one tensor mistake at one input point of one spec: numbers and
 * shapes only, so that a student kit can carry it frozen (arrays of doubles and ints, strings).
 *
 * <p>Every tensor mistake's backward() is linear in the gradient it receives, as the right one is:
 * so the gradient check's passes seeded 0 and 2 would see 0 and twice {@link #grads()}, and only
 * the pass seeded 1 is kept.
 *
 * @param mistake the mistake (its {@link Mistake#ops()} are empty: {@link #edges()} say where it acts)
 * @param grads every node's gradient elements with the output seeded 1 under topograd's order,
 *     flattened as the grading answers are; null when the mistake gives a gradient of the wrong shape
 *     or makes a backward() throw (an inner size that does not match)
 * @param wrongShape the first gradient of the wrong shape in topograd's order (the gradient check),
 *     or null
 * @param endToEndShape the first gradient of the wrong shape once the whole backward pass is over,
 *     from the output back (the end-to-end check), or null
 * @param threw what the first backward() to fail threw, in topograd's order, or null
 * @param edges the edges {@code 2 * node + k} along which the mistake's backward() writes something
 *     else than the right one at this point (a different share, or {@code =} where shares add up):
 *     which of a node's users to name
 * @param failing the checks at which the mistake fails, exactly as the check would judge it
 */
public record TensorForecast(Mistake mistake, double[] grads, WrongShape wrongShape, WrongShape endToEndShape,
        Threw threw, int[] edges, Set<Check> failing) {

    public TensorForecast {
        failing = failing.isEmpty() ? EnumSet.noneOf(Check.class) : EnumSet.copyOf(failing);
        edges = edges.clone();
    }

    /** Whether the check would fail on the mistake, that is, it tells the mistake from the reference. */
    public boolean caughtBy(Check check) {
        return failing.contains(check);
    }

    /** Whether a diagnosis could ever name this mistake here: numbers, a shape or an exception to match, and a check that fails. */
    public boolean useful() {
        return !failing.isEmpty() && (grads != null || wrongShape != null || endToEndShape != null || threw != null);
    }

    /** Whether the mistake's backward() writes differently along operand {@code k} of {@code node}. */
    public boolean differsAt(int node, int k) {
        for (int e : edges) {
            if (e == 2 * node + k) {
                return true;
            }
        }
        return false;
    }
}
