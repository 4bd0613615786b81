package org.topograd.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.topograd.numeric.NumericalGradient;
import org.topograd.sandbox.TaskOutcome;
import org.topograd.sandbox.WorkerException;
import org.topograd.sandbox.WorkerSession;
import org.topograd.spec.Case;
import org.topograd.spec.Graph;
import org.topograd.spec.Op;
import org.topograd.spec.Spec;
import org.topograd.submission.ClassScanner;
import org.topograd.submission.CompileResult;
import org.topograd.submission.Discovery;
import org.topograd.submission.Submission;
import org.topograd.submission.SubmissionFiles;
import org.topograd.worker.Messages;

/**
 * Grades one submission: compile, discover its classes, smoke-test each op, then every check of
 * every spec at every input point, through one worker session.
 *
 * <p>Smoke tests run each op once on a two-node graph before anything else, so that an op whose
 * constructor exits or whose forward loops forever is found once and its checks are reported as not
 * run, instead of costing a timeout at every input point. A class that times out or exits later,
 * on a spec's input point, is not run again on that spec's other points; other specs try it afresh,
 * since what hangs on one graph (exponential recursion on a large DAG) may work on another.
 */
public final class SubmissionGrader {
    private final GradingSetup setup;
    private final boolean early;

    public SubmissionGrader(GradingSetup setup) {
        this(setup, false);
    }

    /**
     * @param early start a submission's worker while it is still compiling ({@link #grade(Submission,
     *     Future)}): for a single submission's check, where the two then overlap
     */
    public SubmissionGrader(GradingSetup setup, boolean early) {
        this.setup = setup;
        this.early = early;
    }

    public SubmissionResult grade(Submission submission) {
        return grade(submission, compile(submission));
    }

    /** The first step of grading, which a batch runs ahead of the rest (it needs no worker). */
    public CompileResult compile(Submission submission) {
        Path dir = setup.work().resolve(submission.id());
        try {
            Files.createDirectories(dir.resolve("scratch"));
            return setup.compiler().compile(submission, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + submission.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The result of a submission whose grading failed in topograd itself (a bug, or the machine: a
     * full disk): every check not run, and nothing final, so that the next {@code grade} tries again.
     */
    public SubmissionResult failed(Submission submission, Throwable failure) {
        java.io.StringWriter trace = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(trace));
        List<SubmissionResult.Note> notes = List.of(new SubmissionResult.Note("grader", true,
                "topograd failed while grading this submission (" + failure + "): a bug in topograd or a problem"
                        + " with the machine, not in the submission's code; the instructor's log has the details,"
                        + " and the next grade tries again"));
        return new SubmissionResult(submission.id(), SubmissionResult.Status.GRADER_ERROR,
                allRows(new Outcome.NotRun("not graded: topograd failed while grading this submission")), notes, "",
                new SubmissionResult.Timings(0, 0, 0, 0), setup.launcher().level(), trace.toString());
    }

    /**
     * Grades a submission whose compile is under way. With {@code early} set, and sources to compile,
     * its worker starts now (it reads no class until it is bound, and the classes folder it sees is
     * the one javac is writing into), so starting the JVM overlaps compiling; if the compile fails,
     * or gives classes elsewhere, that worker is simply closed.
     */
    public SubmissionResult grade(Submission submission, Future<CompileResult> compiling)
            throws InterruptedException, ExecutionException {
        if (!early || compiling.isDone() || !hasSources(submission)) {
            return grade(submission, compiling.get());
        }
        Path dir = setup.work().resolve(submission.id());
        Path classes = dir.resolve("classes"); // where compile() has the compiler put them
        WorkerSession session = null;
        try {
            Files.createDirectories(classes);
            Files.createDirectories(dir.resolve("scratch"));
            session = new WorkerSession(setup.launcher(), setup.runtime(), classes, setup.limits(),
                    dir.resolve("scratch"), setup.maxReplyBytes());
            session.open();
        } catch (IOException | WorkerException e) {
            if (session != null) {
                session.close();
            }
            return grade(submission, compiling.get()); // the usual way: a late start, and its failure reported
        }
        CompileResult compiled;
        try {
            compiled = compiling.get();
        } catch (InterruptedException | ExecutionException | RuntimeException e) {
            session.close();
            throw e;
        }
        if (!compiled.ok() || !classes.equals(compiled.classes())) {
            session.close();
            return grade(submission, compiled);
        }
        return grade(submission, compiled, session);
    }

    private static boolean hasSources(Submission submission) {
        try {
            return !SubmissionFiles.of(submission.dir()).sources().isEmpty();
        } catch (IOException e) {
            return false; // the compile reports it
        }
    }

    /** Grades a submission {@link #compile compiled} already. */
    public SubmissionResult grade(Submission submission, CompileResult compiled) {
        return grade(submission, compiled, null);
    }

    /** Grades a compiled submission, with the worker session already open for it, or a new one. */
    private SubmissionResult grade(Submission submission, CompileResult compiled, WorkerSession opened) {
        try {
            return gradeCompiled(submission, compiled, opened);
        } finally {
            if (opened != null) {
                opened.close(); // whichever way grading ended (closing twice does nothing)
            }
        }
    }

    private SubmissionResult gradeCompiled(Submission submission, CompileResult compiled, WorkerSession opened) {
        Path dir = setup.work().resolve(submission.id());
        List<SubmissionResult.Note> notes = new ArrayList<>();
        compiled.notes().forEach(n -> notes.add(new SubmissionResult.Note("files", false, n)));
        compiled.diagnostics().forEach(d -> notes.add(new SubmissionResult.Note("compile", d.isError(), d.toString())));
        if (!compiled.ok()) {
            SubmissionResult.Status status = compiled.status() == CompileResult.Status.NO_SOURCES
                    ? SubmissionResult.Status.NO_SOURCES : SubmissionResult.Status.COMPILE_ERROR;
            if (status == SubmissionResult.Status.NO_SOURCES) {
                notes.add(new SubmissionResult.Note("compile", true, compiled.problem()));
            }
            String why = status == SubmissionResult.Status.NO_SOURCES ? "not run: " + compiled.problem()
                    : "not run: the submission did not compile (see the compiler's messages)";
            return result(submission, status, allRows(new Outcome.NotRun(why)), notes, "",
                    new SubmissionResult.Timings(compiled.millis(), 0, 0, 0));
        }
        Discovery.Found found;
        try {
            found = Discovery.choose(ClassScanner.scan(compiled.classes(), setup.compiler().limits().classBytes()), setup.usedOps());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes of " + submission.id(), e);
        }
        found.problems().forEach(p -> notes.add(new SubmissionResult.Note("classes", true, p)));
        if (found.nothing()) {
            return result(submission, SubmissionResult.Status.NO_CLASSES, allRows(new Outcome.NotRun(
                    "not run: no class has @Op or implements Backprop")), notes, "",
                    new SubmissionResult.Timings(compiled.millis(), 0, 0, 0));
        }
        try (WorkerSession session = opened != null ? opened : new WorkerSession(setup.launcher(), setup.runtime(),
                compiled.classes(), setup.limits(), dir.resolve("scratch"), setup.maxReplyBytes())) {
            return new Run(submission, session, notes, compiled.millis()).grade(found);
        }
    }

    private SubmissionResult result(Submission s, SubmissionResult.Status status, List<CheckResult> rows,
            List<SubmissionResult.Note> notes, String output, SubmissionResult.Timings timings) {
        return new SubmissionResult(s.id(), status, rows, notes, output, timings, setup.launcher().level());
    }

    /** Every row with the same outcome, for submissions that never reached a worker. */
    private List<CheckResult> allRows(Outcome outcome) {
        List<CheckResult> rows = new ArrayList<>();
        for (SpecAnswers s : setup.specs()) {
            long[][] max = allocation(s.spec());
            for (int c = 0; c < s.cases().size(); c++) {
                for (Check check : Check.values()) {
                    if (setup.weights().counts(check)) {
                        rows.add(new CheckResult(s.spec().id(), s.spec().cases().get(c).name(), check, outcome,
                                max[check.ordinal()][c]));
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Hundredths of a point for each check (by weight) and input point (evenly), adding up
     * exactly to the spec's points.
     */
    long[][] allocation(Spec spec) {
        long[] weights = new long[Check.values().length];
        for (Check check : Check.values()) {
            weights[check.ordinal()] = setup.weights().of(check);
        }
        long[] byCheck = Points.split(Points.hundredths(spec.points()), weights);
        long[] even = new long[spec.cases().size()];
        java.util.Arrays.fill(even, 1);
        long[][] max = new long[byCheck.length][];
        for (int k = 0; k < byCheck.length; k++) {
            max[k] = Points.split(byCheck[k], even);
        }
        return max;
    }

    /** One submission's grading, with its worker session and what has been learned about its classes. */
    private final class Run {
        private static final int SMOKE_GRAPH = -1;

        private final Submission submission;
        private final WorkerSession session;
        private final List<SubmissionResult.Note> notes;
        private final long compileMillis;
        /** What cannot run anywhere: missing classes, and classes that failed their smoke test. */
        private final Blocked blocked = new Blocked();
        private Blame blame;
        /** The op classes on their own, run only if a diagnosis needs them (issue 12). */
        private OpProbes probes = OpProbes.NONE;

        Run(Submission submission, WorkerSession session, List<SubmissionResult.Note> notes, long compileMillis) {
            this.submission = submission;
            this.session = session;
            this.notes = notes;
            this.compileMillis = compileMillis;
        }

        SubmissionResult grade(Discovery.Found found) {
            try {
                session.open();
                bind(found);
            } catch (WorkerException e) {
                notes.add(new SubmissionResult.Note("worker", true, e.getMessage()
                        + (e.details().isBlank() ? "" : "\n" + e.details().strip())));
                return finish(SubmissionResult.Status.WORKER_FAILED, allRows(new Outcome.Crash(
                        "not run: no worker could be started (" + e.getMessage() + ")")));
            }
            smokeTest(found);
            probes = new OpProbes(found.ops().keySet().stream().filter(op -> !blocked.ops.containsKey(op)).toList(),
                    session::run);
            List<CheckResult> rows = new ArrayList<>();
            for (SpecAnswers s : setup.specs()) {
                rows.addAll(gradeSpec(s));
            }
            return finish(SubmissionResult.Status.OK, rows);
        }

        private SubmissionResult finish(SubmissionResult.Status status, List<CheckResult> rows) {
            return result(submission, status, rows, notes, session.output(), new SubmissionResult.Timings(
                    compileMillis, session.startNanos() / 1_000_000L, session.runNanos() / 1_000_000L,
                    session.starts()));
        }

        private void bind(Discovery.Found found) throws WorkerException {
            blame = new Blame(found);
            List<String> classes = new ArrayList<>();
            List<Integer> arities = new ArrayList<>();
            for (Op op : Op.operations()) {
                classes.add(found.ops().getOrDefault(op, ""));
                arities.add(switch (op.arity()) {
                    case UNARY -> 1;
                    case BINARY -> 2;
                    default -> 3;
                });
            }
            Messages.Bound bound = session.bind(new Messages.Bind(classes, arities, found.backprop()));
            for (Op op : Op.operations()) {
                String problem = bound.opProblems().get(Op.operations().indexOf(op));
                String missing = found.missing().get(op);
                if (missing != null) {
                    blocked.op(op, "not run: " + missing);
                } else if (!found.ops().containsKey(op)) {
                    blocked.op(op, "not run: no usable class for op " + op.specName());
                } else if (problem != null) {
                    blocked.op(op, "not run: the class for " + op.specName() + " cannot be used: " + problem);
                }
            }
            if (found.backprop() == null) {
                blocked.traversal("not run: no class implements Backprop");
            } else if (bound.backpropProblem() != null) {
                blocked.traversal("not run: the Backprop class cannot be used: " + bound.backpropProblem());
            }
        }

        /**
         * Every op once on a tiny graph, before any spec: a class that crashes the worker or hangs is
         * then blocked for the rest, at the cost of one timeout rather than one per input point. All
         * ops are tried in one task first. When that is stopped in a node's code (a CPU timeout, an
         * exit), the node's op is blocked and the others are tried together again; when it fails
         * otherwise, each op is tried alone, to find which.
         */
        private void smokeTest(Discovery.Found found) {
            List<Op> ops = new ArrayList<>();
            for (Op op : found.ops().keySet()) {
                if (!blocked.ops.containsKey(op)) {
                    ops.add(op);
                }
            }
            int id = SMOKE_GRAPH;
            while (!ops.isEmpty()) {
                Graph graph = smokeGraph(ops);
                TaskOutcome outcome = smoke(ops, id--);
                if (outcome instanceof TaskOutcome.Completed done && done.result().failure() == null) {
                    return;
                }
                Op culprit = stopsEverything(outcome) ? blame.op(graph, stoppedAt(outcome)) : null;
                if (culprit == null || !ops.contains(culprit)) {
                    break;
                }
                blockAtSmoke(found, culprit, describe(outcome, graph));
                ops.remove(culprit);
            }
            for (Op op : ops) {
                Graph graph = smokeGraph(List.of(op));
                TaskOutcome outcome = smoke(List.of(op), SMOKE_GRAPH - 100 - Op.operations().indexOf(op));
                if (stopsEverything(outcome)) {
                    blockAtSmoke(found, op, describe(outcome, graph));
                }
            }
        }

        private void blockAtSmoke(Discovery.Found found, Op op, String why) {
            blocked.op(op, "not run: " + Discovery.simpleName(found.ops().get(op)) + " stopped the worker when first"
                    + " tried: " + why);
            notes.add(new SubmissionResult.Note("classes", true, "op " + op.specName() + ": " + why));
        }

        /** Where a task was stopped in the student's code, as the worker said; "" when it cannot tell. */
        private static String stoppedAt(TaskOutcome outcome) {
            if (outcome instanceof TaskOutcome.CpuTimeout t) {
                return t.where();
            }
            return outcome instanceof TaskOutcome.Exited e ? e.where() : "";
        }

        /** Forward and backward of each op on inputs 0.5 and 0.75, every node run in id order. */
        private TaskOutcome smoke(List<Op> ops, int id) {
            Graph graph = smokeGraph(ops);
            Messages.GraphMessage wire = WireGraph.of(id, graph);
            int[] order = new int[graph.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i; // a builder's ids are a topological order
            }
            return session.run(wire, new Messages.Task(Messages.TaskKind.GRADS, wire.id(), new double[] {0.5, 0.75},
                    order, new double[] {1}, null, null));
        }

        private Graph smokeGraph(List<Op> ops) {
            Graph.Builder b = Graph.builder();
            int x = b.input("x");
            int y = b.input("y");
            int node = -1;
            for (Op op : ops) {
                node = op.arity() == Op.Arity.BINARY ? b.binary(op, x, y, op.specName())
                        : op.arity() == Op.Arity.POWER ? b.power(x, 2, op.specName()) : b.unary(op, x, op.specName());
                b.name(node, "smoke_test_" + op.specName());
            }
            return b.build(node);
        }

        private List<CheckResult> gradeSpec(SpecAnswers s) {
            Spec spec = s.spec();
            long[][] max = allocation(spec);
            List<CheckResult> rows = new ArrayList<>();
            Blocked onThisSpec = blocked.copy();
            CheckResult traversal = null;
            for (int c = 0; c < s.cases().size(); c++) {
                CaseRun run = new CaseRun(s, c, onThisSpec);
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
                    CheckResult row = run.result(check, worth);
                    if (check == Check.TRAVERSAL) {
                        traversal = row;
                    }
                    rows.add(row);
                }
            }
            return rows;
        }

        /** One input point of one spec: its forward, gradient and numerical checks share one task. */
        private final class CaseRun {
            private final SpecAnswers specAnswers;
            private final Graph graph;
            private final CaseAnswers answers;
            private final Case point;
            private final Blocked blocked;
            private final int index;
            private Attempt seeded;
            /** What the check being made saw, for the diagnosis of a failure. */
            private Diagnostician.Evidence evidence;

            CaseRun(SpecAnswers specAnswers, int index, Blocked blocked) {
                this.specAnswers = specAnswers;
                this.blocked = blocked;
                this.graph = specAnswers.spec().graph();
                this.answers = specAnswers.cases().get(index);
                this.point = specAnswers.spec().cases().get(index);
                this.index = index;
            }

            private void saw(Check check, double[] values, double[] grads, double[] zero, double[] two, int[] order,
                    int[] calls) {
                evidence = new Diagnostician.Evidence(check, specAnswers, index, values, grads, zero, two, order, calls,
                        blame.classes(), probes);
            }

            /** The check's row; a failure carries the diagnosis of its likely bug, when there is one. */
            CheckResult result(Check check, long max) {
                evidence = null;
                Outcome outcome = check(check);
                String bug = "";
                if (outcome instanceof Outcome.Fail fail && evidence != null) {
                    var diagnosis = setup.diagnostician().diagnose(evidence);
                    if (diagnosis.isPresent()) {
                        bug = diagnosis.get().bug();
                        outcome = new Outcome.Fail(fail.message() + ". " + diagnosis.get().explanation());
                    }
                }
                return new CheckResult(specAnswers.spec().id(), point.name(), check, outcome, max, bug);
            }

            private Outcome check(Check check) {
                boolean shared = check == Check.FORWARD || check == Check.GRADIENT || check == Check.NUMERICAL;
                String why = blocked(check);
                if (why != null && !(shared && seeded != null)) {
                    // (A class blocked by this very input point's shared task still reports what it did.)
                    return new Outcome.NotRun(why);
                }
                var tolerance = specAnswers.spec().tolerance();
                switch (check) {
                    case FORWARD: {
                        // The gradient task runs forward first and reports the values before any
                        // backward: one build serves both checks, and a broken backward costs forward nothing.
                        Attempt seeded = seeded();
                        if (seeded.values == null) {
                            return seeded.failed; // forward itself failed, the same way on its own
                        }
                        saw(check, seeded.values, null, null, null, null, null);
                        return Judge.forward(graph, answers, seeded.values, tolerance);
                    }
                    case GRADIENT: {
                        Attempt seeded = seeded();
                        if (seeded.failed != null) {
                            return seeded.failed;
                        }
                        double[] one = seed(seeded, 0);
                        double[] zero = seed(seeded, 1);
                        double[] two = seed(seeded, 2);
                        saw(check, seeded.result.values(), one, zero, two, null, null);
                        return Judge.gradient(graph, answers, one, zero, two, tolerance);
                    }
                    case TRAVERSAL: {
                        Attempt a = attempt(Messages.TaskKind.TRAVERSAL, 0);
                        if (a.failed != null) {
                            return a.failed;
                        }
                        saw(check, null, a.result.grads(), null, null, a.result.order(), a.result.calls());
                        return Judge.traversal(graph, answers, a.result.order(), a.result.calls(), a.result.grads(),
                                tolerance);
                    }
                    case END_TO_END: {
                        Attempt a = attempt(Messages.TaskKind.END_TO_END, 0);
                        if (a.failed != null) {
                            return a.failed;
                        }
                        saw(check, a.result.values(), a.result.grads(), null, null, null, null);
                        return Judge.endToEnd(graph, answers, a.result.grads(), tolerance);
                    }
                    case NUMERICAL: {
                        Attempt seeded = seeded();
                        if (seeded.failed != null) {
                            return seeded.failed;
                        }
                        double[] one = seed(seeded, 0);
                        Attempt eval = attempt(Messages.TaskKind.EVALUATE, 0);
                        if (eval.failed != null) {
                            return eval.failed;
                        }
                        NumericalGradient.Estimate estimate = answers.plan().estimate(eval.result.values());
                        saw(check, seeded.result.values(), one, null, null, null, null);
                        return Judge.numerical(graph, estimate, inputGrads(one));
                    }
                    default:
                        throw new IllegalArgumentException(check.toString());
                }
            }

            /**
             * The student's forward, then backward()s with the output seeded 1, 0 and 2: one task
             * shared by the forward, gradient and numerical checks.
             */
            private Attempt seeded() {
                if (seeded == null) {
                    seeded = attempt(Messages.TaskKind.GRADS, SEEDS);
                }
                return seeded;
            }

            /** The gradients of seed {@code k} (an index into {@link #SEEDS}). */
            private double[] seed(Attempt attempt, int k) {
                int n = graph.size();
                return java.util.Arrays.copyOfRange(attempt.result.grads(), k * n, (k + 1) * n);
            }

            private double[] inputGrads(double[] grads) {
                double[] g = new double[graph.inputCount()];
                for (int k = 0; k < g.length; k++) {
                    g[k] = grads[graph.inputNode(k)];
                }
                return g;
            }

            /** Why a check cannot run: a class it needs is missing or was stopped earlier. */
            private String blocked(Check check) {
                if (check != Check.TRAVERSAL) {
                    for (Op op : specAnswers.ops()) {
                        if (blocked.ops.containsKey(op)) {
                            return blocked.ops.get(op);
                        }
                    }
                }
                if (check == Check.TRAVERSAL || check == Check.END_TO_END) {
                    return blocked.traversal;
                }
                return null;
            }

            private Attempt attempt(Messages.TaskKind kind, double... seeds) {
                Messages.GraphMessage wire = specAnswers.wire();
                double[][] points = kind == Messages.TaskKind.EVALUATE
                        ? answers.plan().points().toArray(new double[0][]) : null;
                Messages.Task task = new Messages.Task(kind, wire.id(), point.inputs(), answers.order(), seeds,
                        kind == Messages.TaskKind.TRAVERSAL ? answers.probePartials() : null, points);
                TaskOutcome outcome = session.run(wire, task);
                if (outcome instanceof TaskOutcome.Completed done) {
                    Messages.Failure failure = done.result().failure();
                    if (failure == null) {
                        return new Attempt(done.result(), null, done.result().values());
                    }
                    return new Attempt(null, new Outcome.Error(blame.describe(graph, failure.where()) + " threw "
                            + failure.exception() + Blame.firstFrame(failure.stack())), done.result().values());
                }
                block(outcome);
                String message = describe(outcome, graph);
                double[] values = session.lastValues();
                if (outcome instanceof TaskOutcome.CpuTimeout t) {
                    return new Attempt(null, new Outcome.Timeout(message, "stopped" + Blame.firstFrame(t.stack())),
                            values);
                }
                Outcome failed = outcome instanceof TaskOutcome.Stalled || outcome instanceof TaskOutcome.ThreadsOverCpu
                        || outcome instanceof TaskOutcome.WallTimeout || outcome instanceof TaskOutcome.OutOfTime
                        ? new Outcome.Timeout(message) : new Outcome.Crash(message);
                return new Attempt(null, failed, values);
            }

            /** After a timeout or an exit, the class that was running is not run again. */
            private void block(TaskOutcome outcome) {
                String where;
                List<String> stack;
                if (outcome instanceof TaskOutcome.CpuTimeout t) {
                    where = t.where();
                    stack = t.stack();
                } else if (outcome instanceof TaskOutcome.Exited e) {
                    where = e.where();
                    stack = e.stack();
                } else {
                    return;
                }
                String why = "not run: stopped earlier, at " + point.name() + " of " + specAnswers.spec().id() + ": "
                        + describe(outcome, graph);
                Op inStack = blame.opInStack(stack);
                Op op = inStack != null ? inStack : blame.op(graph, where);
                if (op != null) {
                    blocked.op(op, why);
                } else if (blame.traversal(where)) {
                    blocked.traversal(why);
                }
            }
        }

        private String describe(TaskOutcome outcome, Graph graph) {
            if (outcome instanceof TaskOutcome.CpuTimeout t) {
                // Where exactly it was stopped varies from run to run; that goes to the log, not here.
                return "did not finish within " + seconds(setup.limits().taskCpuMillis()) + " of CPU time; stopped in "
                        + blame.describe(graph, t.where());
            }
            if (outcome instanceof TaskOutcome.Stalled t) {
                return "no answer: the code used no CPU time for " + seconds(t.millis()) + " (is it waiting forever,"
                        + " on a thread or a lock?)";
            }
            if (outcome instanceof TaskOutcome.ThreadsOverCpu t) {
                return "the code's threads used more than " + seconds(setup.limits().processCpuMillis())
                        + " of CPU time in all (one check may use " + seconds(setup.limits().taskCpuMillis())
                        + "; the rest is room for the JVM itself)";
            }
            if (outcome instanceof TaskOutcome.WallTimeout t) {
                return "no answer within " + seconds(t.millis()) + " (is the code waiting forever, on a thread or a"
                        + " lock?)";
            }
            if (outcome instanceof TaskOutcome.Exited e) {
                return "the code called System.exit in " + blame.describe(graph, e.where())
                        + Blame.firstFrame(e.stack());
            }
            if (outcome instanceof TaskOutcome.Died d) {
                return d.reason();
            }
            if (outcome instanceof TaskOutcome.Malformed m) {
                return "the worker's result channel was corrupted (" + m.problem() + "): the code wrote to the"
                        + " process's standard output directly instead of through System.out";
            }
            if (outcome instanceof TaskOutcome.OutOfTime o && o.backstop()) {
                return "not run: grading this submission took " + seconds(o.millis()) + " of wall-clock time, five"
                        + " times its time limit; the machine was too busy to go on (grade it again when it is"
                        + " not)";
            }
            if (outcome instanceof TaskOutcome.OutOfTime o) {
                return "not run: the submission's time limit of " + seconds(o.millis()) + " was used up (CPU time"
                        + " of all its threads, and time its code spent blocked)";
            }
            return outcome.toString();
        }

        private boolean stopsEverything(TaskOutcome outcome) {
            return !(outcome instanceof TaskOutcome.Completed) && !(outcome instanceof TaskOutcome.OutOfTime);
        }

    }

    /**
     * The output's gradient in the gradient check's three passes: 1 for the gradients themselves; 0,
     * where every gradient must be 0; 2, where every gradient must double.
     */
    static final double[] SEEDS = {1, 0, 2};

    /** The classes that are not run, and why; the first reason given is kept. */
    private static final class Blocked {
        final Map<Op, String> ops = new EnumMap<>(Op.class);
        String traversal;

        void op(Op op, String why) {
            ops.putIfAbsent(op, why);
        }

        void traversal(String why) {
            if (traversal == null) {
                traversal = why;
            }
        }

        Blocked copy() {
            Blocked copy = new Blocked();
            copy.ops.putAll(ops);
            copy.traversal = traversal;
            return copy;
        }
    }

    /**
     * A task's result, or the outcome that replaces the check when there is none; and the node
     * values, whenever forward got as far as computing them (even if backward then failed).
     */
    private record Attempt(Messages.Result result, Outcome failed, double[] values) {}

    private static String seconds(long millis) {
        return org.topograd.spec.NumberText.format(millis / 1000.0) + " s";
    }
}
