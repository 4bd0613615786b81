package org.topograd.grading;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.topograd.sandbox.Launcher;
import org.topograd.spec.Spec;
import org.topograd.spec.tensor.TensorSpec;
import org.topograd.submission.Submission;

/**
 * A student's check of their own submission ({@code topograd check}, the kit): the grading pipeline
 * for one submission against the visible specs, with every op the hidden specs use required too, so
 * that a missing class fails the check now rather than the grade later.
 */
public final class SelfCheck {
    private SelfCheck() {}

    /**
     * Checks {@code submission} against the {@code visible} ones among {@code specs}.
     *
     * @return the result; empty when topograd was stopped (Ctrl-C) before the check was done
     * @throws AnswerSource.Unavailable when the expected answers cannot be had
     */
    public static Optional<SubmissionResult> run(Submission submission, List<Spec> specs, List<Spec> visible,
            AnswerSource answers, Assignment assignment, Launcher launcher, Diagnostician diagnostician)
            throws IOException, AnswerSource.Unavailable {
        List<SpecAnswers> expected = answers.answers(visible, assignment.numerical());
        Assignment required = assignment.requiring(answers.requiredOps(specs));
        try (Grading grading = Grading.prepare(expected, required, launcher, diagnostician, Grading.Use.ONE)) {
            return first(grading.grade(List.of(submission), 1, r -> { }));
        }
    }

    /**
     * Checks {@code submission} against the {@code visible} ones among the tensor {@code specs}, with
     * the five checks as {@code grade} runs them; every op the hidden ones use is required too.
     *
     * @return the result; empty when topograd was stopped (Ctrl-C) before the check was done
     * @throws AnswerSource.Unavailable when the expected answers cannot be had
     */
    public static Optional<SubmissionResult> runTensor(Submission submission, List<TensorSpec> specs,
            List<TensorSpec> visible, AnswerSource answers, Assignment assignment, Launcher launcher,
            TensorDiagnostician diagnostician) throws IOException, AnswerSource.Unavailable {
        List<TensorSpecAnswers> expected = answers.tensorAnswers(visible, assignment.numerical());
        try (Grading grading = Grading.prepareTensor(expected, assignment, answers.requiredTensorOps(specs),
                launcher, diagnostician, Grading.Use.ONE, 1)) {
            return first(grading.grade(List.of(submission), 1, r -> { }));
        }
    }

    private static Optional<SubmissionResult> first(List<SubmissionResult> results) {
        return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
    }
}
