package org.topograd.worker;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.topograd.api.tensor.NDArray;
import org.topograd.api.tensor.TensorBackprop;
import org.topograd.api.tensor.TensorConstant;
import org.topograd.api.tensor.TensorInput;
import org.topograd.api.tensor.TensorNode;

/**
 * {@link Runner}'s counterpart for tensor graphs: the same tasks, phases and failure capture, over
 * the student's {@code TensorNode}s, with inputs and results flattened as
 * {@link Messages.TensorGraphMessage} says.
 *
 * <p>Student code may leave a value or a grad null or of another shape than its node's; every array
 * is checked right after the code that set it ran (a node's forward, a node's backward for its
 * inputs' grads, the student's traversal for every grad), and the first that does not fit ends the
 * task as a {@link Messages.Misshapen} failure of that code. An array corrupted later by other code
 * reads as NaN, never as an exception of topograd's.
 *
 * <p>Longer than most classes here, for the reason {@link Runner} gives: one method per task kind and
 * the guarded calls into student code they share, plain loops on the hot path.
 */
final class TensorRunner {
    private final StudentClasses classes;
    private final CapturedOutput output;
    private final java.util.function.Consumer<double[]> valuesSink;
    private final Map<Integer, Graph> graphs = new HashMap<>();
    private Constructor<?>[] constructors = new Constructor<?>[0];
    private Constructor<?> backprop;
    /** What student code is running now, for the watchdog and the exit reporter (as in {@link Runner}). */
    private volatile String phase = "";
    private volatile int node = -1;

    TensorRunner(StudentClasses classes, CapturedOutput output, java.util.function.Consumer<double[]> valuesSink) {
        this.classes = classes;
        this.output = output;
        this.valuesSink = valuesSink;
    }

    /** A graph with what every task on it needs: shapes, offsets, each input's place among the inputs. */
    private record Graph(Messages.TensorGraphMessage wire, int[][] shapes, int[] offsets, int[] inputOffsets,
            int[] constantOffsets) {
        static Graph of(Messages.TensorGraphMessage wire) {
            int[][] shapes = wire.shapes();
            int n = shapes.length;
            int[] inputOffsets = new int[n];
            int[] constantOffsets = new int[n];
            int inputs = 0;
            int constants = 0;
            for (int id = 0; id < n; id++) {
                int size = Messages.TensorGraphMessage.count(shapes[id]);
                if (wire.kinds()[id] == Messages.INPUT) {
                    inputOffsets[id] = inputs;
                    inputs += size;
                } else if (wire.kinds()[id] == Messages.CONSTANT) {
                    constantOffsets[id] = constants;
                    constants += size;
                }
            }
            return new Graph(wire, shapes, wire.offsets(), inputOffsets, constantOffsets);
        }

        int size() {
            return shapes.length;
        }

        boolean constant(int id) {
            return wire.kinds()[id] == Messages.CONSTANT;
        }

        NDArray slice(double[] flat, int from, int id) {
            int[] shape = shapes[id];
            return NDArray.of(Arrays.copyOfRange(flat, from, from + Messages.TensorGraphMessage.count(shape)), shape);
        }
    }

    /** Resolves each chosen class's constructor; no student code runs yet. */
    Messages.Bound bind(Messages.Bind bind) {
        constructors = new Constructor<?>[bind.opClasses().size()];
        String[] problems = new String[constructors.length];
        for (int i = 0; i < constructors.length; i++) {
            try {
                Class<?> c = classes.load(bind.opClasses().get(i));
                Class<?>[] parameters = switch (bind.arities().get(i)) {
                    case Messages.TENSOR_UNARY -> new Class<?>[] {TensorNode.class};
                    case Messages.TENSOR_BINARY -> new Class<?>[] {TensorNode.class, TensorNode.class};
                    case Messages.TENSOR_POWER -> new Class<?>[] {TensorNode.class, double.class};
                    case Messages.TENSOR_AXIS -> new Class<?>[] {TensorNode.class, int.class};
                    default -> throw new IllegalArgumentException("arity " + bind.arities().get(i));
                };
                if (!TensorNode.class.isAssignableFrom(c)) {
                    throw new IllegalArgumentException(c.getName() + " does not extend TensorNode");
                }
                constructors[i] = c.getDeclaredConstructor(parameters);
                constructors[i].setAccessible(true);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                problems[i] = e.toString();
            }
        }
        String backpropProblem = null;
        backprop = null;
        if (bind.backpropClass() != null) {
            try {
                Class<?> c = classes.load(bind.backpropClass());
                if (!TensorBackprop.class.isAssignableFrom(c)) {
                    throw new IllegalArgumentException(c.getName() + " does not implement TensorBackprop");
                }
                backprop = c.getDeclaredConstructor();
                backprop.setAccessible(true);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                backpropProblem = e.toString();
            }
        }
        return new Messages.Bound(Arrays.asList(problems), backpropProblem);
    }

    void addGraph(Messages.TensorGraphMessage graph) {
        graphs.put(graph.id(), Graph.of(graph));
    }

    /** Runs a task; what student code throws, or a misshapen array it leaves, ends it as a failure. */
    Messages.Result run(Messages.Task task) {
        Graph g = graphs.get(task.graph());
        if (g == null) {
            throw new IllegalStateException("unknown tensor graph " + task.graph());
        }
        try {
            if (task instanceof Messages.Forward t) {
                TensorNode[] nodes = build(g, t.inputs(), t.order());
                forward(g, nodes, t.order());
                return result(null, values(g, nodes, t.order()), null, null, null);
            } else if (task instanceof Messages.Grads t) {
                return grads(g, t);
            } else if (task instanceof Messages.EndToEnd t) {
                return endToEnd(g, t);
            } else if (task instanceof Messages.Traversal t) {
                return traversal(g, t);
            } else if (task instanceof Messages.Evaluate t) {
                return evaluate(g, t);
            }
            // Op probes (LOCAL) have no tensor variant yet: the parent never asks for one.
            throw new IllegalArgumentException(task.kind() + " is not a task on tensor graphs");
        } catch (Runner.StudentFailure e) {
            return result(e.failure, null, null, null, null);
        }
    }

    private Messages.Result result(Messages.Failure failure, double[] values, double[] grads, int[] order,
            int[] calls) {
        return new Messages.Result(failure, values, grads, order, calls, output.drain());
    }

    private Messages.Result grads(Graph g, Messages.Grads task) throws Runner.StudentFailure {
        TensorNode[] nodes = build(g, task.inputs(), task.order());
        forward(g, nodes, task.order());
        double[] values = values(g, nodes, task.order());
        valuesSink.accept(values); // the forward check's, whatever backward then does
        int total = g.offsets()[g.size()];
        double[] grads = new double[task.seeds().length * total];
        int out = g.wire().output();
        for (int k = 0; k < task.seeds().length; k++) {
            for (int id : task.order()) {
                nodes[id].grad = NDArray.zeros(g.shapes()[id]);
            }
            nodes[out].grad = NDArray.full(task.seeds()[k], g.shapes()[out]);
            try {
                backward(g, nodes, task.order());
            } catch (Runner.StudentFailure e) {
                return result(e.failure, values, grads, null, null); // with what was computed before it
            }
            System.arraycopy(grads(g, nodes, task.order()), 0, grads, k * total, total);
        }
        return result(null, values, grads, null, null);
    }

    private Messages.Result endToEnd(Graph g, Messages.EndToEnd task) throws Runner.StudentFailure {
        TensorNode[] nodes = build(g, task.inputs(), task.order());
        forward(g, nodes, task.order());
        traverse(newBackprop(), nodes[g.wire().output()]);
        int[] order = task.order();
        for (int i = order.length - 1; i >= 0; i--) { // from the output back: the first wrong grad is the cause
            check(g, nodes, order[i], true, "Backprop.backward", -1);
        }
        return result(null, values(g, nodes, order), grads(g, nodes, order), null, null);
    }

    private Messages.Result traversal(Graph g, Messages.Traversal task) throws Runner.StudentFailure {
        TensorNode[] probes = probes(g, task.partials(), new ProbeNode.CallLog(0));
        TensorBackprop sorter = newBackprop();
        int[] order = ids(captureOrder(sorter, probes[g.wire().output()]), probes);
        ProbeNode.CallLog log = new ProbeNode.CallLog(4 * g.size() + 16);
        TensorNode[] fresh = probes(g, task.partials(), log);
        try {
            traverse(newBackprop(), fresh[g.wire().output()]);
        } catch (Runner.StudentFailure e) {
            return result(e.failure, null, null, order, null); // with the order it returned
        }
        double[] grads = new double[g.size()];
        for (int i = 0; i < fresh.length; i++) {
            NDArray grad = fresh[i].grad;
            grads[i] = grad == null ? 0 : grad.size() == 1 ? grad.at(0) : Double.NaN;
        }
        return result(null, null, grads, order, log.toArray());
    }

    /** One graph, its inputs set to each point in turn and forward run again (the numerical check's). */
    private Messages.Result evaluate(Graph g, Messages.Evaluate task) {
        double[] values = new double[task.points().length];
        int out = g.wire().output();
        try {
            TensorNode[] nodes = build(g, task.points()[0], task.order());
            for (int p = 0; p < values.length; p++) {
                for (int id : task.order()) {
                    if (g.wire().kinds()[id] == Messages.INPUT) {
                        nodes[id].value = g.slice(task.points()[p], g.inputOffsets()[id], id);
                    }
                }
                forward(g, nodes, task.order());
                values[p] = nodes[out].value.at(0); // checked: the output's shape is []
            }
        } catch (Runner.StudentFailure e) {
            return result(e.failure, values, null, null, null); // with the outputs of the points before
        }
        return result(null, values, null, null, null);
    }

    // ---- building and running the student's nodes ---------------------------------------------------

    private TensorNode[] build(Graph g, double[] inputs, int[] order) throws Runner.StudentFailure {
        Messages.TensorGraphMessage w = g.wire();
        TensorNode[] nodes = new TensorNode[g.size()];
        for (int id : order) {
            int kind = w.kinds()[id];
            if (kind == Messages.INPUT) {
                nodes[id] = new TensorInput(w.names()[id], g.slice(inputs, g.inputOffsets()[id], id));
            } else if (kind == Messages.CONSTANT) {
                nodes[id] = new TensorConstant(g.slice(w.constants(), g.constantOffsets()[id], id));
            } else {
                Constructor<?> c = constructors[kind - Messages.OP_BASE];
                Class<?>[] types = c.getParameterTypes();
                TensorNode a = nodes[w.first()[id]];
                Object[] args = types.length == 1 ? new Object[] {a}
                        : types[1] == double.class ? new Object[] {a, w.params()[id]}
                        : types[1] == int.class ? new Object[] {a, (int) w.params()[id]}
                        : new Object[] {a, nodes[w.second()[id]]};
                running("construct", id);
                try {
                    nodes[id] = (TensorNode) c.newInstance(args);
                } catch (InvocationTargetException e) {
                    throw Runner.failure("construct", id, e.getCause());
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    throw Runner.failure("construct", id, e);
                }
            }
        }
        return nodes;
    }

    private static TensorNode[] probes(Graph g, double[] partials, ProbeNode.CallLog log) {
        Messages.TensorGraphMessage w = g.wire();
        TensorNode[] nodes = new TensorNode[g.size()];
        for (int id = 0; id < nodes.length; id++) {
            int kind = w.kinds()[id];
            if (kind == Messages.INPUT) {
                nodes[id] = new TensorInput(w.names()[id], NDArray.scalar(0));
            } else if (kind == Messages.CONSTANT) {
                nodes[id] = new TensorConstant(NDArray.scalar(0));
            } else if (w.second()[id] >= 0) {
                nodes[id] = new TensorProbeNode(id, new TensorNode[] {nodes[w.first()[id]], nodes[w.second()[id]]},
                        new double[] {partials[2 * id], partials[2 * id + 1]}, log);
            } else {
                nodes[id] = new TensorProbeNode(id, new TensorNode[] {nodes[w.first()[id]]},
                        new double[] {partials[2 * id]}, log);
            }
        }
        return nodes;
    }

    /* Each call into student code in its own try, as in Runner: no lambda on the path that runs most. */
    private void forward(Graph g, TensorNode[] nodes, int[] order) throws Runner.StudentFailure {
        running("forward", -1);
        for (int id : order) {
            node = id;
            try {
                nodes[id].forward();
            } catch (Throwable e) {
                throw Runner.failure("forward", id, e);
            }
            check(g, nodes, id, false, "forward", id);
        }
    }

    /** Each node's backward, then its inputs' grads checked: a wrong shape is the fault of the code just run. */
    private void backward(Graph g, TensorNode[] nodes, int[] order) throws Runner.StudentFailure {
        running("backward", -1);
        Messages.TensorGraphMessage w = g.wire();
        for (int i = order.length - 1; i >= 0; i--) {
            int id = order[i];
            node = id;
            try {
                nodes[id].backward();
            } catch (Throwable e) {
                throw Runner.failure("backward", id, e);
            }
            if (w.first()[id] >= 0) {
                check(g, nodes, w.first()[id], true, "backward", id);
            }
            if (w.second()[id] >= 0) {
                check(g, nodes, w.second()[id], true, "backward", id);
            }
        }
    }

    /**
     * Node {@code id}'s value or grad must be an array of its node's shape; a constant's grad is never
     * read, so anything goes there. A failure names the code that ran last ({@code phase:culprit}).
     */
    private static void check(Graph g, TensorNode[] nodes, int id, boolean grad, String phase, int culprit)
            throws Runner.StudentFailure {
        if (grad && g.constant(id)) {
            return;
        }
        NDArray array = grad ? nodes[id].grad : nodes[id].value;
        if (array != null && array.hasShape(g.shapes()[id])) {
            return;
        }
        Messages.Misshapen m = new Messages.Misshapen(id, grad, array == null ? null : array.shape(), g.shapes()[id]);
        throw new Runner.StudentFailure(new Messages.Failure(culprit >= 0 ? phase + ":" + culprit : phase, m.text(),
                List.of()));
    }

    private void traverse(TensorBackprop traversal, TensorNode out) throws Runner.StudentFailure {
        running("Backprop.backward", -1);
        try {
            traversal.backward(out);
        } catch (Throwable e) {
            throw Runner.failure("Backprop.backward", -1, e);
        }
    }

    private List<TensorNode> captureOrder(TensorBackprop sorter, TensorNode out) throws Runner.StudentFailure {
        running("topologicalOrder", -1);
        try {
            return sorter.topologicalOrder(out);
        } catch (Throwable e) {
            throw Runner.failure("topologicalOrder", -1, e);
        }
    }

    /** Probe ids in the returned order; -1 for anything that is not one of the graph's nodes. */
    private static int[] ids(List<TensorNode> returned, TensorNode[] probes) throws Runner.StudentFailure {
        if (returned == null) {
            return null;
        }
        Map<TensorNode, Integer> id = new IdentityHashMap<>();
        for (int i = 0; i < probes.length; i++) {
            id.put(probes[i], i);
        }
        int cap = 4 * probes.length + 16; // enough to show duplicates; a runaway list is cut short
        int[] ids;
        int i = 0;
        try {
            ids = new int[Math.min(cap, returned.size())];
            for (TensorNode n : returned) {
                if (i == ids.length) {
                    break;
                }
                ids[i++] = id.getOrDefault(n, -1);
            }
        } catch (RuntimeException e) {
            throw new Runner.StudentFailure(Runner.describe("topologicalOrder", -1, e));
        }
        return Arrays.copyOf(ids, i);
    }

    private TensorBackprop newBackprop() throws Runner.StudentFailure {
        if (backprop == null) {
            throw new IllegalStateException("no TensorBackprop class is bound");
        }
        running("construct Backprop", -1);
        try {
            return (TensorBackprop) backprop.newInstance();
        } catch (InvocationTargetException e) {
            throw Runner.failure("construct Backprop", -1, e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw Runner.failure("construct Backprop", -1, e);
        }
    }

    /** Every node's value elements at its offset; a node not run, or an array that no longer fits, reads NaN. */
    private static double[] values(Graph g, TensorNode[] nodes, int[] order) {
        double[] flat = new double[g.offsets()[g.size()]];
        Arrays.fill(flat, Double.NaN);
        for (int id : order) {
            copy(g, id, nodes[id].value, flat);
        }
        return flat;
    }

    /** Every node's grad elements; a node the output does not reach has gradient 0, as for scalars. */
    private static double[] grads(Graph g, TensorNode[] nodes, int[] order) {
        double[] flat = new double[g.offsets()[g.size()]];
        for (int id : order) {
            NDArray grad = nodes[id].grad;
            if (grad == null || !grad.hasShape(g.shapes()[id])) {
                Arrays.fill(flat, g.offsets()[id], g.offsets()[id + 1], Double.NaN);
            } else {
                copy(g, id, grad, flat);
            }
        }
        return flat;
    }

    private static void copy(Graph g, int id, NDArray array, double[] flat) {
        if (array != null && array.hasShape(g.shapes()[id])) {
            System.arraycopy(array.toArray(), 0, flat, g.offsets()[id], array.size());
        }
    }

    /** Where student code is now, as in {@link Messages.Failure#where()}. */
    String where() {
        int n = node;
        String p = phase;
        return n >= 0 ? p + ":" + n : p;
    }

    private void running(String phase, int node) {
        this.phase = phase;
        this.node = node;
    }
}
