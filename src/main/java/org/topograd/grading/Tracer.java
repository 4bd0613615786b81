package org.topograd.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.topograd.sandbox.TaskOutcome;
import org.topograd.sandbox.WorkerException;
import org.topograd.sandbox.WorkerSession;
import org.topograd.spec.Case;
import org.topograd.spec.Op;
import org.topograd.submission.ClassScanner;
import org.topograd.submission.CompileResult;
import org.topograd.submission.Discovery;
import org.topograd.submission.Submission;
import org.topograd.worker.Messages;

/**
 * A student's raw numbers at one input point of one spec, for pictures rather than points: their
 * forward values, their backward()s' gradients under topograd's traversal (seeded 1), and their own
 * Backprop's gradients. Runs in a worker exactly as grading does, so student code never loads here.
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
        Path dir = setup.work().resolve("trace-" + submission.id());
        Files.createDirectories(dir.resolve("scratch"));
        CompileResult compiled = setup.compiler().compile(submission, dir);
        List<String> problems = new ArrayList<>();
        if (!compiled.ok()) {
            compiled.errors().forEach(d -> problems.add(d.toString()));
            problems.add(compiled.problem() != null ? compiled.problem() : "the submission does not compile");
            return new Trace(null, null, null, Map.of(), problems);
        }
        try (WorkerSession session = new WorkerSession(setup.launcher(), setup.runtime(), compiled.classes(),
                setup.limits(), dir.resolve("scratch"), setup.maxReplyBytes())) {
            Discovery.Found found = Discovery.choose(ClassScanner.scan(compiled.classes(), setup.compiler().limits().classBytes()), spec.ops());
            session.open();
            problems.addAll(found.problems());
            Blame blame = new Blame(found);
            List<String> classes = new ArrayList<>();
            List<Integer> arities = new ArrayList<>();
            for (Op op : Op.operations()) {
                classes.add(found.ops().getOrDefault(op, ""));
                arities.add(op.arity() == Op.Arity.UNARY ? 1 : op.arity() == Op.Arity.BINARY ? 2 : 3);
            }
            Messages.Bound bound = session.bind(new Messages.Bind(classes, arities, found.backprop()));
            boolean opsUsable = true;
            for (Op op : spec.ops()) {
                String problem = bound.opProblems().get(Op.operations().indexOf(op));
                if (!found.ops().containsKey(op) || problem != null) {
                    opsUsable = false;
                    if (problem != null) {
                        problems.add("the class for " + op.specName() + " cannot be used: " + problem);
                    }
                }
            }
            if (!opsUsable) {
                return new Trace(null, null, null, found.ops(), problems);
            }
            Case point = spec.spec().cases().get(caseIndex);
            int[] order = spec.cases().get(caseIndex).order();
            double[] values = run(session, spec, point, order, Messages.TaskKind.FORWARD, blame, problems, false);
            double[] grads = run(session, spec, point, order, Messages.TaskKind.GRADS, blame, problems, true);
            double[] endToEnd = null;
            if (found.backprop() != null && bound.backpropProblem() == null) {
                endToEnd = run(session, spec, point, order, Messages.TaskKind.END_TO_END, blame, problems, true);
            } else if (bound.backpropProblem() != null) {
                problems.add("the Backprop class cannot be used: " + bound.backpropProblem());
            }
            return new Trace(values, grads, endToEnd, found.ops(), problems);
        } catch (WorkerException e) {
            problems.add("no worker could be started: " + e.getMessage());
            return new Trace(null, null, null, Map.of(), problems);
        }
    }

    private static double[] run(WorkerSession session, SpecAnswers spec, Case point, int[] order,
            Messages.TaskKind kind, Blame blame, List<String> problems, boolean wantGrads) {
        Messages.GraphMessage wire = spec.wire();
        TaskOutcome outcome = session.run(wire, new Messages.Task(kind, wire.id(), point.inputs(), order, new double[] {1}, null, null));
        if (outcome instanceof TaskOutcome.Completed done) {
            Messages.Failure failure = done.result().failure();
            if (failure == null) {
                return wantGrads ? done.result().grads() : done.result().values();
            }
            problems.add(kind.name().toLowerCase(java.util.Locale.ROOT) + ": "
                    + blame.describe(spec.spec().graph(), failure.where()) + " threw " + failure.exception()
                    + Blame.firstFrame(failure.stack()));
            return null;
        }
        problems.add(kind.name().toLowerCase(java.util.Locale.ROOT) + ": the task did not finish (" + outcome + ")");
        return null;
    }
}
