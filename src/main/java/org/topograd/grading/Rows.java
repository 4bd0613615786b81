package org.topograd.grading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.topograd.spec.Spec;

/** The rows of a submission's scorecard: what each is worth, and rows that all say the same. */
final class Rows {
    private Rows() {}

    /** Every row with the same outcome, for submissions that never reached a worker. */
    static List<CheckResult> all(GradingSetup setup, Outcome outcome) {
        List<CheckResult> rows = new ArrayList<>();
        for (SpecAnswers s : setup.specs()) {
            long[][] max = allocation(setup, s.spec());
            for (int c = 0; c < s.cases().size(); c++) {
                for (Check check : Check.values()) {
                    if (setup.weights().counts(check)) {
                        rows.add(new CheckResult(s.spec().id(), s.spec().cases().get(c).name(), check, outcome,
                                max[check.ordinal()][c]));
                    }
                }
            }
        }
        for (TensorSpecAnswers s : setup.tensorSpecs()) {
            long[][] max = allocation(setup, s.spec().points(), s.cases().size());
            for (int c = 0; c < s.cases().size(); c++) {
                for (Check check : Check.values()) {
                    if (setup.weights().counts(check)) {
                        rows.add(new CheckResult(s.spec().id(), s.spec().cases().get(c).name(), check, outcome,
                                max[check.ordinal()][c]));
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Hundredths of a point for each check (by weight) and input point (evenly), adding up
     * exactly to the spec's points.
     */
    static long[][] allocation(GradingSetup setup, Spec spec) {
        return allocation(setup, spec.points(), spec.cases().size());
    }

    /** {@link #allocation(GradingSetup, Spec)} of a spec worth {@code points} with {@code cases} input points. */
    static long[][] allocation(GradingSetup setup, java.math.BigDecimal points, int cases) {
        long[] weights = new long[Check.values().length];
        for (Check check : Check.values()) {
            weights[check.ordinal()] = setup.weights().of(check);
        }
        long[] byCheck = Points.split(Points.hundredths(points), weights);
        long[] even = new long[cases];
        Arrays.fill(even, 1);
        long[][] max = new long[byCheck.length][];
        for (int k = 0; k < byCheck.length; k++) {
            max[k] = Points.split(byCheck[k], even);
        }
        return max;
    }
}
