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
    private Outcomes.Attempt seeded;

    TensorCaseChecks(WorkerSession session, TensorBlame blame, Outcomes outcomes, TensorSpecAnswers specAnswers,
            int index, TensorBlocked blocked) {
        this.session = session;
        this.blame = blame;
        this.outcomes = outcomes;
        this.specAnswers = specAnswers;
        this.graph = specAnswers.spec().graph();
        this.answers = specAnswers.cases().get(index);
        this.point = specAnswers.spec().cases().get(index);
        this.blocked = blocked;
        this.judge = new TensorJudge(graph, specAnswers.spec().tolerance());
    }

    CheckResult result(Check check, long max) {
        return new CheckResult(specAnswers.spec().id(), point.name(), check, check(check), max);
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
            return seeded.failed();
        }
        double[] one = seed(seeded, 0);
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
            return a.failed();
        }
        return judge.grads(answers.order(), a.result().grads(), answers.grads());
    }

    private Outcome numerical() {
        Outcomes.Attempt seeded = seeded();
        if (seeded.failed() != null) {
            return seeded.failed();
        }
        double[] one = seed(seeded, 0);
        Outcomes.Attempt eval = attempt(new Messages.Evaluate(specAnswers.wire().id(), answers.order(),
                answers.plan().points().toArray(new double[0][])));
        if (eval.failed() != null) {
            return eval.failed();
        }
        NumericalGradient.Estimate estimate = answers.plan().estimate(eval.result().values());
        return judge.numerical(estimate, inputGrads(one));
    }

    private Outcomes.Attempt seeded() {
        if (seeded == null) {
            seeded = attempt(new Messages.Grads(specAnswers.wire().id(), answers.inputs(), answers.order(),
                    CaseChecks.SEEDS.clone()));
        }
        return seeded;
    }

    /** The flattened gradients of seed {@code k} (an index into {@link CaseChecks#SEEDS}). */
    private double[] seed(Outcomes.Attempt attempt, int k) {
        int n = specAnswers.wire().elements();
        return Arrays.copyOfRange(attempt.result().grads(), k * n, (k + 1) * n);
    }

    /** The inputs' gradient elements end to end, in input order: the numerical plan's layout. */
    private double[] inputGrads(double[] grads) {
        double[] g = new double[answers.inputs().length];
        int[] offsets = specAnswers.wire().offsets();
        int at = 0;
        for (int k = 0; k < graph.inputCount(); k++) {
            int node = graph.inputNode(k);
            int size = offsets[node + 1] - offsets[node];
            System.arraycopy(grads, offsets[node], g, at, size);
            at += size;
        }
        return g;
    }

    /** Runs a task; a misshapen array is a failed check; a timeout or an exit blocks the class for the spec. */
    private Outcomes.Attempt attempt(Messages.Task task) {
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
                return new Outcomes.Attempt(null, new Outcome.Fail(blame.misshapen(graph, judge, m,
                        done.result().failure().where())), done.result().values());
            }
        }
        return outcomes.attempt(outcome, places, session.lastValues());
    }
}
