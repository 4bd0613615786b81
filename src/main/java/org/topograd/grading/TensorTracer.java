package org.topograd.grading;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.topograd.api.tensor.NDArray;
import org.topograd.sandbox.TaskOutcome;
import org.topograd.sandbox.WorkerException;
import org.topograd.sandbox.WorkerSession;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.submission.ClassScanner;
import org.topograd.submission.CompileResult;
import org.topograd.submission.Submission;
import org.topograd.submission.TensorDiscovery;
import org.topograd.worker.Messages;

/**
 * {@link Tracer} for a tensor assignment: a student's raw tensors at one input point of one tensor
 * spec, for pictures rather than points. Runs in a worker through the same steps as grading
 * ({@link SubmissionSteps}, {@link TensorSubmissionRun#bind}, {@link Outcomes}), so student code never
 * loads here.
 */
public final class TensorTracer {
    private TensorTracer() {}

    /**
     * What came out. Arrays are indexed by node id, each of its node's shape ({@code NaN} for the
     * values of nodes the output does not reach), and null when the task could not run;
     * {@code problems} says why, in the student's terms. A forward that ran keeps its values when the
     * backward after it failed.
     *
     * @param values the student's forward values
     * @param grads the student's backward()s driven by topograd's traversal, output seeded 1
     * @param endToEnd the student's TensorBackprop with the student's nodes
     * @param problems why something is missing: a compile error, a missing class, an exception, a misshapen array
     */
    public record Trace(NDArray[] values, NDArray[] grads, NDArray[] endToEnd, List<String> problems) {
        public Trace {
            problems = List.copyOf(problems);
        }
    }

    /** Compiles the submission, runs it on one input point, and reports its tensors. */
    public static Trace trace(Grading grading, Submission submission, TensorSpecAnswers spec, int caseIndex)
            throws IOException {
        GradingSetup setup = grading.setup();
        SubmissionSteps.Traced traced = SubmissionSteps.compileForTrace(setup, submission);
        CompileResult compiled = traced.compiled();
        List<String> problems = new ArrayList<>(traced.problems());
        if (!compiled.ok()) {
            return new Trace(null, null, null, problems);
        }
        TensorDiscovery.Found found = TensorDiscovery.choose(ClassScanner.scan(compiled.classes(),
                setup.compiler().limits().classBytes()), spec.ops());
        problems.addAll(found.problems());
        if (found.nothing()) {
            if (found.problems().isEmpty()) {
                problems.add("no class has @Op or implements TensorBackprop");
            }
            return new Trace(null, null, null, problems);
        }
        try (WorkerSession session = SubmissionSteps.session(setup, compiled.classes(), traced.dir())) {
            session.open();
            TensorBlocked blocked = new TensorBlocked();
            TensorSubmissionRun.bind(session, found, blocked);
            Run run = new Run(session, spec, caseIndex, new TensorBlame(found), new Outcomes(null, setup.limits()),
                    problems);
            NDArray[][] seeded = new NDArray[2][];
            String opsBlocked = blocked.why(Check.GRADIENT, spec.ops());
            if (opsBlocked == null) {
                seeded = run.valuesAndGrads();
            } else {
                problems.add(opsBlocked.replaceFirst("^not run: ", ""));
            }
            NDArray[] endToEnd = null;
            String traversalBlocked = blocked.why(Check.END_TO_END, spec.ops());
            if (traversalBlocked == null) {
                endToEnd = run.endToEnd();
            } else if (opsBlocked == null) {
                problems.add(traversalBlocked.replaceFirst("^not run: ", ""));
            }
            return new Trace(seeded[0], seeded[1], endToEnd, problems);
        } catch (WorkerException e) {
            problems.add("no worker could be started: " + e.getMessage());
            return new Trace(null, null, null, problems);
        }
    }

    /** The tasks at one input point; each that fails adds why to the problems. */
    private static final class Run {
        final WorkerSession session;
        final TensorSpecAnswers spec;
        final TensorGraph graph;
        final TensorCaseAnswers point;
        final TensorBlame blame;
        final TensorJudge judge;
        final Outcomes outcomes;
        final List<String> problems;
        /** What the last failed task's forward had computed before it failed, if anything. */
        double[] failedValues;

        Run(WorkerSession session, TensorSpecAnswers spec, int caseIndex, TensorBlame blame, Outcomes outcomes,
                List<String> problems) {
            this.session = session;
            this.spec = spec;
            this.graph = spec.spec().graph();
            this.point = spec.cases().get(caseIndex);
            this.blame = blame;
            this.judge = new TensorJudge(graph, spec.spec().tolerance());
            this.outcomes = outcomes;
            this.problems = problems;
        }

        /** The forward values and the gradients seeded 1; either null if it could not be had. */
        NDArray[][] valuesAndGrads() {
            Messages.Result r = run(new Messages.Grads(spec.wire().id(), point.inputs(), point.order(),
                    new double[] {1}));
            if (r == null) {
                return new NDArray[][] {unflatten(failedValues), null};
            }
            return new NDArray[][] {unflatten(r.values()), unflatten(r.grads())};
        }

        NDArray[] endToEnd() {
            Messages.Result r = run(new Messages.EndToEnd(spec.wire().id(), point.inputs(), point.order()));
            return r == null ? null : unflatten(r.grads());
        }

        private Messages.Result run(Messages.Task task) {
            TaskOutcome outcome = session.run(spec.wire(), task);
            String kind = task.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            Outcomes.Places places = where -> blame.describe(graph, judge, where);
            failedValues = null;
            if (outcome instanceof TaskOutcome.Completed done) {
                Messages.Failure failure = done.result().failure();
                if (failure == null) {
                    return done.result();
                }
                failedValues = done.result().values();
                Messages.Misshapen m = Messages.Misshapen.of(failure);
                problems.add(kind + ": " + (m != null && m.node() < graph.size()
                        ? blame.misshapen(graph, judge, m, failure.where()) : outcomes.thrown(places, failure)));
                return null;
            }
            problems.add(kind + ": " + outcomes.describe(outcome, places));
            return null;
        }

        /** Node by node, each of its node's shape; null for anything but one number per element. */
        private NDArray[] unflatten(double[] flat) {
            int[] offsets = spec.wire().offsets();
            if (flat == null || flat.length != offsets[graph.size()]) {
                return null;
            }
            NDArray[] arrays = new NDArray[graph.size()];
            for (int node = 0; node < graph.size(); node++) {
                arrays[node] = NDArray.of(Arrays.copyOfRange(flat, offsets[node], offsets[node + 1]),
                        graph.shape(node).dims());
            }
            return arrays;
        }
    }
}
