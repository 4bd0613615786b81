package org.topograd.spec;

/**
 * Numbers as people write them: {@code 54} rather than {@code 54.0}, {@code 1e-5} rather than
 * {@code 1.0E-5}, and always the shortest text that reads back to the same double.
 */
public final class NumberText {
    private NumberText() {}

    public static String format(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        // Double.toString reads back to the same double; only its spelling changes: 1.0E-9 -> 1e-9.
        return Double.toString(x).replace(".0E", "E").replace("E", "e");
    }
}
