package org.topograd.worker;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The messages between the parent and a worker; {@link MessageCodec} encodes them. Doubles travel as
 * their exact bits, so no digit is lost between the student's code and the comparison.
 *
 * <p>Parent to worker: {@link Bind}, {@link GraphMessage} or {@link TensorGraphMessage}, a {@link Task};
 * closing the channel ends
 * the worker. Worker to parent: {@link Ready} (once it has started), {@link Bound},
 * {@link #VALUES}, {@link Result}, {@link Timeout}, {@link Exit}.
 *
 * <p>Messages that hold arrays compare them by content ({@link #sameContents}), so that a round trip
 * can be checked whole with {@code equals}.
 *
 * <p>Longer than most classes here, for a reason: it is the protocol's one definition, every message
 * and code of both graph kinds (scalar and tensor) read by both sides; split up, a reader would have to
 * assemble the protocol from several files to see that the two sides agree.
 */
public final class Messages {
    public static final int READY = 1;
    public static final int BIND = 2;
    public static final int BOUND = 3;
    public static final int GRAPH = 4;
    public static final int TASK = 5;
    public static final int RESULT = 6;
    public static final int TIMEOUT = 7;
    public static final int EXIT = 8;
    /** A GRADS task's node values, sent once forward is done, before any backward runs. */
    public static final int VALUES = 9;
    /** A tensor graph's structure, shapes and constants ({@link TensorGraphMessage}). */
    public static final int TENSOR_GRAPH = 10;

    private Messages() {}

    // ---- start --------------------------------------------------------------------------------

    /**
     * The worker has started. It says which process and thread will run student code, as its own
     * (possibly namespaced) ids, before any student class is loaded: the parent then reads that
     * thread's CPU time from outside, where student code cannot reach the clock.
     *
     * @param pid the worker's process id as the worker sees it
     * @param studentThread the thread id of the thread that runs student code, or -1 if unknown
     */
    public record Ready(long pid, long studentThread) {}

    // ---- binding ------------------------------------------------------------------------------

    /** An op class's constructor shape, in {@link Bind#arities()}: {@code (Node)}. */
    public static final int UNARY = 1;
    /** {@code (Node, Node)}. */
    public static final int BINARY = 2;
    /** {@code (Node, double)}: a power's base and exponent. */
    public static final int POWER = 3;
    /** A tensor op's {@code (TensorNode)}. */
    public static final int TENSOR_UNARY = 4;
    /** {@code (TensorNode, TensorNode)}. */
    public static final int TENSOR_BINARY = 5;
    /** {@code (TensorNode, double)}: a power's base and exponent. */
    public static final int TENSOR_POWER = 6;
    /** {@code (TensorNode, int)}: a reduction's operand and axis. */
    public static final int TENSOR_AXIS = 7;

    /**
     * The classes chosen for each operation (in binding order, {@code ""} for none) and for the
     * traversal (null for none). The arities tell a scalar binding from a tensor one: a binding is
     * one or the other, and the traversal class then implements {@code Backprop} or {@code TensorBackprop}.
     *
     * @param arities each op class's constructor shape: {@link #UNARY}, {@link #BINARY} or {@link #POWER};
     *     for tensors {@link #TENSOR_UNARY}, {@link #TENSOR_BINARY}, {@link #TENSOR_POWER} or {@link #TENSOR_AXIS}
     */
    public record Bind(List<String> opClasses, List<Integer> arities, String backpropClass) {
        public Bind {
            opClasses = List.copyOf(opClasses);
            arities = List.copyOf(arities);
            int tensors = 0;
            for (int a : arities) { // a loop, not a stream: the worker decodes this, and lambdas cost its start-up
                tensors += a >= TENSOR_UNARY ? 1 : 0;
            }
            if (tensors != 0 && tensors != arities.size()) {
                throw new IllegalArgumentException("a binding mixes scalar and tensor constructors: " + arities);
            }
        }

        /** Whether this binds tensor classes ({@code TensorNode}, {@code TensorBackprop}). */
        public boolean tensor() {
            return !arities.isEmpty() && arities.get(0) >= TENSOR_UNARY;
        }
    }

    /** Per op binding, null or why its constructor cannot be used; and the same for the traversal. */
    public record Bound(List<String> opProblems, String backpropProblem) {
        public Bound {
            opProblems = new ArrayList<>(opProblems); // may hold nulls
        }
    }

    // ---- graphs and tasks ----------------------------------------------------------------------

    /** Node kinds on the wire: the two leaves, then {@code OP_BASE + binding index}. */
    public static final int INPUT = 0;
    public static final int CONSTANT = 1;
    public static final int OP_BASE = 2;

    /**
     * A graph as a worker receives it, scalar or tensor: the session sends it before the first task
     * on it, and checks each answer's lengths against it.
     */
    public sealed interface WireGraph permits GraphMessage, TensorGraphMessage {
        int id();

        /** Number of nodes. */
        int size();

        /** Number of elements of all nodes' values together: a result's values and grads have this many. */
        int elements();

        /** The frame type it travels in. */
        int frameType();
    }

    /**
     * A graph's structure: for node {@code i}, its kind, operands ({@code -1} when absent), parameter
     * (a constant's value or a power's exponent) and, for inputs, the name.
     */
    public record GraphMessage(int id, int[] kinds, int[] first, int[] second, double[] params, String[] names,
            int output) implements WireGraph {
        @Override public int size() {
            return kinds.length;
        }

        /** One number a node. */
        @Override public int elements() {
            return kinds.length;
        }

        @Override public int frameType() {
            return GRAPH;
        }

        @Override public boolean equals(Object o) { return sameContents(this, o); }
        @Override public int hashCode() { return contentHash(this); }
    }

    /**
     * A tensor graph: the {@link GraphMessage} fields (a constant's {@code params} entry unused, an
     * axis reduction's the axis), plus node {@code i}'s shape, {@code ranks[i]} dimensions taken in
     * turn from {@code dims}, and the constants' elements, row-major, concatenated in node id order.
     *
     * <p>Tasks on it travel flattened: inputs are the input tensors' elements concatenated in input
     * order, and a result's values and grads every node's elements concatenated in node id order
     * ({@link #offsets()}). A task's seeds stay numbers: the output is a scalar.
     */
    public record TensorGraphMessage(int id, int[] kinds, int[] first, int[] second, double[] params, String[] names,
            int output, int[] ranks, int[] dims, double[] constants) implements WireGraph {
        @Override public int size() {
            return kinds.length;
        }

        @Override public int elements() {
            return offsets()[kinds.length];
        }

        @Override public int frameType() {
            return TENSOR_GRAPH;
        }

        /** Each node's shape. */
        public int[][] shapes() {
            int[][] shapes = new int[kinds.length][];
            int at = 0;
            for (int i = 0; i < shapes.length; i++) {
                shapes[i] = Arrays.copyOfRange(dims, at, at + ranks[i]);
                at += ranks[i];
            }
            return shapes;
        }

        /** Where node {@code i}'s elements start in a flattened result; entry {@code size()} is the total. */
        public int[] offsets() {
            int[] offsets = new int[kinds.length + 1];
            int[][] shapes = shapes();
            for (int i = 0; i < shapes.length; i++) {
                offsets[i + 1] = offsets[i] + count(shapes[i]);
            }
            return offsets;
        }

        /** How many elements an array of {@code shape} has. */
        public static int count(int[] shape) {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }

        @Override public boolean equals(Object o) { return sameContents(this, o); }
        @Override public int hashCode() { return contentHash(this); }
    }

    /** The kinds of task, one a {@link Task} variant; the ordinal is the kind's code on the wire. */
    public enum TaskKind { FORWARD, GRADS, TRAVERSAL, END_TO_END, EVALUATE, LOCAL }

    /** One unit of work on one graph (by its id): a closed set, one record a kind, each with what it needs. */
    public sealed interface Task permits Forward, Grads, Traversal, EndToEnd, Evaluate, Local {
        TaskKind kind();

        int graph();
    }

    /**
     * The student's nodes, forward in the given order; reports every value.
     *
     * @param order the order to run forward in (a topological order of the nodes reachable from the output)
     */
    public record Forward(int graph, double[] inputs, int[] order) implements Task {
        @Override public TaskKind kind() { return TaskKind.FORWARD; }
        @Override public boolean equals(Object o) { return sameContents(this, o); }
        @Override public int hashCode() { return contentHash(this); }
    }

    /**
     * The student's nodes, forward, then for each seed: every gradient set to 0, the output's to
     * the seed, and backward in reverse order. One build for all seeds.
     *
     * @param seeds the output's gradient in each backward pass
     */
    public record Grads(int graph, double[] inputs, int[] order, double[] seeds) implements Task {
        @Override public TaskKind kind() { return TaskKind.GRADS; }
        @Override public boolean equals(Object o) { return sameContents(this, o); }
        @Override public int hashCode() { return contentHash(this); }
    }

    /**
     * The student's Backprop on probe nodes with given local derivatives.
     *
     * @param partials node {@code i}'s local derivatives are {@code partials[2i]} and {@code partials[2i + 1]}
     */
    public record Traversal(int graph, double[] inputs, double[] partials) implements Task {
        @Override public TaskKind kind() { return TaskKind.TRAVERSAL; }
        @Override public boolean equals(Object o) { return sameContents(this, o); }
        @Override public int hashCode() { return contentHash(this); }
    }

    /** The student's nodes, forward, then the student's Backprop. */
    public record EndToEnd(int graph, double[] inputs, int[] order) implements Task {
        @Override public TaskKind kind() { return TaskKind.END_TO_END; }
        @Override public boolean equals(Object o) { return sameContents(this, o); }
        @Override public int hashCode() { return contentHash(this); }
    }

    /**
     * The student's nodes, built once, with the inputs set to each of several points in turn and
     * forward run again; reports the output at each.
     *
     * @param points input vectors
     */
    public record Evaluate(int graph, int[] order, double[][] points) implements Task {
        @Override public TaskKind kind() { return TaskKind.EVALUATE; }
        @Override public boolean equals(Object o) { return sameContents(this, o); }
        @Override public int hashCode() { return contentHash(this); }
    }

    /**
     * Each op node in {@code nodes} on its own, with fresh leaves: build, forward, then for each
     * run {@code r}: the operands' grads set to {@code partials[r]}, the node's to
     * {@code seeds[r]}, and its backward() once. Reports the node's value ({@code values[i]}) and,
     * at {@code grads[(i * runs + r) * 3 + j]}, operand 0's grad, operand 1's (NaN for one
     * operand) and the node's own grad after the run. A class that throws gives NaN for its
     * numbers; the others are still probed. (For naming the class at fault: {@code grading.OpProbes}.)
     */
    public record Local(int graph, double[] inputs, int[] nodes, double[] seeds, double[] partials) implements Task {
        @Override public TaskKind kind() { return TaskKind.LOCAL; }
        @Override public boolean equals(Object o) { return sameContents(this, o); }
        @Override public int hashCode() { return contentHash(this); }
    }

    /**
     * Where student code failed: the exception and the part of its stack in student code.
     *
     * @param where {@code phase:node} ({@code construct:4}, {@code forward:4}, {@code backward:4}) or a
     *     phase of the traversal ({@code topologicalOrder}, {@code Backprop.backward},
     *     {@code construct Backprop})
     */
    public record Failure(String where, String exception, List<String> stack) {
        public Failure {
            stack = List.copyOf(stack);
        }
    }

    /**
     * A tensor node's value or grad that is null or not of its node's shape, found by the worker
     * after the student code that set it ran; it travels as a {@link Failure}'s exception text
     * ({@link #text()}), the failure's {@code where} naming that code.
     *
     * @param node the node whose array it is
     * @param grad whether it is the grad (else the value)
     * @param got its shape, or null for a null array
     * @param want the node's shape
     */
    public record Misshapen(int node, boolean grad, int[] got, int[] want) {
        private static final String PREFIX = "topograd.Misshapen ";
        private static final java.util.regex.Pattern TEXT = java.util.regex.Pattern.compile(
                "topograd\\.Misshapen (\\d+) (value|grad) (null|\\[[0-9, ]*]) (\\[[0-9, ]*])");

        public String text() {
            return PREFIX + node + (grad ? " grad " : " value ") + (got == null ? "null" : Arrays.toString(got)) + " "
                    + Arrays.toString(want);
        }

        /** The mismatch a failure reports, or null if it reports something else. */
        public static Misshapen of(Failure failure) {
            java.util.regex.Matcher m = TEXT.matcher(failure.exception());
            if (!m.matches()) {
                return null;
            }
            try {
                return new Misshapen(Integer.parseInt(m.group(1)), m.group(2).equals("grad"),
                        m.group(3).equals("null") ? null : dims(m.group(3)), dims(m.group(4)));
            } catch (NumberFormatException e) {
                return null; // a number too long: not one the worker wrote
            }
        }

        private static int[] dims(String text) {
            String inner = text.substring(1, text.length() - 1).trim();
            if (inner.isEmpty()) {
                return new int[0];
            }
            String[] parts = inner.split(",");
            int[] dims = new int[parts.length];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = Integer.parseInt(parts[i].trim());
            }
            return dims;
        }

        @Override public boolean equals(Object o) { return sameContents(this, o); }
        @Override public int hashCode() { return contentHash(this); }
    }

    /**
     * The raw outcome of a task.
     *
     * @param failure null when the task ran to the end
     * @param values node values (FORWARD, GRADS, END_TO_END) or the output at each point (EVALUATE)
     * @param grads node gradients (END_TO_END, TRAVERSAL); for GRADS, those of seed {@code k} at
     *     {@code k * size + node}
     * @param order TRAVERSAL: node ids in the order topologicalOrder returned them, {@code -1} for a
     *     node that is not part of the graph; null if it returned null
     * @param calls TRAVERSAL: node ids in the order their backward() ran (capped)
     * @param output what the student's code printed during the task (capped)
     */
    public record Result(Failure failure, double[] values, double[] grads, int[] order, int[] calls, String output) {
        @Override public boolean equals(Object o) { return sameContents(this, o); }
        @Override public int hashCode() { return contentHash(this); }
    }

    /**
     * The task exceeded its CPU time; where the student's thread was when it was stopped.
     *
     * @param where the phase and node being run, as in {@link Failure#where()}
     */
    public record Timeout(long cpuMillis, String where, List<String> stack) {
        public Timeout {
            stack = List.copyOf(stack);
        }
    }

    /** Student code called System.exit; where, when it can be told. */
    public record Exit(String where, List<String> stack) {
        public Exit {
            stack = List.copyOf(stack);
        }
    }

    // ---- equality by content --------------------------------------------------------------------

    /**
     * {@code equals} for a record holding arrays: the same record class, and every component equal,
     * arrays by their contents (doubles bit for bit, as they travel). Never used on the worker's
     * task path.
     */
    static boolean sameContents(Record a, Object b) {
        return a == b || b != null && a.getClass() == b.getClass()
                && Arrays.deepEquals(components(a), components((Record) b));
    }

    static int contentHash(Record r) {
        return Arrays.deepHashCode(components(r));
    }

    private static Object[] components(Record r) {
        RecordComponent[] components = r.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = components[i].getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + components[i], e);
            }
        }
        return values;
    }
}
