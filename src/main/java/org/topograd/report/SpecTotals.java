package org.topograd.report;

import java.util.List;
import org.topograd.grading.Check;
import org.topograd.grading.CheckResult;

/**
 * The rows of one spec in a grading result, and what they add up to (in hundredths): what the
 * terminal, {@code --json}, Gradescope and the summary say per spec.
 *
 * @param rows the spec's rows, in the result's order
 */
record SpecTotals(String spec, List<CheckResult> rows, long score, long max) {
    SpecTotals {
        rows = List.copyOf(rows);
    }

    /** The rows of {@code spec} among {@code all}. */
    static SpecTotals of(String spec, List<CheckResult> all) {
        return sum(spec, all.stream().filter(r -> r.spec().equals(spec)).toList());
    }

    /** The rows of one of the spec's checks. */
    SpecTotals only(Check check) {
        return sum(spec, rows.stream().filter(r -> r.check() == check).toList());
    }

    /** Whether every row passed (so also when there is none). */
    boolean passed() {
        return rows.stream().allMatch(r -> r.outcome().passed());
    }

    private static SpecTotals sum(String spec, List<CheckResult> rows) {
        return new SpecTotals(spec, rows, rows.stream().mapToLong(CheckResult::score).sum(),
                rows.stream().mapToLong(CheckResult::max).sum());
    }
}
