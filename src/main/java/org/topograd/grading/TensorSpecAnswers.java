package org.topograd.grading;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;
import org.topograd.spec.tensor.TensorSpec;
import org.topograd.worker.Messages;

/**
 * A tensor spec ready for grading, as {@link SpecAnswers} is a scalar one: its graph in wire form,
 * the ops it uses (in {@link TensorOp} order, for the same reason), and the answers at each point.
 */
public record TensorSpecAnswers(TensorSpec spec, Messages.TensorGraphMessage wire, Set<TensorOp> ops,
        List<TensorCaseAnswers> cases) {
    public TensorSpecAnswers {
        EnumSet<TensorOp> inOrder = EnumSet.noneOf(TensorOp.class);
        inOrder.addAll(ops);
        ops = Collections.unmodifiableSet(inOrder);
        cases = List.copyOf(cases);
    }

    /** The inputs' gradient elements end to end, in input order (the numerical plan's layout), from every node's. */
    public double[] inputGrads(double[] grads) {
        TensorGraph graph = spec.graph();
        int[] offsets = wire.offsets();
        double[] g = new double[cases.get(0).inputs().length];
        int at = 0;
        for (int k = 0; k < graph.inputCount(); k++) {
            int node = graph.inputNode(k);
            int size = offsets[node + 1] - offsets[node];
            System.arraycopy(grads, offsets[node], g, at, size);
            at += size;
        }
        return g;
    }
}
