package org.topograd.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.topograd.sandbox.WorkerException;
import org.topograd.sandbox.WorkerSession;
import org.topograd.spec.tensor.TensorOp;
import org.topograd.spec.tensor.TensorSpec;
import org.topograd.submission.ClassScanner;
import org.topograd.submission.CompileResult;
import org.topograd.submission.Submission;
import org.topograd.submission.TensorDiscovery;
import org.topograd.worker.Messages;

/**
 * The grading of one compiled submission to a tensor assignment, the counterpart of the scalar
 * path's discovery and {@link SubmissionRun}: find its {@code TensorNode} classes and its
 * {@code TensorBackprop}, bind them in its worker, then every check of every tensor spec at every
 * input point ({@link TensorCaseChecks}). Rows, outcomes and the result are the scalar ones.
 *
 * <p>Before the specs, each op's class is tried once ({@link TensorSmokeTest}), so that one that hangs or
 * exits costs one timeout, not one a spec.
 */
final class TensorSubmissionRun {
    private final GradingSetup setup;

    TensorSubmissionRun(GradingSetup setup) {
        this.setup = setup;
    }

    /**
     * Grades the classes in {@code compiled}; {@code opened} is a session already started for them, or
     * null. The result carries {@code notes} and this run's.
     */
    SubmissionResult grade(Submission submission, CompileResult compiled, List<SubmissionResult.Note> notes,
            WorkerSession opened) {
        TensorDiscovery.Found found;
        try {
            found = TensorDiscovery.choose(ClassScanner.scan(compiled.classes(),
                    setup.compiler().limits().classBytes()), setup.usedTensorOps());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes of " + submission.id(), e);
        }
        found.problems().forEach(p -> notes.add(new SubmissionResult.Note("classes", true, p)));
        SubmissionResult.Timings compileOnly = new SubmissionResult.Timings(compiled.millis(), 0, 0, 0);
        if (found.nothing()) {
            return SubmissionRun.result(setup, submission, SubmissionResult.Status.NO_CLASSES, Rows.all(setup,
                    new Outcome.NotRun("not run: no class has @Op or implements TensorBackprop")), notes, "",
                    compileOnly);
        }
        try (WorkerSession session = opened != null ? opened : SubmissionSteps.session(setup, compiled.classes(),
                setup.work().resolve(submission.id()))) {
            TensorBlocked blocked = new TensorBlocked();
            try {
                session.open();
                bind(session, found, blocked);
            } catch (WorkerException e) {
                notes.add(new SubmissionResult.Note("worker", true, e.getMessage()
                        + (e.details().isBlank() ? "" : "\n" + e.details().strip())));
                return SubmissionRun.result(setup, submission, SubmissionResult.Status.WORKER_FAILED, Rows.all(setup,
                        new Outcome.Crash("not run: no worker could be started (" + e.getMessage() + ")")), notes,
                        session.output(), timings(compiled, session));
            }
            TensorBlame blame = new TensorBlame(found);
            Outcomes outcomes = new Outcomes(null, setup.limits()); // told places by the tensor blame, not Blame
            new TensorSmokeTest(session, blame, outcomes).run(found, setup.usedTensorOps(), blocked, notes);
            List<CheckResult> rows = new ArrayList<>();
            for (TensorSpecAnswers s : setup.tensorSpecs()) {
                rows.addAll(gradeSpec(session, blame, outcomes, s, blocked.copy()));
            }
            return SubmissionRun.result(setup, submission, SubmissionResult.Status.OK, rows, notes, session.output(),
                    timings(compiled, session));
        }
    }

    /** Binds every op's class (or none) and the traversal; blocks what is missing or cannot be used. */
    static void bind(WorkerSession session, TensorDiscovery.Found found, TensorBlocked blocked)
            throws WorkerException {
        List<String> classes = new ArrayList<>();
        List<Integer> arities = new ArrayList<>();
        for (TensorOp op : TensorOp.operations()) {
            classes.add(found.ops().getOrDefault(op, ""));
            arities.add(switch (op.arity()) {
                case UNARY -> Messages.TENSOR_UNARY;
                case BINARY -> Messages.TENSOR_BINARY;
                case POWER -> Messages.TENSOR_POWER;
                default -> Messages.TENSOR_AXIS; // AXIS: leaves are never bound
            });
        }
        Messages.Bound bound = session.bind(new Messages.Bind(classes, arities, found.backprop()));
        for (TensorOp op : TensorOp.operations()) {
            String problem = bound.opProblems().get(TensorOp.operations().indexOf(op));
            if (found.missing().containsKey(op)) {
                blocked.op(op, "not run: " + found.missing().get(op));
            } else if (!found.ops().containsKey(op)) {
                blocked.op(op, "not run: no usable class for op " + op.specName());
            } else if (problem != null) {
                blocked.op(op, "not run: the class for " + op.specName() + " cannot be used: " + problem);
            }
        }
        if (found.backprop() == null) {
            blocked.traversal("not run: no class implements TensorBackprop");
        } else if (bound.backpropProblem() != null) {
            blocked.traversal("not run: the TensorBackprop class cannot be used: " + bound.backpropProblem());
        }
    }

    private List<CheckResult> gradeSpec(WorkerSession session, TensorBlame blame, Outcomes outcomes,
            TensorSpecAnswers s, TensorBlocked onThisSpec) {
        TensorSpec spec = s.spec();
        long[][] max = Rows.allocation(setup, spec.points(), spec.cases().size());
        List<CheckResult> rows = new ArrayList<>();
        CheckResult traversal = null;
        for (int c = 0; c < s.cases().size(); c++) {
            TensorCaseChecks checks = new TensorCaseChecks(session, blame, outcomes, s, c, onThisSpec,
                    setup.tensorDiagnostician());
            for (Check check : Check.values()) {
                if (!setup.weights().counts(check)) {
                    continue;
                }
                long worth = max[check.ordinal()][c];
                if (check == Check.TRAVERSAL && traversal != null) {
                    // On probe nodes, whatever the inputs: once per spec tells all, as for scalars.
                    rows.add(new CheckResult(spec.id(), spec.cases().get(c).name(), check, traversal.outcome(),
                            worth));
                    continue;
                }
                CheckResult row = checks.result(check, worth);
                if (check == Check.TRAVERSAL) {
                    traversal = row;
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static SubmissionResult.Timings timings(CompileResult compiled, WorkerSession session) {
        return new SubmissionResult.Timings(compiled.millis(), session.startNanos() / 1_000_000L,
                session.runNanos() / 1_000_000L, session.starts());
    }
}
