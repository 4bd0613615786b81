package org.topograd.grading;

import java.util.ArrayList;
import java.util.List;
import org.topograd.sandbox.TaskOutcome;
import org.topograd.sandbox.WorkerSession;
import org.topograd.spec.Graph;
import org.topograd.spec.Op;
import org.topograd.submission.Discovery;
import org.topograd.worker.Messages;

/**
 * Every op once on a tiny graph, before any spec: a class that crashes the worker or hangs is then
 * blocked for the rest, at the cost of one timeout rather than one per input point. All ops are
 * tried in one task first. When that is stopped in a node's code (a CPU timeout, an exit), the
 * node's op is blocked and the others are tried together again; when it fails otherwise, each op is
 * tried alone, to find which.
 */
final class SmokeTest {
    /** The smoke graphs' ids, counting down from here: the specs' are 0 and up. */
    static final int SMOKE_GRAPH = -1;

    private final WorkerSession session;
    private final Blame blame;
    private final Outcomes outcomes;

    SmokeTest(WorkerSession session, Blame blame, Outcomes outcomes) {
        this.session = session;
        this.blame = blame;
        this.outcomes = outcomes;
    }

    /**
     * Tries the classes {@code found} that are not blocked yet; blocks each that stopped the worker,
     * with a note for the student.
     */
    void run(Discovery.Found found, Blocked blocked, List<SubmissionResult.Note> notes) {
        List<Op> ops = new ArrayList<>();
        for (Op op : found.ops().keySet()) {
            if (!blocked.has(op)) {
                ops.add(op);
            }
        }
        search(ops, new Trial<>() {
            @Override
            public TaskOutcome run(List<Op> tried, int id) {
                return smoke(tried, id);
            }

            @Override
            public Op culprit(List<Op> tried, String where) {
                return blame.op(graph(tried), where);
            }

            @Override
            public int aloneId(Op op) {
                return SMOKE_GRAPH - 100 - Op.operations().indexOf(op);
            }

            @Override
            public void block(Op op, List<Op> tried, TaskOutcome outcome) {
                SmokeTest.block(found, blocked, notes, op, outcomes.describe(outcome, graph(tried)));
            }
        });
    }

    /** One smoke test's ops, scalar or tensor: how they are tried, and what a class that stops the worker costs. */
    interface Trial<O> {
        /** Forward and backward of {@code ops} on one small graph, with id {@code id}. */
        TaskOutcome run(List<O> ops, int id);

        /** The op whose class was running at {@code where} in the graph of {@code ops}, or null. */
        O culprit(List<O> ops, String where);

        /** The id of the graph that tries {@code op} alone. */
        int aloneId(O op);

        /** Blocks {@code op}, which stopped the worker when {@code ops} were tried. */
        void block(O op, List<O> ops, TaskOutcome outcome);
    }

    /**
     * All ops in one task first; while that is stopped in an op's class (a CPU timeout, an exit), that
     * op is blocked and the rest are tried together again; when it fails otherwise, each op alone.
     */
    static <O> void search(List<O> candidates, Trial<O> trial) {
        List<O> ops = new ArrayList<>(candidates);
        int id = SMOKE_GRAPH;
        while (!ops.isEmpty()) {
            TaskOutcome outcome = trial.run(ops, id--);
            if (outcome instanceof TaskOutcome.Completed done && done.result().failure() == null) {
                return;
            }
            String at = Outcomes.stoppedAt(outcome);
            O culprit = Outcomes.stopsEverything(outcome) && at != null ? trial.culprit(ops, at) : null;
            if (culprit == null || !ops.contains(culprit)) {
                break;
            }
            trial.block(culprit, ops, outcome);
            ops.remove(culprit);
        }
        for (O op : ops) {
            TaskOutcome outcome = trial.run(List.of(op), trial.aloneId(op));
            if (Outcomes.stopsEverything(outcome)) {
                trial.block(op, List.of(op), outcome);
            }
        }
    }

    private static void block(Discovery.Found found, Blocked blocked, List<SubmissionResult.Note> notes, Op op,
            String why) {
        blocked.op(op, blocking(found.ops().get(op), op.specName(), why, notes));
    }

    /**
     * Why the checks that use an op's class are not run, once it stopped the worker in the smoke test;
     * the student gets a note naming the op.
     */
    static String blocking(String className, String op, String why, List<SubmissionResult.Note> notes) {
        notes.add(new SubmissionResult.Note("classes", true, "op " + op + ": " + why));
        return "not run: " + Discovery.simpleName(className) + " stopped the worker when first tried: " + why;
    }

    /** A smoke graph's nodes in id order, every one run: a builder's ids are a topological order. */
    static int[] everyNode(int size) {
        int[] order = new int[size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Forward and backward of each op on inputs 0.5 and 0.75, every node run in id order. */
    private TaskOutcome smoke(List<Op> ops, int id) {
        Graph graph = graph(ops);
        Messages.GraphMessage wire = WireGraph.of(id, graph);
        return session.run(wire, new Messages.Grads(wire.id(), new double[] {0.5, 0.75}, everyNode(graph.size()),
                new double[] {1}));
    }

    private static Graph graph(List<Op> ops) {
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
}
