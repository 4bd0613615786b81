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
 * <p>Parent to worker: {@link Bind}, {@link GraphMessage}, a {@link Task}; closing the channel ends
 * the worker. Worker to parent: {@link Ready} (once it has started), {@link Bound},
 * {@link #VALUES}, {@link Result}, {@link Timeout}, {@link Exit}.
 *
 * <p>Messages that hold arrays compare them by content ({@link #sameContents}), so that a round trip
 * can be checked whole with {@code equals}.
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

    /**
     * The classes chosen for each operation (in binding order, {@code ""} for none) and for the
     * traversal (null for none).
     *
     * @param arities each op class's constructor shape: {@link #UNARY}, {@link #BINARY} or {@link #POWER}
     */
    public record Bind(List<String> opClasses, List<Integer> arities, String backpropClass) {
        public Bind {
            opClasses = List.copyOf(opClasses);
            arities = List.copyOf(arities);
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
     * A graph's structure: for node {@code i}, its kind, operands ({@code -1} when absent), parameter
     * (a constant's value or a power's exponent) and, for inputs, the name.
     */
    public record GraphMessage(int id, int[] kinds, int[] first, int[] second, double[] params, String[] names,
            int output) {
        public int size() {
            return kinds.length;
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
