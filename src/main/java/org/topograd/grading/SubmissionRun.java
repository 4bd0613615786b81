package org.topograd.grading;

import java.util.ArrayList;
import java.util.List;
import org.topograd.sandbox.WorkerException;
import org.topograd.sandbox.WorkerSession;
import org.topograd.spec.Op;
import org.topograd.spec.Spec;
import org.topograd.submission.Discovery;
import org.topograd.submission.Submission;

/**
 * The grading of one compiled submission whose classes were found, in its worker session: bind the
 * classes, smoke-test each op, then every check of every spec at every input point.
 *
 * <p>A class that times out or exits on a spec's input point is not run again on that spec's other
 * points; other specs try it afresh, since what hangs on one graph (exponential recursion on a large
 * DAG) may work on another.
 */
final class SubmissionRun {
    private final GradingSetup setup;
    private final WorkerSession session;
    /** What cannot run anywhere: missing classes, and classes that failed their smoke test. */
    private final Blocked blocked = new Blocked();

    SubmissionRun(GradingSetup setup, WorkerSession session) {
        this.setup = setup;
        this.session = session;
    }

    /**
     * Grades the classes {@code found}; the result carries {@code notes} (those of the steps before,
     * and this run's) and the compile's time.
     */
    SubmissionResult grade(Submission submission, Discovery.Found found, List<SubmissionResult.Note> notes,
            long compileMillis) {
        Binding binding;
        try {
            session.open();
            binding = Binding.bind(session, found);
        } catch (WorkerException e) {
            notes.add(new SubmissionResult.Note("worker", true, e.getMessage()
                    + (e.details().isBlank() ? "" : "\n" + e.details().strip())));
            return result(setup, submission, SubmissionResult.Status.WORKER_FAILED, Rows.all(setup,
                    new Outcome.Crash("not run: no worker could be started (" + e.getMessage() + ")")), notes,
                    session.output(), timings(compileMillis));
        }
        for (Op op : Op.operations()) {
            String why = binding.opBlocked(op);
            if (why != null) {
                blocked.op(op, why);
            }
        }
        String why = binding.traversalBlocked();
        if (why != null) {
            blocked.traversal(why);
        }
        Blame blame = new Blame(found);
        Outcomes outcomes = new Outcomes(blame, setup.limits());
        new SmokeTest(session, blame, outcomes).run(found, blocked, notes);
        OpProbes probes = new OpProbes(found.ops().keySet().stream().filter(op -> !blocked.has(op)).toList(),
                session::run);
        StudentCode student = new StudentCode(session, blame, outcomes, probes, setup.diagnostician());
        List<CheckResult> rows = new ArrayList<>();
        for (SpecAnswers s : setup.specs()) {
            rows.addAll(gradeSpec(student, s));
        }
        return result(setup, submission, SubmissionResult.Status.OK, rows, notes, session.output(),
                timings(compileMillis));
    }

    private SubmissionResult.Timings timings(long compileMillis) {
        return new SubmissionResult.Timings(compileMillis, session.startNanos() / 1_000_000L,
                session.runNanos() / 1_000_000L, session.starts());
    }

    static SubmissionResult result(GradingSetup setup, Submission s, SubmissionResult.Status status,
            List<CheckResult> rows, List<SubmissionResult.Note> notes, String output,
            SubmissionResult.Timings timings) {
        return new SubmissionResult(s.id(), status, rows, notes, output, timings, setup.launcher().level());
    }

    private List<CheckResult> gradeSpec(StudentCode student, SpecAnswers s) {
        Spec spec = s.spec();
        long[][] max = Rows.allocation(setup, spec);
        List<CheckResult> rows = new ArrayList<>();
        Blocked onThisSpec = blocked.copy();
        CheckResult traversal = null;
        for (int c = 0; c < s.cases().size(); c++) {
            CaseChecks checks = new CaseChecks(student, s, c, onThisSpec);
            for (Check check : Check.values()) {
                if (!setup.weights().counts(check)) {
                    continue;
                }
                long worth = max[check.ordinal()][c];
                if (check == Check.TRAVERSAL && traversal != null) {
                    // The traversal runs on probe nodes, whatever the inputs: once per spec tells all.
                    rows.add(new CheckResult(spec.id(), spec.cases().get(c).name(), check, traversal.outcome(),
                            worth, traversal.bug()));
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
}
