package org.topograd.grading;

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
        ops = Set.copyOf(ops);
        cases = List.copyOf(cases);
    }
}
