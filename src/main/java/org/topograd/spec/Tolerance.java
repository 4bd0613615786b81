package org.topograd.spec;

/**
 * How close a number must be to the one wanted: {@code |got - want| <= abs + rel * |want|}.
 *
 * @param abs absolute slack, for wanted values near zero
 * @param rel relative slack, for large wanted values
 */
public record Tolerance(double abs, double rel) {
    /** Tight enough to catch any real mistake, loose enough for a different but correct formula. */
    public static final Tolerance DEFAULT = new Tolerance(1e-9, 1e-6);

    public Tolerance {
        if (!(abs >= 0) || !(rel >= 0) || Double.isInfinite(abs) || Double.isInfinite(rel)) {
            throw new IllegalArgumentException("tolerances must be finite and not negative");
        }
    }

    /** Whether {@code got} is close enough to {@code want}; NaN is never close to anything. */
    public boolean accepts(double got, double want) {
        if (got == want) {
            return true; // also equal infinities
        }
        return Math.abs(got - want) <= bound(want);
    }

    /** The largest accepted distance from {@code want}. */
    public double bound(double want) {
        return abs + rel * Math.abs(want);
    }
}
