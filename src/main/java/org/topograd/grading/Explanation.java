package org.topograd.grading;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.topograd.spec.Graph;
import org.topograd.spec.NumberText;
import org.topograd.spec.Op;
import org.topograd.spec.Spec;
import org.topograd.submission.Submission;

/**
 * A submission's numbers at one input point beside the reference's, for {@code explain}: which are
 * wrong (by the spec's tolerance, as grading judges them), and the classic mistake they match.
 *
 * @param trace what the submission's code computed
 * @param wrong each wrong number in words, nearest the inputs first
 * @param diagnosis the classic mistake the student's own Backprop's numbers match (or their
 *     backward()s'), if any
 */
public record Explanation(Tracer.Trace trace, List<String> wrong, Optional<Diagnostician.Diagnosis> diagnosis) {
    public Explanation {
        wrong = List.copyOf(wrong);
    }

    /**
     * Runs the submission at input point {@code caseIndex} of {@code answers}' spec ({@link Tracer})
     * and compares; the diagnosis is {@code grading}'s diagnostician's.
     */
    public static Explanation of(Grading grading, Submission submission, SpecAnswers answers, int caseIndex)
            throws IOException {
        Tracer.Trace trace = Tracer.trace(grading, submission, answers, caseIndex);
        return new Explanation(trace, wrong(answers.spec(), answers.cases().get(caseIndex), trace),
                diagnose(grading.setup().diagnostician(), answers, caseIndex, trace));
    }

    /** Whether the forward values or the gradients could not be had at all. */
    public boolean incomplete() {
        return trace.values() == null || trace.grads() == null;
    }

    private static List<String> wrong(Spec spec, CaseAnswers at, Tracer.Trace trace) {
        Graph g = spec.graph();
        List<String> wrong = new ArrayList<>();
        for (int node : at.order()) {
            if (g.op(node) == Op.CONSTANT) {
                continue;
            }
            String name = g.isNamed(node) ? g.label(node) : "(" + g.label(node) + ")";
            check(wrong, spec, name, "", trace.values(), at.values(), node, !g.op(node).isLeaf());
            check(wrong, spec, name, ".grad", trace.grads(), at.grads(), node, true);
            check(wrong, spec, name, ".grad (your Backprop)", trace.endToEnd(), at.grads(), node, true);
        }
        return wrong;
    }

    private static void check(List<String> wrong, Spec spec, String name, String what, double[] got, double[] want,
            int node, boolean compared) {
        if (compared && got != null && !spec.tolerance().accepts(got[node], want[node])) {
            wrong.add(name + what + " is " + NumberText.format(got[node]) + ", expected "
                    + NumberText.format(want[node]));
        }
    }

    private static Optional<Diagnostician.Diagnosis> diagnose(Diagnostician diagnostician, SpecAnswers answers,
            int caseIndex, Tracer.Trace trace) {
        Optional<Diagnostician.Diagnosis> found = Optional.empty();
        if (trace.endToEnd() != null) {
            found = diagnostician.diagnose(new Diagnostician.Evidence(Check.END_TO_END, answers, caseIndex,
                    trace.values(), trace.endToEnd(), null, null, null, null, trace.classes()));
        }
        if (found.isEmpty() && trace.grads() != null) {
            found = diagnostician.diagnose(new Diagnostician.Evidence(Check.NUMERICAL, answers, caseIndex,
                    trace.values(), trace.grads(), null, null, null, null, trace.classes()));
        }
        return found;
    }
}
