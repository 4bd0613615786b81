package org.topograd.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.topograd.api.Op;
import org.topograd.api.tensor.NDArray;
import org.topograd.api.tensor.TensorBackprop;
import org.topograd.api.tensor.TensorConstant;
import org.topograd.api.tensor.TensorInput;
import org.topograd.api.tensor.TensorNode;
import org.topograd.spec.tensor.TensorGraph;
import org.topograd.spec.tensor.TensorOp;

/**
 * A tensor submission compiled and run in the test's own JVM, without the grading pipeline: its
 * classes are found by their {@code @Op} names, a spec's graph is built from them node by node, and
 * the student's traversal runs forward and backward. For tests of the bundled submissions only; the
 * real pipeline compiles in a sandbox and runs in worker JVMs.
 */
final class StudentTensors {
    private final Map<String, Class<? extends TensorNode>> ops;
    private final TensorBackprop traversal;

    private StudentTensors(Map<String, Class<? extends TensorNode>> ops, TensorBackprop traversal) {
        this.ops = ops;
        this.traversal = traversal;
    }

    /** What the student's code computed for a graph at a point: every node's value and grad, by node id. */
    record Run(NDArray[] values, NDArray[] grads) {}

    /** Compiles a submission's {@code src} against topograd's classes into {@code out} and loads it. */
    static StudentTensors compile(Path submission, Path out) throws IOException, ReflectiveOperationException {
        List<String> sources;
        try (Stream<Path> walk = Files.walk(submission.resolve("src"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                "--release", "17", "-proc:none"));
        args.addAll(sources);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int status = javac.run(null, log, log, args.toArray(String[]::new));
        assertTrue(status == 0, () -> submission + " does not compile: " + log.toString(StandardCharsets.UTF_8));
        URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
                StudentTensors.class.getClassLoader());
        Map<String, Class<? extends TensorNode>> ops = new HashMap<>();
        TensorBackprop traversal = null;
        List<Path> classes;
        try (Stream<Path> walk = Files.walk(out)) {
            classes = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path file : classes) {
            String name = out.relativize(file).toString().replace(".class", "").replace('/', '.');
            Class<?> c = loader.loadClass(name);
            Op op = c.getAnnotation(Op.class);
            if (op != null && TensorNode.class.isAssignableFrom(c)) {
                ops.put(op.value(), c.asSubclass(TensorNode.class));
            } else if (TensorBackprop.class.isAssignableFrom(c) && !c.isInterface()) {
                traversal = (TensorBackprop) c.getConstructor().newInstance();
            }
        }
        assertTrue(traversal != null, submission + " has no TensorBackprop");
        return new StudentTensors(ops, traversal);
    }

    /** Every op of the language has a class. */
    boolean complete() {
        return TensorOp.operations().stream().allMatch(op -> ops.containsKey(op.specName()));
    }

    /** Builds the graph from the student's classes, runs forward in the student's order, then backward. */
    Run run(TensorGraph graph, List<NDArray> inputs) throws ReflectiveOperationException {
        TensorNode[] nodes = new TensorNode[graph.size()];
        for (int id = 0; id < graph.size(); id++) {
            nodes[id] = node(graph, id, nodes, inputs);
        }
        TensorNode output = nodes[graph.output()];
        for (TensorNode node : traversal.topologicalOrder(output)) {
            node.forward();
        }
        traversal.backward(output);
        NDArray[] values = new NDArray[nodes.length];
        NDArray[] grads = new NDArray[nodes.length];
        for (int id = 0; id < nodes.length; id++) {
            values[id] = nodes[id].value;
            grads[id] = nodes[id].grad;
        }
        return new Run(values, grads);
    }

    private TensorNode node(TensorGraph graph, int id, TensorNode[] nodes, List<NDArray> inputs)
            throws ReflectiveOperationException {
        TensorOp op = graph.op(id);
        if (op == TensorOp.INPUT) {
            return new TensorInput(graph.label(id), inputs.get(graph.inputIndex(graph.label(id))));
        }
        if (op == TensorOp.CONSTANT) {
            return new TensorConstant(NDArray.of(graph.constant(id), graph.shape(id).dims()));
        }
        Class<? extends TensorNode> c = ops.get(op.specName());
        TensorNode a = nodes[graph.first(id)];
        return switch (op.arity()) {
            case UNARY -> construct(c, new Class<?>[] {TensorNode.class}, a);
            case BINARY -> construct(c, new Class<?>[] {TensorNode.class, TensorNode.class}, a,
                    nodes[graph.second(id)]);
            case POWER -> construct(c, new Class<?>[] {TensorNode.class, double.class}, a, graph.param(id));
            case AXIS -> construct(c, new Class<?>[] {TensorNode.class, int.class}, a, graph.axis(id));
            case LEAF -> throw new IllegalStateException("leaves are handled above");
        };
    }

    private static TensorNode construct(Class<? extends TensorNode> c, Class<?>[] types, Object... args)
            throws ReflectiveOperationException {
        Constructor<? extends TensorNode> constructor = c.getConstructor(types);
        return constructor.newInstance(args);
    }
}
