package org.topograd.worker;

import org.topograd.api.Node;

/**
 * topograd's own node for checking a student's traversal alone: its local derivatives are given
 * numbers rather than an op's math, and it records when its {@code backward()} runs. So the
 * traversal check needs no correct op implementation, and tells "ran twice" or "ran too early"
 * apart from a wrong number.
 */
final class ProbeNode extends Node {
    private final int id;
    private final double[] partials;
    private final CallLog log;

    ProbeNode(int id, Node[] operands, double[] partials, CallLog log) {
        super(operands);
        this.id = id;
        this.partials = partials;
        this.log = log;
    }

    /** Values are already computed for a traversal; nothing to do. */
    @Override
    public void forward() {}

    @Override
    public void backward() {
        log.record(id);
        for (int k = 0; k < partials.length; k++) {
            inputs().get(k).grad += grad * partials[k];
        }
    }

    @Override
    public String toString() {
        return "Node#" + id;
    }

    /** The ids of probe nodes in the order their backward ran, up to a cap. */
    static final class CallLog {
        private final int[] calls;
        private int size;

        CallLog(int cap) {
            calls = new int[cap];
        }

        void record(int id) {
            if (size < calls.length) {
                calls[size++] = id;
            }
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(calls, size);
        }
    }
}
