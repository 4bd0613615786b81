package org.topograd.grading;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.topograd.sandbox.TaskOutcome;
import org.topograd.spec.Graph;
import org.topograd.spec.Op;
import org.topograd.worker.Messages;

/**
 * Each of a student's op classes tried on its own, on two fresh inputs, to tell which class makes
 * a mistake where a graph's numbers cannot: when {@code x} is used by a {@code Mul} and a
 * {@code Sin} and its gradient comes out as if {@code =} were written instead of {@code +=}, the
 * numbers say only that one of them overwrote it; the probe says which.
 *
 * <p>Every class runs three times (the worker's {@code LOCAL} task): with the upstream gradient
 * 1.5 and the inputs' grads 0 (its local derivatives), with the inputs' grads already 0.25 (does
 * it add to them?), and with the upstream gradient 3 (does its share double?); and whether its own
 * grad is still there afterwards. The probe runs once per submission, and only when a diagnosis
 * needs it: a correct submission never pays for it.
 *
 * <p>The worker's answer is hostile input like any other: its lengths are checked against what was
 * asked, and anything else means no probe, never a wrong blame.
 */
public final class OpProbes {
    /** The probe point: {@code x} and {@code y} are the operands, a power's exponent is 3. */
    public static final double X = 0.7;
    public static final double Y = 1.3;
    public static final double EXPONENT = 3;
    /** The upstream gradient in each run. */
    static final double[] UPSTREAM = {1.5, 1.5, 3};
    /** The operands' grads before each run's backward(). */
    static final double[] BEFORE = {0, 0.25, 0};
    /** The probe graph's id on the wire (specs count up from 0, smoke tests down from -1). */
    static final int GRAPH = -100;
    /** Numbers per class and run: operand 0's grad, operand 1's grad, the node's own grad. */
    static final int SLOTS = 3;

    /** No probe: nothing can be told apart. */
    public static final OpProbes NONE = new OpProbes(List.of(), (graph, task) -> null);

    /** Runs a task in the submission's worker. */
    @FunctionalInterface
    public interface Worker {
        TaskOutcome run(Messages.GraphMessage graph, Messages.Task task);
    }

    private final List<Op> ops;
    private final Worker worker;
    private Map<Op, Behaviour> behaviours;

    /**
     * @param ops the ops whose classes can be run (bound, and not stopped by a smoke test)
     * @param worker runs the probe task, once, when it is first needed
     */
    public OpProbes(List<Op> ops, Worker worker) {
        this.ops = List.copyOf(ops);
        this.worker = worker;
    }

    /** What {@code op}'s class did on its own; empty when it was not probed or its answer is unusable. */
    public synchronized Optional<Behaviour> of(Op op) {
        if (behaviours == null) {
            behaviours = ops.isEmpty() ? Map.of() : probe();
        }
        return Optional.ofNullable(behaviours.get(op));
    }

    private Map<Op, Behaviour> probe() {
        Graph graph = graph(ops);
        Messages.GraphMessage wire = WireGraph.of(GRAPH, graph);
        int[] nodes = new int[ops.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = graph.inputCount() + i;
        }
        TaskOutcome outcome = worker.run(wire, new Messages.Local(GRAPH, new double[] {X, Y}, nodes, UPSTREAM.clone(),
                BEFORE.clone()));
        if (!(outcome instanceof TaskOutcome.Completed done)) {
            return Map.of();
        }
        return decode(ops, done.result());
    }

    /**
     * The probe's answer, checked against what was asked: one value per class and
     * {@code runs * 3} gradients; anything else is no answer.
     */
    static Map<Op, Behaviour> decode(List<Op> ops, Messages.Result result) {
        int runs = UPSTREAM.length;
        if (result == null || result.failure() != null || result.values() == null || result.grads() == null
                || result.values().length != ops.size() || result.grads().length != ops.size() * runs * SLOTS) {
            return Map.of();
        }
        Map<Op, Behaviour> found = new EnumMap<>(Op.class);
        for (int i = 0; i < ops.size(); i++) {
            double[] numbers = java.util.Arrays.copyOfRange(result.grads(), i * runs * SLOTS, (i + 1) * runs * SLOTS);
            found.put(ops.get(i), new Behaviour(ops.get(i), result.values()[i], numbers));
        }
        return Collections.unmodifiableMap(found);
    }

    /** Inputs {@code x} and {@code y}, then one node per op over them, in the order given. */
    static Graph graph(List<Op> ops) {
        Graph.Builder b = Graph.builder();
        int x = b.input("x");
        int y = b.input("y");
        int node = y;
        for (Op op : ops) {
            node = op.arity() == Op.Arity.BINARY ? b.binary(op, x, y, op.specName())
                    : op.arity() == Op.Arity.POWER ? b.power(x, EXPONENT, op.specName())
                    : b.unary(op, x, op.specName());
        }
        return b.build(node);
    }

    /** The probe's inputs for an op: {@code (x, y)}, or {@code x} alone. */
    public static int operands(Op op) {
        return op.arity() == Op.Arity.BINARY ? 2 : 1;
    }

    /**
     * What one class did on its own.
     *
     * @param value its forward's value at the probe point
     * @param numbers per run (see {@link OpProbes}): operand 0's grad, operand 1's grad, its own grad
     */
    public record Behaviour(Op op, double value, double[] numbers) {
        private double operand(int run, int k) {
            return numbers[run * SLOTS + k];
        }

        private double own(int run) {
            return numbers[run * SLOTS + 2];
        }

        /** Its local derivative for operand {@code k}: the share it passed on, over the upstream gradient. */
        public double local(int k) {
            return operand(0, k) / UPSTREAM[0];
        }

        /** It wrote over operand {@code k}'s grad instead of adding to it (definitely: the numbers are there). */
        public boolean overwrites(int k) {
            double share = operand(0, k);
            double after = operand(1, k);
            return Double.isFinite(share) && Double.isFinite(after) && !close(after, BEFORE[1] + share);
        }

        /** Its share for operand {@code k} does not grow with the upstream gradient (definitely). */
        public boolean ignoresUpstream(int k) {
            double share = operand(0, k);
            double doubled = operand(2, k);
            return Double.isFinite(share) && Double.isFinite(doubled) && share != 0 && !close(doubled, 2 * share);
        }

        /** Its own grad was gone (0) after its backward(). */
        public boolean resetsOwnGrad() {
            return own(0) == 0;
        }

        /** Its local derivative for operand {@code k} is not {@code right} (definitely). */
        public boolean wrongLocal(int k, double right) {
            double local = local(k);
            return Double.isFinite(local) && Double.isFinite(right) && !close(local, right);
        }

        /** Equal but for rounding: the student may compute a derivative another, equally right, way. */
        private static boolean close(double a, double b) {
            return Math.abs(a - b) <= 1e-12 + 1e-9 * Math.max(Math.abs(a), Math.abs(b));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Behaviour b && b.op == op && Double.compare(b.value, value) == 0
                    && java.util.Arrays.equals(b.numbers, numbers);
        }

        @Override
        public int hashCode() {
            return 31 * op.hashCode() + java.util.Arrays.hashCode(numbers);
        }

        @Override
        public String toString() {
            return "Behaviour[" + op + ", value=" + value + ", numbers=" + java.util.Arrays.toString(numbers) + "]";
        }
    }

    /** For tests and the log: the ops probed. */
    List<Op> ops() {
        return new ArrayList<>(ops);
    }
}
