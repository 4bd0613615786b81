package org.topograd.worker;

import org.topograd.api.tensor.NDArray;
import org.topograd.api.tensor.TensorNode;

/**
 * topograd's own tensor node for checking a student's {@code TensorBackprop} alone, like
 * {@link ProbeNode} for scalars: scalar-shaped, with given local derivatives instead of an op's
 * math, recording when its {@code backward()} runs. So the traversal check needs no correct op, and
 * its expected gradients are the scalar ones.
 */
final class TensorProbeNode extends TensorNode {
    private final int id;
    private final double[] partials;
    private final ProbeNode.CallLog log;

    TensorProbeNode(int id, TensorNode[] operands, double[] partials, ProbeNode.CallLog log) {
        super(operands);
        this.id = id;
        this.partials = partials;
        this.log = log;
        this.value = NDArray.scalar(0); // values are already computed for a traversal: only the shape matters
    }

    @Override
    public void forward() {}

    /**
     * Adds {@code grad * partial} to each input's grad. A grad the traversal never set is said plainly,
     * since a NullPointerException from topograd's own node would show the student no line of theirs.
     */
    @Override
    public void backward() {
        log.record(id);
        if (grad == null) {
            throw new IllegalStateException(this + ".grad is null when its backward() runs: set every reachable"
                    + " node's grad (to zeros of its value's shape) before calling backward()");
        }
        for (int k = 0; k < partials.length; k++) {
            TensorNode input = inputs().get(k);
            if (input.grad == null) {
                throw new IllegalStateException(input + ".grad is null when " + this + ".backward() adds to it: set"
                        + " every reachable node's grad (to zeros of its value's shape) before calling backward()");
            }
            input.grad = input.grad.plus(grad.times(partials[k]));
        }
    }

    @Override
    public String toString() {
        return "Node#" + id;
    }
}
