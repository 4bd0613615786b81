package org.topograd.grading;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.topograd.sandbox.TaskOutcome;
import org.topograd.sandbox.WorkerException;
import org.topograd.sandbox.WorkerSession;
import org.topograd.spec.Case;
import org.topograd.spec.Op;
import org.topograd.submission.CompileResult;
import org.topograd.submission.Discovery;
import org.topograd.submission.Submission;
import org.topograd.worker.Messages;

/**
 * A student's raw numbers at one input point of one spec, for pictures rather than points: their
 * forward values, their backward()s' gradients under topograd's traversal (seeded 1), and their own
 * Backprop's gradients. Runs in a worker through the same steps as grading ({@link SubmissionSteps},
 * {@link Binding}, {@link Outcomes}), so student code never loads here.
 */
public final class Tracer {
    private Tracer() {}

    /**
     * What came out. Arrays are indexed by node id ({@code NaN} for the values of nodes the output
     * does not reach, which are never built; their gradients are 0) and null
     * when the task could not run; {@code problems} says why, in the student's terms.
     *
     * @param values the student's forward values
     * @param grads the student's backward()s driven by topograd's traversal, output seeded 1
     * @param endToEnd the student's Backprop with the student's nodes
     * @param classes the student's class for each op (binary names)
     * @param problems why something is missing: a compile error, a missing class, an exception
     */
    public record Trace(double[] values, double[] grads, double[] endToEnd, Map<Op, String> classes,
            List<String> problems) {
        public Trace {
            classes = Map.copyOf(classes);
            problems = List.copyOf(problems);
        }
    }

    /** Compiles the submission, runs it on one input point, and reports its numbers. */
    public static Trace trace(Grading grading, Submission submission, SpecAnswers spec, int caseIndex)
            throws IOException {
        GradingSetup setup = grading.setup();
        SubmissionSteps.Traced traced = SubmissionSteps.compileForTrace(setup, submission);
        CompileResult compiled = traced.compiled();
        List<String> problems = new ArrayList<>(traced.problems());
        if (!compiled.ok()) {
            return new Trace(null, null, null, Map.of(), problems);
        }
        try (WorkerSession session = SubmissionSteps.session(setup, compiled.classes(), traced.dir())) {
            Discovery.Found found = SubmissionSteps.discover(setup, compiled, spec.ops());
            session.open();
            problems.addAll(found.problems());
            Binding binding = Binding.bind(session, found);
            boolean opsUsable = true;
            for (Op op : spec.ops()) {
                String problem = binding.opProblem(op);
                if (!found.ops().containsKey(op) || problem != null) {
                    opsUsable = false;
                    if (problem != null) {
                        problems.add(problem);
                    }
                }
            }
            if (!opsUsable) {
                return new Trace(null, null, null, found.ops(), problems);
            }
            Run run = new Run(session, spec, caseIndex, new Outcomes(new Blame(found), setup.limits()), problems);
            double[] values = run.values();
            double[] grads = run.grads(new Messages.Grads(run.wire.id(), run.point.inputs(), run.order,
                    new double[] {1}));
            double[] endToEnd = null;
            if (found.backprop() != null && binding.backpropProblem() == null) {
                endToEnd = run.grads(new Messages.EndToEnd(run.wire.id(), run.point.inputs(), run.order));
            } else if (binding.backpropProblem() != null) {
                problems.add(binding.backpropProblem());
            }
            return new Trace(values, grads, endToEnd, found.ops(), problems);
        } catch (WorkerException e) {
            problems.add("no worker could be started: " + e.getMessage());
            return new Trace(null, null, null, Map.of(), problems);
        }
    }

    /** The tasks at one input point; each that fails adds why to the problems. */
    private static final class Run {
        final WorkerSession session;
        final SpecAnswers spec;
        final Messages.GraphMessage wire;
        final Case point;
        final int[] order;
        final Outcomes outcomes;
        final List<String> problems;

        Run(WorkerSession session, SpecAnswers spec, int caseIndex, Outcomes outcomes, List<String> problems) {
            this.session = session;
            this.spec = spec;
            this.wire = spec.wire();
            this.point = spec.spec().cases().get(caseIndex);
            this.order = spec.cases().get(caseIndex).order();
            this.outcomes = outcomes;
            this.problems = problems;
        }

        double[] values() {
            Messages.Result r = run(new Messages.Forward(wire.id(), point.inputs(), order));
            return r == null ? null : r.values();
        }

        double[] grads(Messages.Task task) {
            Messages.Result r = run(task);
            return r == null ? null : r.grads();
        }

        private Messages.Result run(Messages.Task task) {
            TaskOutcome outcome = session.run(wire, task);
            String kind = task.kind().name().toLowerCase(Locale.ROOT);
            if (outcome instanceof TaskOutcome.Completed done) {
                Messages.Failure failure = done.result().failure();
                if (failure == null) {
                    return done.result();
                }
                problems.add(kind + ": " + outcomes.thrown(spec.spec().graph(), failure));
                return null;
            }
            problems.add(kind + ": the task did not finish (" + outcome + ")");
            return null;
        }
    }
}
