package org.topograd.worker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages between the parent and a worker, and their binary encoding. Doubles travel as
 * their exact bits, so no digit is lost between the student's code and the comparison.
 *
 * <p>Parent to worker: {@link Bind}, {@link GraphMessage}, {@link Task}; closing the channel ends the
 * worker. Worker to parent: {@link Ready} (once it has started), {@link Bound},
 * {@link #VALUES}, {@link Result}, {@link Timeout}, {@link Exit}.
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

    /** The classes chosen for each operation (in binding order) and for the traversal. */
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
    }

    public enum TaskKind {
        /** The student's nodes, forward in the given order; reports every value. */
        FORWARD,
        /**
         * The student's nodes, forward, then for each seed: every gradient set to 0, the output's to
         * the seed, and backward in reverse order. One build for all seeds.
         */
        GRADS,
        /** The student's Backprop on probe nodes with given local derivatives. */
        TRAVERSAL,
        /** The student's nodes, forward, then the student's Backprop. */
        END_TO_END,
        /**
         * The student's nodes, built once, with the inputs set to each of several points in turn and
         * forward run again; reports the output at each.
         */
        EVALUATE,
        /**
         * Each op node in {@code order} on its own, with fresh leaves: build, forward, then for each
         * run {@code r}: the operands' grads set to {@code partials[r]}, the node's to
         * {@code seeds[r]}, and its backward() once. Reports the node's value ({@code values[i]}) and,
         * at {@code grads[(i * runs + r) * 3 + j]}, operand 0's grad, operand 1's (NaN for one
         * operand) and the node's own grad after the run. A class that throws gives NaN for its
         * numbers; the others are still probed. (For naming the class at fault: {@code grading.OpProbes}.)
         */
        LOCAL
    }

    /**
     * One unit of work on one graph at one input point.
     *
     * @param order the order to run forward in (a topological order of the nodes reachable from the output)
     * @param seeds the output's gradient in each backward pass, for {@link TaskKind#GRADS}
     * @param partials for {@link TaskKind#TRAVERSAL}: node {@code i}'s local derivatives are
     *     {@code partials[2i]} and {@code partials[2i + 1]}
     * @param points for {@link TaskKind#EVALUATE}: input vectors
     */
    public record Task(TaskKind kind, int graph, double[] inputs, int[] order, double[] seeds, double[] partials,
            double[][] points) {}

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
    public record Result(Failure failure, double[] values, double[] grads, int[] order, int[] calls, String output) {}

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

    // ---- encoding ------------------------------------------------------------------------------

    public static byte[] encode(Ready r) {
        try (Encoder out = new Encoder()) {
            out.writeLong(r.pid());
            out.writeLong(r.studentThread());
            return out.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
    }

    public static Ready decodeReady(byte[] payload) throws IOException {
        DataInputStream in = in(payload);
        return whole(in, new Ready(in.readLong(), in.readLong()));
    }

    public static byte[] encode(Bind b) {
        try (Encoder out = new Encoder()) {
            writeStrings(out, b.opClasses());
            out.writeInt(b.arities().size());
            for (int arity : b.arities()) {
                out.writeInt(arity);
            }
            writeNullable(out, b.backpropClass());
            return out.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
    }

    public static Bind decodeBind(byte[] payload) throws IOException {
        DataInputStream in = in(payload);
        List<String> classes = readStrings(in);
        int n = count(in, 4, false);
        List<Integer> arities = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            arities.add(in.readInt());
        }
        return new Bind(classes, arities, readNullable(in));
    }

    public static byte[] encode(Bound b) {
        try (Encoder out = new Encoder()) {
            out.writeInt(b.opProblems().size());
            for (String p : b.opProblems()) {
                writeNullable(out, p);
            }
            writeNullable(out, b.backpropProblem());
            return out.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
    }

    public static Bound decodeBound(byte[] payload) throws IOException {
        DataInputStream in = in(payload);
        int n = count(in, 1, false);
        List<String> problems = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            problems.add(readNullable(in));
        }
        return whole(in, new Bound(problems, readNullable(in)));
    }

    public static byte[] encode(GraphMessage g) {
        try (Encoder out = new Encoder()) {
            out.writeInt(g.id());
            out.writeInt(g.output());
            writeInts(out, g.kinds());
            writeInts(out, g.first());
            writeInts(out, g.second());
            writeDoubles(out, g.params());
            for (int i = 0; i < g.size(); i++) {
                writeNullable(out, g.names()[i]);
            }
            return out.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
    }

    public static GraphMessage decodeGraph(byte[] payload) throws IOException {
        DataInputStream in = in(payload);
        int id = in.readInt();
        int output = in.readInt();
        int[] kinds = readInts(in);
        int[] first = readInts(in);
        int[] second = readInts(in);
        double[] params = readDoubles(in);
        String[] names = new String[kinds.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = readNullable(in);
        }
        return new GraphMessage(id, kinds, first, second, params, names, output);
    }

    public static byte[] encode(Task t) {
        try (Encoder out = new Encoder()) {
            out.writeInt(t.kind().ordinal());
            out.writeInt(t.graph());
            writeDoubles(out, t.inputs());
            writeInts(out, t.order());
            writeDoubles(out, t.seeds());
            writeDoubles(out, t.partials());
            out.writeBoolean(t.points() != null);
            if (t.points() != null) {
                out.writeInt(t.points().length);
                for (double[] p : t.points()) {
                    writeDoubles(out, p);
                }
            }
            return out.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
    }

    public static Task decodeTask(byte[] payload) throws IOException {
        DataInputStream in = in(payload);
        int ordinal = in.readInt();
        if (ordinal < 0 || ordinal >= TaskKind.values().length) {
            throw new IOException("no task kind " + ordinal);
        }
        TaskKind kind = TaskKind.values()[ordinal];
        int graph = in.readInt();
        double[] inputs = readDoubles(in);
        int[] order = readInts(in);
        double[] seeds = readDoubles(in);
        double[] partials = readDoubles(in);
        double[][] points = null;
        if (in.readBoolean()) {
            points = new double[count(in, 4, false)][];
            for (int i = 0; i < points.length; i++) {
                points[i] = readDoubles(in);
            }
        }
        return new Task(kind, graph, inputs, order, seeds, partials, points);
    }

    public static byte[] encode(Result r) {
        try (Encoder out = new Encoder()) {
            out.writeBoolean(r.failure() != null);
            if (r.failure() != null) {
                out.writeUTF(r.failure().where());
                out.writeUTF(r.failure().exception());
                writeStrings(out, r.failure().stack());
            }
            writeDoubles(out, r.values());
            writeDoubles(out, r.grads());
            writeInts(out, r.order());
            writeInts(out, r.calls());
            writeLong(out, r.output());
            return out.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
    }

    public static Result decodeResult(byte[] payload) throws IOException {
        DataInputStream in = in(payload);
        Failure failure = in.readBoolean() ? new Failure(in.readUTF(), in.readUTF(), readStrings(in)) : null;
        return whole(in, new Result(failure, readDoubles(in), readDoubles(in), readInts(in), readInts(in),
                readLong(in)));
    }

    public static byte[] encode(Timeout t) {
        try (Encoder out = new Encoder()) {
            out.writeLong(t.cpuMillis());
            writeLong(out, t.where());
            writeStrings(out, t.stack());
            return out.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
    }

    public static byte[] encodeValues(double[] values) {
        try (Encoder out = new Encoder()) {
            writeDoubles(out, values);
            return out.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
    }

    public static double[] decodeValues(byte[] payload) throws IOException {
        DataInputStream in = in(payload);
        return whole(in, readDoubles(in));
    }

    public static Timeout decodeTimeout(byte[] payload) throws IOException {
        DataInputStream in = in(payload);
        return whole(in, new Timeout(in.readLong(), readLong(in), readStrings(in)));
    }

    public static byte[] encode(Exit exit) {
        try (Encoder out = new Encoder()) {
            writeLong(out, exit.where());
            writeStrings(out, exit.stack());
            return out.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
    }

    public static Exit decodeExit(byte[] payload) throws IOException {
        DataInputStream in = in(payload);
        return whole(in, new Exit(readLong(in), readStrings(in)));
    }

    // ---- primitives ----------------------------------------------------------------------------

    /**
     * A data stream into a byte array. (Plain code rather than lambdas throughout this package: the
     * worker starts once per submission, and every lambda's first use costs start-up time.)
     */
    private static final class Encoder extends DataOutputStream {
        Encoder() {
            super(new ByteArrayOutputStream());
        }

        byte[] bytes() {
            try {
                flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array does not fail
            }
            return ((ByteArrayOutputStream) out).toByteArray();
        }

        @Override
        public void close() {
            // Nothing to release.
        }
    }

    private static DataInputStream in(byte[] payload) {
        return new DataInputStream(new ByteArrayInputStream(payload));
    }

    /**
     * A count of elements of at least {@code elementBytes} each, checked against what is left of the
     * payload before anything is allocated: the worker's frames are hostile input, and a count it
     * claims must never make the parent allocate more than the frame itself holds.
     */
    private static int count(DataInputStream in, int elementBytes, boolean nullable) throws IOException {
        int n = in.readInt();
        if (n == -1 && nullable) {
            return n;
        }
        if (n < 0 || (long) n * elementBytes > in.available()) {
            throw new IOException("a count of " + n + " does not fit the " + in.available() + " bytes left");
        }
        return n;
    }

    /** A message must be read to its last byte: anything after it means the frame is not what it claims. */
    private static <T> T whole(DataInputStream in, T message) throws IOException {
        if (in.available() != 0) {
            throw new IOException(in.available() + " bytes after the end of the message");
        }
        return message;
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeLong(out, s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? readLong(in) : null;
    }

    /** Strings of any length (writeUTF stops at 64 KB). */
    private static void writeLong(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readLong(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[count(in, 1, false)];
        in.readFully(utf8);
        return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            writeLong(out, s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = count(in, 4, false);
        List<String> strings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            strings.add(readLong(in));
        }
        return strings;
    }

    /** Arrays may be null, written as length -1. */
    private static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a == null ? -1 : a.length);
        if (a != null) {
            for (int v : a) {
                out.writeInt(v);
            }
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int n = count(in, 4, true);
        if (n < 0) {
            return null;
        }
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readInt();
        }
        return a;
    }

    private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a == null ? -1 : a.length);
        if (a != null) {
            for (double v : a) {
                out.writeLong(Double.doubleToRawLongBits(v));
            }
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        int n = count(in, 8, true);
        if (n < 0) {
            return null;
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Double.longBitsToDouble(in.readLong());
        }
        return a;
    }
}
