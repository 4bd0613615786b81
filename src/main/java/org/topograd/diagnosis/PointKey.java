package org.topograd.diagnosis;

/**
 * An input point of a spec, as a cache of forecasts keys it: a spec's answers are the same object for a
 * whole grading run, so identity is the cheap, right key (whatever the language of the spec).
 */
public record PointKey(Object spec, int caseIndex) {
    @Override
    public boolean equals(Object o) {
        return o instanceof PointKey k && k.spec == spec && k.caseIndex == caseIndex;
    }

    @Override
    public int hashCode() {
        return 31 * System.identityHashCode(spec) + caseIndex;
    }
}
