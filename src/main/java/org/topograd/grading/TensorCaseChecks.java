package org.topograd.grading;

import java.util.Arrays;
import org.topograd.numeric.NumericalGradient;
import org.topograd.sandbox.TaskOutcome;
import org.topograd.sandbox.WorkerSession;
import org.topograd.spec.tensor.TensorCase;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.worker.Messages;

/**
 * The checks at one input point of one tensor spec, as {@link CaseChecks} makes them for a scalar
 * one: the forward, gradient and numerical checks share one task (forward, then backward()s seeded
 * 1, 0 and 2), and every comparison is {@link TensorJudge}'s, element by element. A null or wrongly
 * shaped array the worker found is a failed check with its own message ({@link TensorBlame#misshapen}).
 * A failed gradient, end-to-end or numerical check carries the likely bug, when its numbers (or the
 * wrong shape, or what a backward() threw) are a classic mistake's ({@link TensorDiagnostician}).
 */
final class TensorCaseChecks {
    private final WorkerSession session;
    private final TensorBlame blame;
    private final Outcomes outcomes;
    private final TensorSpecAnswers specAnswers;
    private final TensorGraph graph;
    private final TensorCaseAnswers answers;
    private final TensorCase point;
    private final TensorBlocked blocked;
    private final TensorJudge judge;
    private final TensorDiagnostician diagnostician;
    private final int index;
    private Outcomes.Attempt seeded;
    /** The wrongly shaped gradient the last task ended on (the seeded task's, for the checks that share it). */
    private TensorDiagnostician.WrongShape seededShape;
    private TensorDiagnostician.WrongShape lastShape;
    /** What a backward() threw, ending the last task (the seeded task's, for the checks that share it). */
    private TensorDiagnostician.Threw seededThrew;
    private TensorDiagnostician.Threw lastThrew;
    /** What the check being made saw, for the diagnosis of a failure. */
    private TensorDiagnostician.Evidence evidence;

    TensorCaseChecks(WorkerSession session, TensorBlame blame, Outcomes outcomes, TensorSpecAnswers specAnswers,
            int index, TensorBlocked blocked, TensorDiagnostician diagnostician) {
        this.session = session;
        this.blame = blame;
        this.outcomes = outcomes;
        this.specAnswers = specAnswers;
        this.graph = specAnswers.spec().graph();
        this.answers = specAnswers.cases().get(index);
        this.point = specAnswers.spec().cases().get(index);
        this.blocked = blocked;
        this.judge = new TensorJudge(graph, specAnswers.spec().tolerance());
        this.diagnostician = diagnostician;
        this.index = index;
    }

    /** The check's row; a failure carries the diagnosis of its likely bug, when there is one. */
    CheckResult result(Check check, long max) {
        evidence = null;
        Outcome outcome = check(check);
        String bug = "";
        if ((outcome instanceof Outcome.Fail || outcome instanceof Outcome.Error) && evidence != null) {
            var diagnosis = diagnostician.diagnose(evidence);
            if (diagnosis.isPresent()) {
                bug = diagnosis.get().bug();
                String message = outcome.message() + ". " + diagnosis.get().explanation();
                outcome = outcome instanceof Outcome.Fail ? new Outcome.Fail(message) : new Outcome.Error(message);
            }
        }
        return new CheckResult(specAnswers.spec().id(), point.name(), check, outcome, max, bug);
    }

    private Outcome check(Check check) {
        boolean shared = check == Check.FORWARD || check == Check.GRADIENT || check == Check.NUMERICAL;
        String why = blocked.why(check, specAnswers.ops());
        if (why != null && !(shared && seeded != null)) {
            return new Outcome.NotRun(why);
        }
        return switch (check) {
            case FORWARD -> forward();
            case GRADIENT -> gradient();
            case TRAVERSAL -> traversal();
            case END_TO_END -> endToEnd();
            case NUMERICAL -> numerical();
        };
    }

    private Outcome forward() {
        Outcomes.Attempt seeded = seeded();
        if (seeded.values() == null) {
            return seeded.failed();
        }
        return judge.forward(answers.order(), seeded.values(), answers.values());
    }

    private Outcome gradient() {
        Outcomes.Attempt seeded = seeded();
        if (seeded.failed() != null) {
            saw(Check.GRADIENT, null, null, null, seededShape, seededThrew);
            return seeded.failed();
        }
        double[] one = seed(seeded, 0);
        saw(Check.GRADIENT, one, seed(seeded, 1), seed(seeded, 2), null, null);
        Outcome outcome = judge.gradient(answers.order(), answers.grads(), one, seed(seeded, 1), seed(seeded, 2));
        // Here the order is topograd's, so a wrong gradient comes from an op's backward(): say which one.
        int culprit = outcome.passed() ? -1 : judge.culprit(answers.order(), one, answers.grads());
        return culprit < 0 ? outcome : new Outcome.Fail(outcome.message() + "; the first wrong gradient is what "
                + blame.describe(graph, judge, "backward:" + culprit) + " passes back to its input, while "
                + judge.name(culprit) + ".grad itself is right: look there");
    }

    private Outcome traversal() {
        Outcomes.Attempt a = attempt(new Messages.Traversal(specAnswers.wire().id(), answers.inputs(),
                answers.probePartials()));
        if (a.failed() != null) {
            return a.failed();
        }
        Messages.Result r = a.result();
        return judge.traversal(answers.order(), r.order(), r.calls(), r.grads(), answers.probeGrads());
    }

    private Outcome endToEnd() {
        Outcomes.Attempt a = attempt(new Messages.EndToEnd(specAnswers.wire().id(), answers.inputs(),
                answers.order()));
        if (a.failed() != null) {
            saw(Check.END_TO_END, null, null, null, lastShape, lastThrew);
            return a.failed();
        }
        saw(Check.END_TO_END, a.result().grads(), null, null, null, null);
        return judge.grads(answers.order(), a.result().grads(), answers.grads());
    }

    private Outcome numerical() {
        Outcomes.Attempt seeded = seeded();
        if (seeded.failed() != null) {
            saw(Check.NUMERICAL, null, null, null, seededShape, seededThrew);
            return seeded.failed();
        }
        double[] one = seed(seeded, 0);
        saw(Check.NUMERICAL, one, null, null, null, null);
        Outcomes.Attempt eval = attempt(new Messages.Evaluate(specAnswers.wire().id(), answers.order(),
                answers.plan().points().toArray(new double[0][])));
        if (eval.failed() != null) {
            return eval.failed();
        }
        NumericalGradient.Estimate estimate = answers.plan().estimate(eval.result().values());
        return judge.numerical(estimate, specAnswers.inputGrads(one));
    }

    private void saw(Check check, double[] grads, double[] zero, double[] two, TensorDiagnostician.WrongShape shape,
            TensorDiagnostician.Threw threw) {
        evidence = grads == null && shape == null && threw == null ? null : new TensorDiagnostician.Evidence(check,
                specAnswers, index, grads, zero, two, shape, threw, blame.classes());
    }

    private Outcomes.Attempt seeded() {
        if (seeded == null) {
            seeded = attempt(new Messages.Grads(specAnswers.wire().id(), answers.inputs(), answers.order(),
                    CaseChecks.SEEDS.clone()));
            seededShape = lastShape;
            seededThrew = lastThrew;
        }
        return seeded;
    }

    /** The flattened gradients of seed {@code k} (an index into {@link CaseChecks#SEEDS}). */
    private double[] seed(Outcomes.Attempt attempt, int k) {
        int n = specAnswers.wire().elements();
        return Arrays.copyOfRange(attempt.result().grads(), k * n, (k + 1) * n);
    }

    /** Runs a task; a misshapen array is a failed check; a timeout or an exit blocks the class for the spec. */
    private Outcomes.Attempt attempt(Messages.Task task) {
        lastShape = null;
        lastThrew = null;
        TaskOutcome outcome = session.run(specAnswers.wire(), task);
        Outcomes.Places places = where -> blame.describe(graph, judge, where);
        if (!(outcome instanceof TaskOutcome.Completed)) {
            blocked.stopped(outcome, blame, graph, "not run: stopped earlier, at " + point.name() + " of "
                    + specAnswers.spec().id() + ": " + outcomes.describe(outcome, places));
        }
        if (outcome instanceof TaskOutcome.Completed done && done.result().failure() != null) {
            // Student code could throw an exception whose text reads as a mismatch: that only turns its
            // own failure into a failed check, worth the same nothing; the node is checked, as all worker input.
            Messages.Misshapen m = Messages.Misshapen.of(done.result().failure());
            if (m != null && m.node() < graph.size()) {
                lastShape = wrongShape(m, done.result().failure().where());
                return new Outcomes.Attempt(null, new Outcome.Fail(blame.misshapen(graph, judge, m,
                        done.result().failure().where())), done.result().values());
            }
        }
        if (outcome instanceof TaskOutcome.Completed done && done.result().failure() != null) {
            lastThrew = threw(done.result().failure());
        }
        return outcomes.attempt(outcome, places, session.lastValues());
    }

    /**
     * What a backward() threw as a diagnosis compares it, or null when other code failed: {@code where}
     * is {@code backward:node} under topograd's order, or the student's traversal.
     */
    private TensorDiagnostician.Threw threw(Messages.Failure failure) {
        int after = after(failure.where());
        return after == Integer.MIN_VALUE ? null : new TensorDiagnostician.Threw(after, failure.exception());
    }

    /** The node of {@code backward:node}, -1 for the student's traversal, {@code MIN_VALUE} for anything else. */
    private int after(String where) {
        if (where.equals("Backprop.backward")) {
            return -1;
        }
        if (!where.startsWith("backward:")) {
            return Integer.MIN_VALUE;
        }
        try {
            int node = Integer.parseInt(where.substring("backward:".length()));
            return node >= 0 && node < graph.size() ? node : Integer.MIN_VALUE;
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }

    /**
     * A gradient of the wrong shape as a diagnosis compares it, or null for anything else (a null array, a
     * value): {@code where} is {@code backward:node} after topograd's own order, or the student's traversal.
     */
    private TensorDiagnostician.WrongShape wrongShape(Messages.Misshapen m, String where) {
        if (!m.grad() || m.got() == null) {
            return null;
        }
        int after = after(where);
        return after == Integer.MIN_VALUE ? null : new TensorDiagnostician.WrongShape(m.node(), after, m.got());
    }
}
