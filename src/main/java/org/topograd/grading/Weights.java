package org.topograd.grading;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How a spec's points are shared among the checks. The defaults add up to 10, so a 10-point spec
 * at one input point gives whole points per check; a course that does not teach the traversal sets
 * {@code traversal: 0} in {@code specs/assignment.yaml}, and that check is then not run at all.
 */
public record Weights(Map<Check, Integer> byCheck) {
    public static final Weights DEFAULT = new Weights(Map.of(
            Check.FORWARD, 2,
            Check.GRADIENT, 3,
            Check.TRAVERSAL, 2,
            Check.END_TO_END, 2,
            Check.NUMERICAL, 1));

    public Weights {
        EnumMap<Check, Integer> all = new EnumMap<>(Check.class);
        for (Check check : Check.values()) {
            all.put(check, byCheck.getOrDefault(check, 0));
        }
        byCheck = Collections.unmodifiableMap(all);
    }

    public int of(Check check) {
        return byCheck.get(check);
    }

    /** Whether a check is made at all. */
    public boolean counts(Check check) {
        return of(check) > 0;
    }
}
