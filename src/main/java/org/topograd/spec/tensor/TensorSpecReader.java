package org.topograd.spec.tensor;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.topograd.spec.Case;
import org.topograd.spec.Location;
import org.topograd.spec.Problem;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.Tolerance;
import org.topograd.spec.Visibility;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one tensor spec from YAML text into a {@link TensorSpec}, collecting every problem it finds:
 * the scalar language's keys, plus {@code constants}, tensor values ({@link TensorValueReader}) and
 * shape-checked graph entries ({@link TensorGraphCompiler}).
 *
 * <p>Over 300 lines for a reason: it reads the whole tensor spec language, one method per key, as
 * the scalar SpecReader does.
 */
final class TensorSpecReader extends TensorValueReader {
    static final List<String> TOP_KEYS = List.of("title", "points", "visibility", "inputs", "constants", "graph",
            "output", "expect", "cases", "random", "tolerance");
    private static final List<String> EXPECT_KEYS = List.of("value", "grad");
    private static final List<String> CASE_KEYS = List.of("inputs", "expect");
    /** Points times the elements every node computes (a matmul counts its multiplications): grading's cost. */
    static final long MAX_WORK = 2_000_000_000L;

    TensorSpecReader(Path file) {
        super(file);
    }

    /** A value as read, with where its name is written. */
    private record Read(Optional<TensorValue> value, Location at) {}

    TensorSpecResult read(String text) {
        String checked = source(text);
        Node root = checked == null ? null : compose(checked);
        if (root == null) {
            if (problems.isEmpty()) {
                problems.add(new Problem(new Location(file, 1, 1), "the file is empty: write a spec, with at least"
                        + " title:, inputs: and graph:"));
            }
            return invalid();
        }
        if (!(root instanceof MappingNode)) {
            problem(root.getStartMark(), "a spec is a mapping of keys, not " + describe(root)
                    + ": write it as title:, inputs:, constants: and graph: entries, one per line");
            return invalid();
        }
        Map<String, Entry> top = mapping(root, "a spec", TOP_KEYS);
        String title = required(top, "title", root, "a title students will see, such as title: Affine layer")
                .flatMap(e -> text(e.value(), "title")).orElse(null);
        BigDecimal points = optional(top, "points").map(e -> points(e.value())).orElse(BigDecimal.ONE);
        Visibility visibility = optional(top, "visibility").map(e -> visibility(e.value())).orElse(Visibility.VISIBLE);
        Tolerance tolerance = optional(top, "tolerance").map(e -> tolerance(e.value())).orElse(Tolerance.DEFAULT);

        Map<String, Read> inputs = required(top, "inputs", root, "the inputs and their values, such as inputs:"
                + " {X: [[1, 2], [3, 4]], b: [0.5, -0.5]}").map(e -> values(e.value(), "inputs", Map.of()))
                .orElse(new LinkedHashMap<>());
        Map<String, Read> constants = optional(top, "constants").map(e -> values(e.value(), "constants", inputs))
                .orElse(new LinkedHashMap<>());

        TensorGraphCompiler compiler = new TensorGraphCompiler(file, problems);
        inputs.forEach((name, read) -> compiler.input(name, read.value().map(TensorValue::shape)));
        constants.forEach((name, read) -> compiler.constant(name, read.value()));
        Optional<TensorGraph> graph = graph(top, root, compiler, inputs, constants);
        Map<String, Location> places = new LinkedHashMap<>();
        inputs.forEach((name, read) -> places.put(name, read.at()));
        constants.forEach((name, read) -> places.put(name, read.at()));
        places.putAll(compiler.places());

        List<TensorCase> cases = new ArrayList<>();
        if (graph.isPresent() && problems.isEmpty()) {
            TensorGraph g = graph.get();
            List<TensorValue> base = inputs.values().stream().map(r -> r.value().orElseThrow()).toList();
            Optional<TensorExpected> expect = optional(top, "expect").flatMap(e -> expected(e.value(), g));
            Location mainAt = at(top.get("inputs").key().getStartMark());
            cases.add(new TensorCase("main", Case.Kind.MAIN, base, expect, mainAt));
            optional(top, "cases").ifPresent(e -> cases.addAll(listedCases(e.value(), g, base)));
            optional(top, "random").ifPresent(e -> cases.addAll(randomCases(e.value(), g)));
            if (problems.isEmpty()) {
                // Every point together, the main one included: one giant matmul is too much on its own.
                tooMuch(cases.size(), g, optional(top, "random").or(() -> optional(top, "cases"))
                        .map(Entry::value).orElse(top.get("graph").value()));
            }
        }
        if (!problems.isEmpty() || graph.isEmpty()) {
            return invalid();
        }
        return new TensorSpecResult.Valid(new TensorSpec(file, SpecLoader.idOf(file), title, points, visibility,
                graph.get(), cases, tolerance, places, List.copyOf(constants.keySet())));
    }

    private TensorSpecResult invalid() {
        return new TensorSpecResult.Invalid(file, sortedProblems());
    }

    /** The entries of {@code inputs} or {@code constants}; {@code taken} are names used already. */
    private Map<String, Read> values(Node node, String what, Map<String, Read> taken) {
        Map<String, Read> values = new LinkedHashMap<>();
        String one = what.equals("inputs") ? "input" : "constant";
        if (!(node instanceof MappingNode mapping)) {
            problem(node.getStartMark(), what + " is " + describe(node) + ": map each " + one + "'s name to its value,"
                    + " such as {X: [[1, 2], [3, 4]], b: [0.5, -0.5]}");
            return values;
        }
        if (mapping.getValue().isEmpty() && what.equals("inputs")) {
            problem(node.getStartMark(), "inputs is empty: add at least one input to differentiate, such as"
                    + " {x: [1, 2]}");
        }
        for (Entry e : mapping(node, what, null).values()) {
            if (!validName(e.key(), "a" + (one.equals("input") ? "n " : " ") + one, TensorOp::isFunctionName)) {
                continue;
            }
            if (taken.containsKey(e.name())) {
                problem(e.key().getStartMark(), "'" + e.name() + "' is an input already; give this constant another"
                        + " name");
                continue;
            }
            values.put(e.name(), new Read(value(e.value(), one + " " + e.name()), at(e.key().getStartMark())));
        }
        return values;
    }

    private Optional<TensorGraph> graph(Map<String, Entry> top, Node root, TensorGraphCompiler compiler,
            Map<String, Read> inputs, Map<String, Read> constants) {
        Entry graph = required(top, "graph", root, "the nodes in order, such as graph: {z: X @ W + b, loss: sum(z)}")
                .orElse(null);
        if (graph == null || inputs.isEmpty()) {
            return Optional.empty(); // reported already
        }
        if (!(graph.value() instanceof MappingNode) || ((MappingNode) graph.value()).getValue().isEmpty()) {
            problem(graph.value().getStartMark(), "graph is " + (graph.value() instanceof MappingNode ? "empty"
                    : describe(graph.value())) + ": map each node's name to an expression, such as"
                    + " {z: X @ W + b, loss: sum(z)}");
            return Optional.empty();
        }
        for (Entry e : mapping(graph.value(), "graph", null).values()) {
            String taken = inputs.containsKey(e.name()) ? "an input" : constants.containsKey(e.name()) ? "a constant"
                    : null;
            if (!validName(e.key(), "a graph node", TensorOp::isFunctionName)) {
                compiler.refused(e.name());
            } else if (taken != null) {
                problem(e.key().getStartMark(), "'" + e.name() + "' is " + taken + " already; give this node another"
                        + " name");
                compiler.refused(e.name());
            } else {
                scalarText(e.value(), "node " + e.name()).ifPresentOrElse(text -> compiler.entry(e.name(), text,
                        at(e.key().getStartMark()), expressionOrigin((ScalarNode) e.value())),
                        () -> compiler.refused(e.name()));
            }
        }
        Optional<Entry> output = optional(top, "output");
        String name = output.flatMap(e -> text(e.value(), "output")).orElse(null);
        return compiler.compile(name, output.map(e -> at(e.value().getStartMark())).orElse(null));
    }

    private Optional<TensorExpected> expected(Node node, TensorGraph graph) {
        Optional<Map<String, Entry>> read = entries(node, "expect", EXPECT_KEYS,
                "{value: 2.73, grad: {X: [[0.1, 0.2]], b: [0.3, 0.4]}}");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Entry valueEntry = read.get().get("value");
        Optional<TensorClaim> value = Optional.empty();
        if (valueEntry != null) {
            value = claim(valueEntry.value(), "value", "expect value", Shape.SCALAR,
                    "the output " + graph.label(graph.output()) + " is a scalar");
        }
        List<TensorClaim> grads = new ArrayList<>();
        Entry grad = read.get().get("grad");
        if (grad != null && !(grad.value() instanceof MappingNode)) {
            problem(grad.value().getStartMark(), "grad is " + describe(grad.value()) + ": map input names to"
                    + " gradients with the nesting of each input, such as {X: [[0.1, 0.2]], b: [0.3, 0.4]}");
        } else if (grad != null) {
            List<String> names = graph.inputNames();
            for (Entry e : mapping(grad.value(), "grad", null).values()) {
                int k = graph.inputIndex(e.name());
                if (k < 0) {
                    boolean constant = graph.node(e.name()).map(id -> graph.op(id) == TensorOp.CONSTANT).orElse(false);
                    problem(e.key().getStartMark(), constant
                            ? "'" + e.name() + "' is a constant, and constants are not differentiated: remove it"
                                    + " from grad"
                            : "expect names '" + clip(e.name()) + "', which is not an input"
                                    + didYouMean(e.name(), names) + "; give expected gradients for inputs only ("
                                    + listed(names) + ")");
                    continue;
                }
                Shape shape = graph.shape(graph.inputNode(k));
                claim(e.value(), e.name(), "the expected gradient of " + e.name(), shape,
                        e.name() + " has shape " + shape).ifPresent(grads::add);
            }
        }
        return Optional.of(new TensorExpected(value, grads, at(node.getStartMark())));
    }

    /** A claimed tensor of a known shape; {@code whose} says whose shape it must have. */
    private Optional<TensorClaim> claim(Node node, String subject, String what, Shape shape, String whose) {
        Optional<TensorValue> value = value(node, what);
        if (value.isPresent() && !value.get().shape().equals(shape)) {
            problem(node.getStartMark(), what + " has shape " + value.get().shape() + ", but " + whose + ": write "
                    + nesting(shape) + (shape.isScalar() ? "" : ", the same nesting as the input"));
            return Optional.empty();
        }
        return value.map(v -> new TensorClaim(subject, v, at(node.getStartMark())));
    }

    private List<TensorCase> listedCases(Node node, TensorGraph graph, List<TensorValue> base) {
        List<TensorCase> cases = new ArrayList<>();
        if (!(node instanceof SequenceNode seq)) {
            problem(node.getStartMark(), "cases is " + describe(node) + ": make it a list, each item like"
                    + " - inputs: {X: [[1, 2]]}");
            return cases;
        }
        List<String> names = graph.inputNames();
        for (int index = 1; index <= seq.getValue().size(); index++) {
            Node item = seq.getValue().get(index - 1);
            String name = "case-" + index;
            if (!(item instanceof MappingNode)) {
                problem(item.getStartMark(), name + " is " + describe(item) + ": write it as a mapping such as"
                        + " {inputs: {X: [[1, 2]]}, expect: {value: 2}}");
                continue;
            }
            Map<String, Entry> keys = mapping(item, name, CASE_KEYS);
            List<TensorValue> point = new ArrayList<>(base);
            Entry inputs = keys.get("inputs");
            if (inputs == null || !(inputs.value() instanceof MappingNode)) {
                problem(inputs == null ? item.getStartMark() : inputs.value().getStartMark(), name + " has no inputs"
                        + " mapping: add inputs: with the values that differ from the top-level inputs, such as"
                        + " inputs: {X: [[1, 2]]}");
            } else {
                for (Entry e : mapping(inputs.value(), "inputs of " + name, null).values()) {
                    int k = graph.inputIndex(e.name());
                    if (k < 0) {
                        problem(e.key().getStartMark(), "'" + clip(e.name()) + "' is not an input"
                                + didYouMean(e.name(), names) + "; use one of the inputs: " + listed(names));
                        continue;
                    }
                    Shape shape = graph.shape(graph.inputNode(k));
                    claim(e.value(), e.name(), "input " + e.name() + " of " + name, shape,
                            "the input " + e.name() + " has shape " + shape).ifPresent(c -> point.set(k, c.value()));
                }
            }
            Optional<TensorExpected> expect = Optional.ofNullable(keys.get("expect"))
                    .flatMap(e -> expected(e.value(), graph));
            cases.add(new TensorCase(name, Case.Kind.LISTED, point, expect, at(item.getStartMark())));
        }
        return cases;
    }

    /** Random points: every input tensor redrawn, input after input, each row-major, from one generator. */
    private List<TensorCase> randomCases(Node node, TensorGraph graph) {
        Optional<RandomSettings> settings = randomSettings(node);
        if (settings.isEmpty()) {
            return List.of();
        }
        RandomSettings r = settings.get();
        long perPoint = 0;
        for (int k = 0; k < graph.inputCount(); k++) {
            perPoint += graph.shape(graph.inputNode(k)).size();
        }
        if (tooMuch(r.count(), graph, node) || !store(perPoint * r.count(), node)) {
            return List.of();
        }
        SplittableRandom random = new SplittableRandom(r.seed());
        List<TensorCase> cases = new ArrayList<>();
        for (int i = 1; i <= r.count(); i++) {
            List<TensorValue> point = new ArrayList<>();
            for (int k = 0; k < graph.inputCount(); k++) {
                point.add(TensorValue.uniform(graph.shape(graph.inputNode(k)), random, r.low(), r.high()));
            }
            cases.add(new TensorCase("random-" + i, Case.Kind.RANDOM, point, Optional.empty(),
                    at(node.getStartMark())));
        }
        return cases;
    }

    /** Whether grading {@code points} more points on this graph would cost more than {@link #MAX_WORK}. */
    private boolean tooMuch(long points, TensorGraph graph, Node where) {
        long perPoint = 0;
        for (int node = 0; node < graph.size(); node++) {
            perPoint += graph.shape(node).size();
            if (graph.op(node) == TensorOp.MATMUL) {
                Shape a = graph.shape(graph.first(node));
                perPoint += (long) graph.shape(node).size() * a.dim(a.rank() - 1);
            }
        }
        if (points * perPoint <= MAX_WORK) {
            return false;
        }
        problem(where.getStartMark(), points + (points == 1 ? " point" : " points") + " on this graph cost "
                + points * perPoint + " element operations (a matmul counts its multiplications), more than the "
                + MAX_WORK + " topograd allows for every check of every submission: use fewer points"
                + " (random: {count: ...}) or smaller tensors");
        return true;
    }
}
