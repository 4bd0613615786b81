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
        // In Op order, never in a Set.copyOf order, which changes from one JVM to the next.
        ops = Collections.unmodifiableSet(ops.isEmpty() ? EnumSet.noneOf(Op.class) : EnumSet.copyOf(ops));
        cases = List.copyOf(cases);
    }
}
