package org.topograd.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.topograd.sandbox.TaskOutcome;
import org.topograd.sandbox.WorkerSession;
import org.topograd.spec.Tolerance;
import org.topograd.spec.tensor.Shape;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;
import org.topograd.submission.TensorDiscovery;
import org.topograd.worker.Messages;

/**
 * {@link SmokeTest} for a tensor assignment: every op a spec uses once, on 2x2 matrices, before any
 * spec, so that a class that hangs or exits is found once, cheaply, and its specs' checks are reported
 * as not run, instead of each spec's first point paying a CPU timeout. The same search as for scalars.
 */
final class TensorSmokeTest {
    /** Positive, so that log and sqrt are defined; not symmetric, so that a transpose shows. */
    private static final double[] X = {0.5, 0.75, 1.25, 1.5};
    private static final double[] Y = {0.25, 1.0, 0.8, 1.1};

    private final WorkerSession session;
    private final TensorBlame blame;
    private final Outcomes outcomes;

    TensorSmokeTest(WorkerSession session, TensorBlame blame, Outcomes outcomes) {
        this.session = session;
        this.blame = blame;
        this.outcomes = outcomes;
    }

    /**
     * Tries the classes {@code found} for the ops in {@code used} that are not blocked yet; blocks each
     * that stopped the worker, with a note for the student.
     */
    void run(TensorDiscovery.Found found, Set<TensorOp> used, TensorBlocked blocked,
            List<SubmissionResult.Note> notes) {
        List<TensorOp> ops = new ArrayList<>();
        for (TensorOp op : found.ops().keySet()) {
            if (used.contains(op) && !blocked.has(op)) {
                ops.add(op);
            }
        }
        SmokeTest.search(ops, new SmokeTest.Trial<>() {
            @Override
            public TaskOutcome run(List<TensorOp> tried, int id) {
                return smoke(tried, id);
            }

            @Override
            public TensorOp culprit(List<TensorOp> tried, String where) {
                return blame.op(graph(tried), where);
            }

            @Override
            public int aloneId(TensorOp op) {
                return SmokeTest.SMOKE_GRAPH - 100 - TensorOp.operations().indexOf(op);
            }

            @Override
            public void block(TensorOp op, List<TensorOp> tried, TaskOutcome outcome) {
                TensorGraph graph = graph(tried);
                TensorJudge names = new TensorJudge(graph, Tolerance.DEFAULT);
                String why = outcomes.describe(outcome, where -> blame.describe(graph, names, where));
                blocked.op(op, SmokeTest.blocking(found.ops().get(op), op.specName(), why, notes));
            }
        });
    }

    /** Forward and backward of each op, every node run in id order. */
    private TaskOutcome smoke(List<TensorOp> ops, int id) {
        TensorGraph graph = graph(ops);
        Messages.TensorGraphMessage wire = TensorWireGraph.of(id, graph);
        double[] inputs = new double[X.length + Y.length + 1];
        System.arraycopy(X, 0, inputs, 0, X.length);
        System.arraycopy(Y, 0, inputs, X.length, Y.length);
        inputs[inputs.length - 1] = 1;
        return session.run(wire, new Messages.Grads(wire.id(), inputs, SmokeTest.everyNode(graph.size()),
                new double[] {1}));
    }

    /**
     * Each op on the matrices x and y (cross-entropy on x and the labels [0, 1]), none of them used by
     * another: the output is a scalar input of its own, since a graph's output must be a scalar, and the
     * task runs every node's forward and backward whatever the output.
     */
    private static TensorGraph graph(List<TensorOp> ops) {
        TensorGraph.Builder b = TensorGraph.builder();
        int x = b.input("x", Shape.of(2, 2));
        int y = b.input("y", Shape.of(2, 2));
        int output = b.input("s", Shape.SCALAR);
        int labels = b.constant(Shape.of(2), new double[] {0, 1}, "labels");
        for (TensorOp op : ops) {
            int node = switch (op.arity()) {
                case BINARY -> b.binary(op, x, op == TensorOp.CROSS_ENTROPY ? labels : y, op.specName());
                case POWER -> b.power(x, 2, op.specName());
                case AXIS -> b.axis(op, x, 0, op.specName());
                default -> b.unary(op, x, op.specName());
            };
            b.name(node, "smoke_test_" + op.specName());
        }
        return b.build(output);
    }
}
