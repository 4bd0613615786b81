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
 */
final class Runner {
    static final int UNARY = 1;
    static final int BINARY = 2;
    static final int POWER = 3;

    private final StudentClasses classes;
    private final CapturedOutput output;
    private final Map<Integer, Messages.GraphMessage> graphs = new HashMap<>();
    private Constructor<?>[] constructors = new Constructor<?>[0];
    private Constructor<?> backprop;
    /** What student code is running now, for the watchdog and the exit reporter. */
    private volatile String where = "";

    Runner(StudentClasses classes, CapturedOutput output) {
        this.classes = classes;
        this.output = output;
    }

    /** Resolves each chosen class's constructor; no student code runs yet. */
    Messages.Bound bind(Messages.Bind bind) {
        constructors = new Constructor<?>[bind.opClasses().size()];
        String[] problems = new String[constructors.length];
        for (int i = 0; i < constructors.length; i++) {
            try {
                Class<?> c = classes.load(bind.opClasses().get(i));
                Class<?>[] parameters = switch (bind.arities().get(i)) {
                    case UNARY -> new Class<?>[] {Node.class};
                    case BINARY -> new Class<?>[] {Node.class, Node.class};
                    case POWER -> new Class<?>[] {Node.class, double.class};
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

    Messages.Result run(Messages.Task task) {
        Messages.GraphMessage g = graphs.get(task.graph());
        if (g == null) {
            throw new IllegalStateException("unknown graph " + task.graph());
        }
        double[] values = null;
        double[] grads = null;
        int[] order = null;
        int[] calls = null;
        Messages.Failure failure = null;
        try {
            switch (task.kind()) {
                case FORWARD -> {
                    Node[] nodes = build(g, task.inputs(), task.order());
                    forward(nodes, task.order());
                    values = values(nodes, task.order());
                }
                case GRADS -> {
                    Node[] nodes = build(g, task.inputs(), task.order());
                    forward(nodes, task.order());
                    nodes[g.output()].grad = task.seed();
                    for (int i = task.order().length - 1; i >= 0; i--) {
                        int id = task.order()[i];
                        call("backward", id, nodes[id]::backward);
                    }
                    values = values(nodes, task.order());
                    grads = grads(nodes, task.order());
                }
                case END_TO_END -> {
                    Node[] nodes = build(g, task.inputs(), task.order());
                    forward(nodes, task.order());
                    Backprop traversal = newBackprop();
                    Node out = nodes[g.output()];
                    call("Backprop.backward", -1, () -> traversal.backward(out));
                    values = values(nodes, task.order());
                    grads = grads(nodes, task.order());
                }
                case TRAVERSAL -> {
                    ProbeNode.CallLog ignored = new ProbeNode.CallLog(0);
                    Node[] probes = probes(g, task.inputs(), task.partials(), ignored);
                    Backprop sorter = newBackprop();
                    Node out = probes[g.output()];
                    List<Node>[] returned = captureOrder(sorter, out);
                    order = ids(returned[0], probes);
                    ProbeNode.CallLog log = new ProbeNode.CallLog(4 * g.size() + 16);
                    Node[] fresh = probes(g, task.inputs(), task.partials(), log);
                    Backprop traversal = newBackprop();
                    call("Backprop.backward", -1, () -> traversal.backward(fresh[g.output()]));
                    calls = log.toArray();
                    grads = new double[g.size()];
                    for (int i = 0; i < fresh.length; i++) {
                        grads[i] = fresh[i].grad;
                    }
                }
                case EVALUATE -> {
                    values = new double[task.points().length];
                    for (int p = 0; p < values.length; p++) {
                        Node[] nodes = build(g, task.points()[p], task.order());
                        forward(nodes, task.order());
                        values[p] = nodes[g.output()].value;
                    }
                }
                default -> throw new IllegalArgumentException(task.kind().toString());
            }
        } catch (StudentFailure e) {
            failure = e.failure;
        }
        return new Messages.Result(failure, values, grads, order, calls, output.drain());
    }

    @SuppressWarnings("unchecked")
    private List<Node>[] captureOrder(Backprop sorter, Node out) throws StudentFailure {
        List<Node>[] holder = new List[1];
        call("topologicalOrder", -1, () -> holder[0] = sorter.topologicalOrder(out));
        return holder;
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
        Object[] made = new Object[1];
        call("construct Backprop", -1, () -> made[0] = instantiate(backprop));
        return (Backprop) made[0];
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
                Object[] made = new Object[1];
                call("construct", id, () -> made[0] = instantiate(c, args));
                nodes[id] = (Node) made[0];
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

    private void forward(Node[] nodes, int[] order) throws StudentFailure {
        for (int id : order) {
            call("forward", id, nodes[id]::forward);
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

    private static double[] grads(Node[] nodes, int[] order) {
        double[] grads = new double[nodes.length];
        Arrays.fill(grads, Double.NaN);
        for (int id : order) {
            grads[id] = nodes[id].grad;
        }
        return grads;
    }

    private static Object instantiate(Constructor<?> c, Object... args) throws Throwable {
        try {
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    // ---- calling student code ------------------------------------------------------------------

    private interface StudentCall {
        void run() throws Throwable;
    }

    /** A failure in student code, carried out of the task. */
    private static final class StudentFailure extends Exception {
        final Messages.Failure failure;

        StudentFailure(Messages.Failure failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    String where() {
        return where;
    }

    private void call(String phase, int node, StudentCall body) throws StudentFailure {
        where = node >= 0 ? phase + ":" + node : phase;
        try {
            body.run();
        } catch (VirtualMachineError e) {
            if (e instanceof StackOverflowError) {
                throw new StudentFailure(describe(phase, node, e));
            }
            throw e; // out of memory: the JVM exits (ExitOnOutOfMemoryError) and the parent reports it
        } catch (Throwable e) {
            throw new StudentFailure(describe(phase, node, e));
        }
    }

    private static final int MAX_FRAMES = 8;
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

    private static Messages.Failure describe(String phase, int node, Throwable e) {
        String where = node >= 0 ? phase + ":" + node : phase;
        String exception = text(e);
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            exception += " (caused by " + text(cause) + ")";
        }
        StackTraceElement[] frames = e.getStackTrace();
        List<String> stack = new java.util.ArrayList<>();
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith("org.topograd.worker.")
                    || frame.getClassName().startsWith("jdk.internal.reflect.")
                    || frame.getClassName().startsWith("java.lang.reflect.")) {
                break; // below this is topograd's own machinery
            }
            if (stack.size() == MAX_FRAMES) {
                stack.add("... " + (frames.length - MAX_FRAMES) + " more");
                break;
            }
            stack.add(frame.toString());
        }
        return new Messages.Failure(where, exception, stack);
    }
}
