package org.topograd.grading;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.topograd.spec.tensor.TensorOp;
import org.topograd.spec.tensor.TensorSpec;
import org.topograd.worker.Messages;

/**
 * A tensor spec ready for grading, as {@link SpecAnswers} is a scalar one: its graph in wire form,
 * the ops it uses (in {@link TensorOp} order, for the same reason), and the answers at each point.
 */
public record TensorSpecAnswers(TensorSpec spec, Messages.TensorGraphMessage wire, Set<TensorOp> ops,
        List<TensorCaseAnswers> cases) {
    public TensorSpecAnswers {
        EnumSet<TensorOp> inOrder = EnumSet.noneOf(TensorOp.class);
        inOrder.addAll(ops);
        ops = Collections.unmodifiableSet(inOrder);
        cases = List.copyOf(cases);
    }
}
