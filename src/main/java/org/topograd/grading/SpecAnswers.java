package org.topograd.grading;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.topograd.spec.Op;
import org.topograd.spec.Spec;
import org.topograd.worker.Messages;

/**
 * A spec ready for grading: its graph in wire form, the ops it uses, and the answers at each of
 * its input points (in the spec's case order).
 */
public record SpecAnswers(Spec spec, Messages.GraphMessage wire, Set<Op> ops, List<CaseAnswers> cases) {
    public SpecAnswers {
        // In Op order: Set.copyOf would iterate in an order that changes from JVM to JVM, and the first
        // blocked op found names the reason in the scorecard, which must be the same on every run.
        EnumSet<Op> inOrder = EnumSet.noneOf(Op.class);
        inOrder.addAll(ops);
        ops = Collections.unmodifiableSet(inOrder);
        cases = List.copyOf(cases);
    }
}
