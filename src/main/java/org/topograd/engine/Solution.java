package org.topograd.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.topograd.spec.Case;
import org.topograd.spec.ExpectWriter;
import org.topograd.spec.Graph;
import org.topograd.spec.Problem;
import org.topograd.spec.Spec;

/** The reference answers for every case of a spec, and everything found wrong with it. */
public record Solution(Spec spec, List<CaseSolution> cases) {
    public Solution {
        cases = List.copyOf(cases);
    }

    /** Every finding, case by case in the spec's order. */
    public List<Finding> findings() {
        return cases.stream().flatMap(c -> c.findings().stream()).toList();
    }

    /** Every finding as a {@code file:line:column: message} problem. */
    public List<Problem> problems() {
        return findings().stream().map(Finding::problem).toList();
    }

    /** Whether any finding is of the given kind. */
    public boolean has(Finding.Kind kind) {
        return findings().stream().anyMatch(f -> f.kind() == kind);
    }

    /** Whether the spec holds: every expectation right, every value finite, every numerical check passed. */
    public boolean ok() {
        return findings().isEmpty();
    }

    /**
     * What {@code expect} should say at the main point and each listed case (random points have no
     * {@code expect}), keyed by case name, for {@link ExpectWriter}.
     */
    public Map<String, ExpectWriter.Answer> answers() {
        Graph graph = spec.graph();
        Map<String, ExpectWriter.Answer> answers = new LinkedHashMap<>();
        for (CaseSolution c : cases) {
            if (c.point().kind() != Case.Kind.RANDOM) {
                answers.put(c.point().name(), new ExpectWriter.Answer(c.value(graph), c.inputGrads(graph)));
            }
        }
        return answers;
    }
}
