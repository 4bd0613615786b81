package org.topograd.worker;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.topograd.api.Backprop;
import org.topograd.api.Constant;
import org.topograd.api.Input;
import org.topograd.api.Node;

/**
 * Runs tasks against the student's classes. Every task builds fresh nodes, so no state carries
 * over from one task to the next; every call into student code is wrapped so that whatever it
 * throws becomes a {@link Messages.Failure} naming the phase and the node.
 *
 * <p>Longer than most classes here, for a reason: one method per task kind, and the guarded calls
 * into student code they share (building nodes, forward, backward, the traversal), which update the
 * phase and node the watchdog and the exit reporter read; kept in one class, those calls stay plain
 * loops with no indirection on the path that runs millions of times a batch.
 */
final class Runner {
    private final StudentClasses classes;
    private final CapturedOutput output;
    private final java.util.function.Consumer<double[]> valuesSink;
    private final Map<Integer, Messages.GraphMessage> graphs = new HashMap<>();
    private Constructor<?>[] constructors = new Constructor<?>[0];
    private Constructor<?> backprop;
    /** What student code is running now (a phase, and a node or -1), for the watchdog and the exit reporter. */
    private volatile String phase = "";
    private volatile int node = -1;

    Runner(StudentClasses classes, CapturedOutput output, java.util.function.Consumer<double[]> valuesSink) {
        this.classes = classes;
        this.output = output;
        this.valuesSink = valuesSink;
    }

    /** Resolves each chosen class's constructor; no student code runs yet. */
    Messages.Bound bind(Messages.Bind bind) {
        constructors = new Constructor<?>[bind.opClasses().size()];
        String[] problems = new String[constructors.length];
        for (int i = 0; i < constructors.length; i++) {
            try {
                Class<?> c = classes.load(bind.opClasses().get(i));
                Class<?>[] parameters = switch (bind.arities().get(i)) {
                    case Messages.UNARY -> new Class<?>[] {Node.class};
                    case Messages.BINARY -> new Class<?>[] {Node.class, Node.class};
                    case Messages.POWER -> new Class<?>[] {Node.class, double.class};
                    default -> throw new IllegalArgumentException("arity " + bind.arities().get(i));
                };
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
                backprop = classes.load(bind.backpropClass()).getDeclaredConstructor();
                backprop.setAccessible(true);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                backpropProblem = e.toString();
            }
        }
        return new Messages.Bound(Arrays.asList(problems), backpropProblem);
    }

    void addGraph(Messages.GraphMessage graph) {
        graphs.put(graph.id(), graph);
    }

    /*
     * One method a task kind, chosen by a chain of instanceof (pattern matching in switch is not part
     * of Java 17). Each returns its result; what student code throws ends it as a failure.
     */
    Messages.Result run(Messages.Task task) {
        Messages.GraphMessage g = graphs.get(task.graph());
        if (g == null) {
            throw new IllegalStateException("unknown graph " + task.graph());
        }
        try {
            if (task instanceof Messages.Forward t) {
                return forward(g, t);
            } else if (task instanceof Messages.Grads t) {
                return grads(g, t);
            } else if (task instanceof Messages.EndToEnd t) {
                return endToEnd(g, t);
            } else if (task instanceof Messages.Traversal t) {
                return traversal(g, t);
            } else if (task instanceof Messages.Evaluate t) {
                return evaluate(g, t);
            } else if (task instanceof Messages.Local t) {
                return local(g, t);
            }
            throw new IllegalArgumentException(task.kind().toString());
        } catch (StudentFailure e) {
            return result(e.failure, null, null, null, null);
        }
    }

    private Messages.Result result(Messages.Failure failure, double[] values, double[] grads, int[] order,
            int[] calls) {
        return new Messages.Result(failure, values, grads, order, calls, output.drain());
    }

    private Messages.Result forward(Messages.GraphMessage g, Messages.Forward task) throws StudentFailure {
        Node[] nodes = build(g, task.inputs(), task.order());
        forward(nodes, task.order());
        return result(null, values(nodes, task.order()), null, null, null);
    }

    private Messages.Result grads(Messages.GraphMessage g, Messages.Grads task) throws StudentFailure {
        Node[] nodes = build(g, task.inputs(), task.order());
        forward(nodes, task.order());
        double[] values = values(nodes, task.order());
        valuesSink.accept(values); // the forward check's, whatever backward then does
        double[] grads = new double[task.seeds().length * g.size()];
        for (int k = 0; k < task.seeds().length; k++) {
            for (int id : task.order()) {
                nodes[id].grad = 0;
            }
            nodes[g.output()].grad = task.seeds()[k];
            try {
                backward(nodes, task.order());
            } catch (StudentFailure e) {
                return result(e.failure, values, grads, null, null); // with what was computed before it
            }
            System.arraycopy(grads(nodes, task.order()), 0, grads, k * g.size(), g.size());
        }
        return result(null, values, grads, null, null);
    }
    private Messages.Result endToEnd(Messages.GraphMessage g, Messages.EndToEnd task) throws StudentFailure {
        Node[] nodes = build(g, task.inputs(), task.order());
        forward(nodes, task.order());
        traverse(newBackprop(), nodes[g.output()]);
        return result(null, values(nodes, task.order()), grads(nodes, task.order()), null, null);
    }

    private Messages.Result traversal(Messages.GraphMessage g, Messages.Traversal task) throws StudentFailure {
        ProbeNode.CallLog ignored = new ProbeNode.CallLog(0);
        Node[] probes = probes(g, task.inputs(), task.partials(), ignored);
        Backprop sorter = newBackprop();
        Node out = probes[g.output()];
        int[] order = ids(captureOrder(sorter, out), probes);
        ProbeNode.CallLog log = new ProbeNode.CallLog(4 * g.size() + 16);
        Node[] fresh = probes(g, task.inputs(), task.partials(), log);
        try {
            traverse(newBackprop(), fresh[g.output()]);
        } catch (StudentFailure e) {
            return result(e.failure, null, null, order, null); // with the order it returned
        }
        double[] grads = new double[g.size()];
        for (int i = 0; i < fresh.length; i++) {
            grads[i] = fresh[i].grad;
        }
        return result(null, null, grads, order, log.toArray());
    }

    /**
     * One graph, its inputs set to each point in turn and forward run again, as a numerical
     * gradient check in the student's own code would do it.
     */
    private Messages.Result evaluate(Messages.GraphMessage g, Messages.Evaluate task) {
        double[] values = new double[task.points().length];
        try {
            Node[] nodes = build(g, task.points()[0], task.order());
            int[] inputIndex = inputIndexes(g);
            for (int p = 0; p < values.length; p++) {
                for (int id : task.order()) {
                    if (g.kinds()[id] == Messages.INPUT) {
                        nodes[id].value = task.points()[p][inputIndex[id]];
                    }
                }
                forward(nodes, task.order());
                values[p] = nodes[g.output()].value;
            }
        } catch (StudentFailure e) {
            return result(e.failure, values, null, null, null); // with the outputs of the points before
        }
        return result(null, values, null, null, null);
    }

    private Messages.Result local(Messages.GraphMessage g, Messages.Local task) {
        double[] values = new double[task.nodes().length];
        double[] grads = new double[task.nodes().length * task.seeds().length * 3];
        for (int i = 0; i < task.nodes().length; i++) {
            local(g, task, i, values, grads);
        }
        return result(null, values, grads, null, null);
    }

    /**
     * One op node of a {@link Messages.TaskKind#LOCAL} task, alone over fresh leaves; what it throws
     * costs only its own numbers (NaN).
     */
    private void local(Messages.GraphMessage g, Messages.Local task, int i, double[] values, double[] grads) {
        int id = task.nodes()[i];
        int a = g.first()[id];
        int b = g.second()[id];
        int runs = task.seeds().length;
        int[] alone = b < 0 ? new int[] {a, id} : new int[] {a, b, id};
        int[] self = {id};
        Arrays.fill(grads, i * runs * 3, (i + 1) * runs * 3, Double.NaN);
        values[i] = Double.NaN;
        try {
            for (int r = 0; r < runs; r++) {
                Node[] nodes = build(g, task.inputs(), alone);
                forward(nodes, self);
                nodes[a].grad = task.partials()[r];
                if (b >= 0) {
                    nodes[b].grad = task.partials()[r];
                }
                nodes[id].grad = task.seeds()[r];
                backward(nodes, self);
                int at = (i * runs + r) * 3;
                grads[at] = nodes[a].grad;
                grads[at + 1] = b < 0 ? Double.NaN : nodes[b].grad;
                grads[at + 2] = nodes[id].grad;
                values[i] = nodes[id].value;
            }
        } catch (StudentFailure e) {
            Arrays.fill(grads, i * runs * 3, (i + 1) * runs * 3, Double.NaN);
            values[i] = Double.NaN;
        }
    }

    private void traverse(Backprop traversal, Node output) throws StudentFailure {
        running("Backprop.backward", -1);
        try {
            traversal.backward(output);
        } catch (Throwable e) {
            throw failure("Backprop.backward", -1, e);
        }
    }

    private List<Node> captureOrder(Backprop sorter, Node out) throws StudentFailure {
        running("topologicalOrder", -1);
        try {
            return sorter.topologicalOrder(out);
        } catch (Throwable e) {
            throw failure("topologicalOrder", -1, e);
        }
    }

    /** Probe ids in the returned order; -1 for anything that is not one of the graph's nodes. */
    private static int[] ids(List<Node> returned, Node[] probes) throws StudentFailure {
        if (returned == null) {
            return null;
        }
        Map<Node, Integer> id = new IdentityHashMap<>();
        for (int i = 0; i < probes.length; i++) {
            id.put(probes[i], i);
        }
        int cap = 4 * probes.length + 16; // enough to show duplicates; a runaway list is cut short
        int[] ids = new int[Math.min(cap, sizeOf(returned))];
        int i = 0;
        try {
            for (Node node : returned) {
                if (i == ids.length) {
                    break;
                }
                ids[i++] = id.getOrDefault(node, -1);
            }
        } catch (RuntimeException e) {
            throw new StudentFailure(describe("topologicalOrder", -1, e));
        }
        return Arrays.copyOf(ids, i);
    }

    private static int sizeOf(List<Node> list) throws StudentFailure {
        try {
            return list.size();
        } catch (RuntimeException e) {
            throw new StudentFailure(describe("topologicalOrder", -1, e));
        }
    }

    private Backprop newBackprop() throws StudentFailure {
        if (backprop == null) {
            throw new IllegalStateException("no Backprop class is bound");
        }
        running("construct Backprop", -1);
        try {
            return (Backprop) backprop.newInstance();
        } catch (InvocationTargetException e) {
            throw failure("construct Backprop", -1, e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw failure("construct Backprop", -1, e);
        }
    }

    private Node[] build(Messages.GraphMessage g, double[] inputValues, int[] order) throws StudentFailure {
        Node[] nodes = new Node[g.size()];
        int[] inputIndex = inputIndexes(g);
        for (int id : order) {
            int kind = g.kinds()[id];
            if (kind == Messages.INPUT) {
                nodes[id] = new Input(g.names()[id], inputValues[inputIndex[id]]);
            } else if (kind == Messages.CONSTANT) {
                nodes[id] = new Constant(g.params()[id]);
            } else {
                Constructor<?> c = constructors[kind - Messages.OP_BASE];
                Object[] args = c.getParameterCount() == 1 ? new Object[] {nodes[g.first()[id]]}
                        : c.getParameterTypes()[1] == double.class
                                ? new Object[] {nodes[g.first()[id]], g.params()[id]}
                                : new Object[] {nodes[g.first()[id]], nodes[g.second()[id]]};
                running("construct", id);
                try {
                    nodes[id] = (Node) c.newInstance(args);
                } catch (InvocationTargetException e) {
                    throw failure("construct", id, e.getCause());
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    throw failure("construct", id, e);
                }
            }
        }
        return nodes;
    }

    private static Node[] probes(Messages.GraphMessage g, double[] inputValues, double[] partials,
            ProbeNode.CallLog log) {
        Node[] nodes = new Node[g.size()];
        int[] inputIndex = inputIndexes(g);
        for (int id = 0; id < g.size(); id++) {
            int kind = g.kinds()[id];
            if (kind == Messages.INPUT) {
                nodes[id] = new Input(g.names()[id], inputValues[inputIndex[id]]);
            } else if (kind == Messages.CONSTANT) {
                nodes[id] = new Constant(g.params()[id]);
            } else if (g.second()[id] >= 0) {
                nodes[id] = new ProbeNode(id, new Node[] {nodes[g.first()[id]], nodes[g.second()[id]]},
                        new double[] {partials[2 * id], partials[2 * id + 1]}, log);
            } else {
                nodes[id] = new ProbeNode(id, new Node[] {nodes[g.first()[id]]}, new double[] {partials[2 * id]}, log);
            }
        }
        return nodes;
    }

    /** For each input node, its position among the inputs (in id order). */
    private static int[] inputIndexes(Messages.GraphMessage g) {
        int[] index = new int[g.size()];
        int k = 0;
        for (int id = 0; id < g.size(); id++) {
            if (g.kinds()[id] == Messages.INPUT) {
                index[id] = k++;
            }
        }
        return index;
    }

    /*
     * The loops over nodes call student code directly, each call inside its own try: they run
     * millions of times a batch, and a lambda and a string per call would cost more than the
     * student's arithmetic.
     */
    private void forward(Node[] nodes, int[] order) throws StudentFailure {
        running("forward", -1);
        for (int id : order) {
            node = id;
            try {
                nodes[id].forward();
            } catch (Throwable e) {
                throw failure("forward", id, e);
            }
        }
    }

    private void backward(Node[] nodes, int[] order) throws StudentFailure {
        running("backward", -1);
        for (int i = order.length - 1; i >= 0; i--) {
            int id = order[i];
            node = id;
            try {
                nodes[id].backward();
            } catch (Throwable e) {
                throw failure("backward", id, e);
            }
        }
    }

    private static double[] values(Node[] nodes, int[] order) {
        double[] values = new double[nodes.length];
        Arrays.fill(values, Double.NaN);
        for (int id : order) {
            values[id] = nodes[id].value;
        }
        return values;
    }

    /**
     * Every node's gradient; a node the output does not reach is not built, and its gradient is 0,
     * as d(output)/d(node) is: the numerical check reads every input's, used or not.
     */
    private static double[] grads(Node[] nodes, int[] order) {
        double[] grads = new double[nodes.length];
        for (int id : order) {
            grads[id] = nodes[id].grad;
        }
        return grads;
    }

    // ---- calling student code ------------------------------------------------------------------

    /** A failure in student code, carried out of the task (of {@link TensorRunner}'s too). */
    static final class StudentFailure extends Exception {
        final Messages.Failure failure;

        StudentFailure(Messages.Failure failure) {
            super(null, null, false, false);
            this.failure = failure;
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

    /** A student failure to report, or, for running out of memory, the JVM's own end (it exits). */
    static StudentFailure failure(String phase, int node, Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e; // ExitOnOutOfMemoryError ends the JVM; the parent reports it
        }
        return new StudentFailure(describe(phase, node, e));
    }

    private static final int MAX_MESSAGE = 2000;

    /** An exception's text; student exceptions may override toString, so it is guarded and capped. */
    private static String text(Throwable e) {
        String text;
        try {
            text = String.valueOf(e);
        } catch (RuntimeException | StackOverflowError broken) {
            text = e.getClass().getName() + " (its toString() failed)";
        }
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text;
    }

    static Messages.Failure describe(String phase, int node, Throwable e) {
        String where = node >= 0 ? phase + ":" + node : phase;
        String exception = text(e);
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            exception += " (caused by " + text(cause) + ")";
        }
        List<String> stack = StudentStack.thrown(e.getStackTrace());
        return new Messages.Failure(where, exception, stack);
    }
}
