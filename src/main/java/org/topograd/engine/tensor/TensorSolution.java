package org.topograd.engine.tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.topograd.engine.Finding;
import org.topograd.spec.Case;
import org.topograd.spec.Problem;
import org.topograd.spec.tensor.TensorExpectWriter;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorSpec;

/** The reference answers for every point of a tensor spec, and everything found wrong with it. */
public record TensorSolution(TensorSpec spec, List<TensorCaseSolution> cases) {
    public TensorSolution {
        cases = List.copyOf(cases);
    }

    /** Every finding, point by point in the spec's order. */
    public List<Finding> findings() {
        return cases.stream().flatMap(c -> c.findings().stream()).toList();
    }

    /** Every finding as a {@code file:line:column: message} problem. */
    public List<Problem> problems() {
        return findings().stream().map(Finding::problem).toList();
    }

    /** Whether the spec holds: every expectation right, every value finite, every numerical check passed. */
    public boolean ok() {
        return findings().isEmpty();
    }

    /**
     * What {@code expect} should say at the main point and each listed case (random points have no
     * {@code expect}), keyed by case name, for {@link TensorExpectWriter}.
     */
    public Map<String, TensorExpectWriter.Answer> answers() {
        TensorGraph graph = spec.graph();
        Map<String, TensorExpectWriter.Answer> answers = new LinkedHashMap<>();
        for (TensorCaseSolution c : cases) {
            if (c.point().kind() != Case.Kind.RANDOM) {
                answers.put(c.point().name(), new TensorExpectWriter.Answer(TensorValues.toValue(c.value(graph)),
                        c.inputGrads(graph).stream().map(TensorValues::toValue).toList()));
            }
        }
        return answers;
    }
}
