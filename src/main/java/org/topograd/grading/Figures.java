package org.topograd.grading;

import java.math.BigDecimal;
import java.math.MathContext;
import org.topograd.spec.NumberText;

/**
 * Numbers in messages: as few digits as make the point. {@code 2.3705000000000003} reads as
 * {@code 2.3705}; but when two numbers differ only in a late digit, enough digits to see it.
 */
final class Figures {
    /** Enough for anyone to compare by eye, and still exact for small integers and simple fractions. */
    static final int DIGITS = 10;

    private Figures() {}

    static String of(double x) {
        return digits(x, DIGITS);
    }

    /** Two numbers with as many digits as it takes to tell them apart (up to all of them). */
    static String[] pair(double got, double want) {
        for (int digits = DIGITS; digits <= 17; digits++) {
            String a = digits(got, digits);
            String b = digits(want, digits);
            if (!a.equals(b) || digits == 17) {
                return new String[] {a, b};
            }
        }
        throw new AssertionError("unreachable");
    }

    /** Two significant digits, for tolerances. */
    static String rough(double x) {
        return digits(x, 2);
    }

    private static String digits(double x, int digits) {
        if (!Double.isFinite(x)) {
            return NumberText.format(x);
        }
        double rounded = new BigDecimal(x).round(new MathContext(digits)).doubleValue();
        return NumberText.format(rounded);
    }
}
