package org.topograd.grading;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Problem;
import org.topograd.spec.Op;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecHeading;
import org.topograd.spec.tensor.TensorOp;
import org.topograd.spec.tensor.TensorSpec;

/**
 * Where the right answers come from: the reference engine in the full tool
 * ({@code ReferenceAnswers.SOURCE}), or answers frozen into a student kit when it was made. Code that
 * must run in the student kit depends on this interface only, so that it never links the reference
 * engine, which the kit leaves out.
 */
@FunctionalInterface
public interface AnswerSource {
    /**
     * Answers for every spec, in order; each spec's position names its graph on the wire.
     *
     * @throws Unavailable when there are no answers for a spec (a student kit given a spec it was
     *     not made with, or one changed since)
     */
    List<SpecAnswers> answers(List<Spec> specs, NumericalGradient.Settings numerical) throws Unavailable;

    /**
     * Answers for every tensor spec, in order, as {@link #answers} gives a scalar spec's.
     *
     * @throws Unavailable when there are no answers for a spec
     */
    default List<TensorSpecAnswers> tensorAnswers(List<TensorSpec> specs, NumericalGradient.Settings numerical)
            throws Unavailable {
        throw new Unavailable("no answers for tensor specs here"
                + (specs.isEmpty() ? "" : " (" + specs.get(0).file() + ")"));
    }

    /**
     * How many hidden specs students are told will be graded after they submit: those among
     * {@code loaded} here (scalar or tensor), or those the kit was made without.
     */
    default int hiddenSpecs(List<? extends SpecHeading> loaded) {
        return (int) loaded.stream().filter(SpecHeading::hidden).count();
    }

    /**
     * Why a spec that reads must not be graded with, as {@code topograd validate} says it: an
     * {@code expect} that disagrees with the answers (students would be graded against another
     * answer than the instructor's), or a point that is not graded reliably. None in a student kit,
     * whose specs were proven when it was made.
     */
    default List<Problem> unfit(Spec spec, NumericalGradient.Settings numerical) {
        return List.of();
    }

    /**
     * {@link #unfit(Spec, NumericalGradient.Settings)} for a tensor spec: an {@code expect} tensor that
     * disagrees with the reference engine, or a point not graded reliably. None where there is no
     * tensor engine (a student kit).
     */
    default List<Problem> unfit(TensorSpec spec, NumericalGradient.Settings numerical) {
        return List.of();
    }

    /**
     * The ops the assignment's specs use, hidden ones included: those among {@code loaded} here,
     * and in a student kit also the ops of the hidden specs it was made without. Students must
     * implement every one of them, since grading will use them all.
     */
    default Set<Op> requiredOps(List<Spec> loaded) {
        Set<Op> ops = EnumSet.noneOf(Op.class);
        for (Spec spec : loaded) {
            ops.addAll(WireGraph.ops(spec.graph()));
        }
        return ops;
    }

    /** {@link #requiredOps} for a tensor assignment: the tensor ops its specs use, hidden ones included. */
    default Set<TensorOp> requiredTensorOps(List<TensorSpec> loaded) {
        Set<TensorOp> ops = EnumSet.noneOf(TensorOp.class);
        for (TensorSpec spec : loaded) {
            ops.addAll(TensorWireGraph.ops(spec.graph()));
        }
        return ops;
    }

    /** There are no answers for a spec; the message says which, and what to do. */
    final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }
    }
}
