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
    private static final int SMOKE_GRAPH = -1;

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
        int id = SMOKE_GRAPH;
        while (!ops.isEmpty()) {
            Graph graph = graph(ops);
            TaskOutcome outcome = smoke(ops, id--);
            if (outcome instanceof TaskOutcome.Completed done && done.result().failure() == null) {
                return;
            }
            String at = Outcomes.stoppedAt(outcome);
            Op culprit = Outcomes.stopsEverything(outcome) && at != null ? blame.op(graph, at) : null;
            if (culprit == null || !ops.contains(culprit)) {
                break;
            }
            block(found, blocked, notes, culprit, outcomes.describe(outcome, graph));
            ops.remove(culprit);
        }
        for (Op op : ops) {
            Graph graph = graph(List.of(op));
            TaskOutcome outcome = smoke(List.of(op), SMOKE_GRAPH - 100 - Op.operations().indexOf(op));
            if (Outcomes.stopsEverything(outcome)) {
                block(found, blocked, notes, op, outcomes.describe(outcome, graph));
            }
        }
    }

    private static void block(Discovery.Found found, Blocked blocked, List<SubmissionResult.Note> notes, Op op,
            String why) {
        blocked.op(op, "not run: " + Discovery.simpleName(found.ops().get(op)) + " stopped the worker when first"
                + " tried: " + why);
        notes.add(new SubmissionResult.Note("classes", true, "op " + op.specName() + ": " + why));
    }

    /** Forward and backward of each op on inputs 0.5 and 0.75, every node run in id order. */
    private TaskOutcome smoke(List<Op> ops, int id) {
        Graph graph = graph(ops);
        Messages.GraphMessage wire = WireGraph.of(id, graph);
        int[] order = new int[graph.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i; // a builder's ids are a topological order
        }
        return session.run(wire, new Messages.Grads(wire.id(), new double[] {0.5, 0.75}, order, new double[] {1}));
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
