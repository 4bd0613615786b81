package org.topograd.grading;

import java.util.Arrays;
import org.topograd.numeric.NumericalGradient;
import org.topograd.sandbox.TaskOutcome;
import org.topograd.spec.Case;
import org.topograd.spec.Graph;
import org.topograd.spec.Tolerance;
import org.topograd.worker.Messages;

/**
 * The checks at one input point of one spec, one method a check. The forward, gradient and
 * numerical checks share one task (the student's forward, then backward()s seeded 1, 0 and 2).
 */
final class CaseChecks {
    /**
     * The output's gradient in the gradient check's three passes: 1 for the gradients themselves; 0,
     * where every gradient must be 0; 2, where every gradient must double.
     */
    static final double[] SEEDS = {1, 0, 2};

    private final StudentCode student;
    private final SpecAnswers specAnswers;
    private final Graph graph;
    private final CaseAnswers answers;
    private final Case point;
    private final Blocked blocked;
    private final int index;
    private final Tolerance tolerance;
    private Outcomes.Attempt seeded;
    /** What the check being made saw, for the diagnosis of a failure. */
    private Diagnostician.Evidence evidence;

    CaseChecks(StudentCode student, SpecAnswers specAnswers, int index, Blocked blocked) {
        this.student = student;
        this.specAnswers = specAnswers;
        this.blocked = blocked;
        this.graph = specAnswers.spec().graph();
        this.answers = specAnswers.cases().get(index);
        this.point = specAnswers.spec().cases().get(index);
        this.index = index;
        this.tolerance = specAnswers.spec().tolerance();
    }

    /** The check's row; a failure carries the diagnosis of its likely bug, when there is one. */
    CheckResult result(Check check, long max) {
        evidence = null;
        Outcome outcome = check(check);
        String bug = "";
        if (outcome instanceof Outcome.Fail fail && evidence != null) {
            var diagnosis = student.diagnostician().diagnose(evidence);
            if (diagnosis.isPresent()) {
                bug = diagnosis.get().bug();
                outcome = new Outcome.Fail(fail.message() + ". " + diagnosis.get().explanation());
            }
        }
        return new CheckResult(specAnswers.spec().id(), point.name(), check, outcome, max, bug);
    }

    private Outcome check(Check check) {
        boolean shared = check == Check.FORWARD || check == Check.GRADIENT || check == Check.NUMERICAL;
        String why = blocked.why(check, specAnswers.ops());
        if (why != null && !(shared && seeded != null)) {
            // (A class blocked by this very input point's shared task still reports what it did.)
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

    /**
     * The gradient task runs forward first and reports the values before any backward: one build
     * serves both checks, and a broken backward costs forward nothing.
     */
    private Outcome forward() {
        Outcomes.Attempt seeded = seeded();
        if (seeded.values() == null) {
            return seeded.failed(); // forward itself failed, the same way on its own
        }
        saw(Check.FORWARD, seeded.values(), null, null, null, null, null);
        return Judge.forward(graph, answers, seeded.values(), tolerance);
    }

    private Outcome gradient() {
        Outcomes.Attempt seeded = seeded();
        if (seeded.failed() != null) {
            return seeded.failed();
        }
        double[] one = seed(seeded, 0);
        double[] zero = seed(seeded, 1);
        double[] two = seed(seeded, 2);
        saw(Check.GRADIENT, seeded.result().values(), one, zero, two, null, null);
        return Judge.gradient(graph, answers, one, zero, two, tolerance);
    }

    private Outcome traversal() {
        Outcomes.Attempt a = attempt(new Messages.Traversal(specAnswers.wire().id(), point.inputs(),
                answers.probePartials()));
        if (a.failed() != null) {
            return a.failed();
        }
        Messages.Result r = a.result();
        saw(Check.TRAVERSAL, null, r.grads(), null, null, r.order(), r.calls());
        return Judge.traversal(graph, answers, r.order(), r.calls(), r.grads(), tolerance);
    }

    private Outcome endToEnd() {
        Outcomes.Attempt a = attempt(new Messages.EndToEnd(specAnswers.wire().id(), point.inputs(), answers.order()));
        if (a.failed() != null) {
            return a.failed();
        }
        saw(Check.END_TO_END, a.result().values(), a.result().grads(), null, null, null, null);
        return Judge.endToEnd(graph, answers, a.result().grads(), tolerance);
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
        saw(Check.NUMERICAL, seeded.result().values(), one, null, null, null, null);
        return Judge.numerical(graph, estimate, inputGrads(one));
    }

    private void saw(Check check, double[] values, double[] grads, double[] zero, double[] two, int[] order,
            int[] calls) {
        evidence = new Diagnostician.Evidence(check, specAnswers, index, values, grads, zero, two, order, calls,
                student.blame().classes(), student.probes());
    }

    /** The task shared by the forward, gradient and numerical checks, run once. */
    private Outcomes.Attempt seeded() {
        if (seeded == null) {
            seeded = attempt(new Messages.Grads(specAnswers.wire().id(), point.inputs(), answers.order(),
                    SEEDS.clone()));
        }
        return seeded;
    }

    /** The gradients of seed {@code k} (an index into {@link #SEEDS}). */
    private double[] seed(Outcomes.Attempt attempt, int k) {
        int n = graph.size();
        return Arrays.copyOfRange(attempt.result().grads(), k * n, (k + 1) * n);
    }

    private double[] inputGrads(double[] grads) {
        double[] g = new double[graph.inputCount()];
        for (int k = 0; k < g.length; k++) {
            g[k] = grads[graph.inputNode(k)];
        }
        return g;
    }

    /** Runs a task; after a timeout or an exit, the class that was running is blocked for the rest of the spec. */
    private Outcomes.Attempt attempt(Messages.Task task) {
        TaskOutcome outcome = student.session().run(specAnswers.wire(), task);
        if (!(outcome instanceof TaskOutcome.Completed)) {
            blocked.stopped(outcome, student.blame(), graph, "not run: stopped earlier, at " + point.name() + " of "
                    + specAnswers.spec().id() + ": " + student.outcomes().describe(outcome, graph));
        }
        return student.outcomes().attempt(outcome, graph, student.session().lastValues());
    }
}
