package org.topograd.grading;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.topograd.numeric.NumericalGradient;
import org.topograd.sandbox.Limits;
import org.topograd.submission.CompileLimits;
import org.topograd.spec.Op;

/**
 * Course-wide settings from {@code specs/assignment.yaml}: how points are shared among the checks,
 * the time limits, how strict the numerical check is, how Gradescope shows the results, and the
 * ops students must implement beyond those the specs use.
 *
 * @param ops ops every submission must have a class for even where no spec uses them (the
 *     assignment's list); the ops the specs use, hidden ones included, are required anyway
 * @param compile what compiling one submission may cost
 */
public record Assignment(Weights weights, Limits limits, NumericalGradient.Settings numerical,
        GradescopeSettings gradescope, Set<Op> ops, CompileLimits compile) {
    public static final Assignment DEFAULT =
            new Assignment(Weights.DEFAULT, Limits.DEFAULT, NumericalGradient.Settings.DEFAULT);

    public Assignment {
        EnumSet<Op> inOrder = EnumSet.noneOf(Op.class); // Op order, whatever order the file lists them in
        inOrder.addAll(ops);
        ops = Collections.unmodifiableSet(inOrder);
    }

    /** Settings with Gradescope's defaults and no op required beyond the specs'. */
    public Assignment(Weights weights, Limits limits, NumericalGradient.Settings numerical) {
        this(weights, limits, numerical, GradescopeSettings.DEFAULT, Set.of(), CompileLimits.DEFAULT);
    }

    /** The same settings, with {@code more} ops required as well. */
    public Assignment requiring(Set<Op> more) {
        EnumSet<Op> all = EnumSet.noneOf(Op.class);
        all.addAll(ops);
        all.addAll(more);
        return new Assignment(weights, limits, numerical, gradescope, all, compile);
    }
}
