package org.topograd.spec;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one spec from YAML text into a {@link Spec}, collecting every problem it finds.
 *
 * <p>It works on SnakeYAML's node tree rather than on constructed Java maps, because only the
 * tree keeps each value's line and column, and because constructed maps would have already
 * swallowed duplicate keys. Numbers are read from the scalar's text with one rule for the whole
 * language (so {@code 1e-9} is a number, as in the expressions, although YAML 1.1 would call it a
 * string).
 *
 * <p>Over 300 lines for a reason: it reads the whole spec language, one method per key, and the
 * keys depend on each other (inputs before graph, graph before expect and cases); the shared node
 * machinery is already in {@link YamlReader}, and what both spec languages read alike in
 * {@link SpecLanguageReader}.
 */
final class SpecReader extends SpecLanguageReader {
    static final List<String> TOP_KEYS = List.of(
            "title", "points", "visibility", "inputs", "graph", "generate", "output", "expect", "cases", "random",
            "tolerance");
    private static final List<String> EXPECT_KEYS = List.of("value", "grad");
    private static final List<String> CASE_KEYS = List.of("inputs", "expect");
    private static final List<String> CHAIN_KEYS = List.of("shape", "op", "length");
    private static final List<String> RANDOM_DAG_KEYS = List.of("shape", "nodes", "ops", "seed", "window");
    static final int MAX_GENERATED_NODES = 5_000_000;
    /** Input points times graph nodes: a bound on what grading one submission on this spec can cost. */
    static final long MAX_NODE_POINTS = 20_000_000;
    /** Past this many problems in one file, "did you mean" hints are left out: each costs a look at every name. */
    static final int MAX_SUGGESTIONS = 50;

    /** Where each graph entry is named, for messages about it after reading (validate's notes). */
    private final Map<String, Location> entryPlaces = new LinkedHashMap<>();

    SpecReader(Path file) {
        super(file);
    }

    SpecResult read(String text) {
        String checked = source(text);
        if (checked == null) {
            return invalid();
        }
        Node root = compose(checked);
        if (root == null && !problems.isEmpty()) {
            return invalid();
        }
        if (root == null) {
            problems.add(new Problem(new Location(file, 1, 1),
                    "the file is empty: write a spec, with at least title:, inputs: and graph: (or generate:)"));
            return invalid();
        }
        if (!(root instanceof MappingNode)) {
            problem(root.getStartMark(), "a spec is a mapping of keys, not "
                    + describe(root) + ": write it as title:, inputs: and graph: entries, one per line");
            return invalid();
        }
        Map<String, Entry> top = mapping(root, "a spec", TOP_KEYS);

        String title = required(top, "title", root, "a title students will see, such as title: Multivariate chain rule")
                .flatMap(e -> text(e.value(), "title")).orElse(null);
        BigDecimal points = optional(top, "points").map(e -> points(e.value())).orElse(BigDecimal.ONE);
        Visibility visibility = optional(top, "visibility").map(e -> visibility(e.value())).orElse(Visibility.VISIBLE);
        Tolerance tolerance = optional(top, "tolerance").map(e -> tolerance(e.value())).orElse(Tolerance.DEFAULT);

        Map<String, Claimed> inputs = required(top, "inputs", root,
                "the inputs and their values, such as inputs: {a: 7, b: 3, c: 2}")
                .map(e -> inputs(e.value())).orElse(new LinkedHashMap<>());

        Graph graph = graph(top, root, inputs);
        Map<String, Location> places = new LinkedHashMap<>();
        inputs.forEach((name, claimed) -> places.put(name, claimed.at()));
        places.putAll(entryPlaces);

        List<Case> cases = new ArrayList<>();
        if (graph != null) {
            double[] base = inputs.values().stream().mapToDouble(Claimed::number).toArray();
            Optional<Expected> expect = optional(top, "expect").flatMap(e -> expected(e.value(), graph));
            Location mainAt = optional(top, "inputs").map(e -> at(e.key().getStartMark()))
                    .orElse(at(root.getStartMark()));
            cases.add(new Case("main", Case.Kind.MAIN, base, expect, mainAt));
            optional(top, "cases").ifPresent(e -> cases.addAll(listedCases(e.value(), graph, base)));
            optional(top, "random").ifPresent(e -> cases.addAll(randomCases(e.value(), graph)));
            if (problems.isEmpty()) {
                tooMuch(cases.size(), graph, optional(top, "random").or(() -> optional(top, "cases"))
                        .map(Entry::value).orElse(root));
            }
        }
        if (!problems.isEmpty()) {
            return invalid();
        }
        return new SpecResult.Valid(new Spec(file, SpecLoader.idOf(file), title, points, visibility, graph, cases,
                tolerance, places));
    }

    private SpecResult invalid() {
        return new SpecResult.Invalid(file, sortedProblems());
    }

    // ---- the graph ----------------------------------------------------------------------------

    /** An input's value with where it was written. */
    private record Claimed(double number, Location at) {}

    private Map<String, Claimed> inputs(Node node) {
        Map<String, Claimed> inputs = new LinkedHashMap<>();
        if (!(node instanceof MappingNode)) {
            problem(node.getStartMark(), "inputs is " + describe(node) + ": map each input's name to its value, such as"
                    + " {a: 7, b: 3}");
            return inputs;
        }
        for (Entry e : mapping(node, "inputs", null).values()) {
            if (!validName(e.key(), "an input")) {
                continue;
            }
            // An input whose value is wrong is still an input: keeping it (as NaN; the spec is invalid
            // anyway) lets the graph be compiled, so its problems are reported in the same run.
            OptionalDouble value = number(e.value(), "input " + e.name());
            inputs.put(e.name(), new Claimed(value.orElse(Double.NaN), at(e.key().getStartMark())));
        }
        if (((MappingNode) node).getValue().isEmpty()) {
            problem(node.getStartMark(), "inputs is empty: add at least one input to differentiate, such as {x: 0.5}");
        }
        return inputs;
    }

    private Graph graph(Map<String, Entry> top, Node root, Map<String, Claimed> inputs) {
        Optional<Entry> graph = optional(top, "graph");
        Optional<Entry> generate = optional(top, "generate");
        if (graph.isPresent() && generate.isPresent()) {
            problem(generate.get().key().getStartMark(),
                    "a spec has either graph: or generate:, not both; remove one");
            return null;
        }
        if (graph.isEmpty() && generate.isEmpty()) {
            problem(root.getStartMark(),
                    "missing key 'graph': list the nodes in order, such as graph: {s: a + b, y: s * c}"
                    + " (or generate a large graph with generate:)");
            return null;
        }
        if (inputs.isEmpty()) {
            return null; // reported already
        }
        if (generate.isPresent()) {
            return generated(generate.get().value(), inputs, optional(top, "output"));
        }
        return written(graph.get().value(), inputs, optional(top, "output"));
    }

    private Graph written(Node node, Map<String, Claimed> inputs, Optional<Entry> outputEntry) {
        if (!(node instanceof MappingNode)) {
            problem(node.getStartMark(), "graph is " + describe(node)
                    + ": map each node's name to an expression, such as"
                    + " {s: a + b, y: s * c}");
            return null;
        }
        Map<String, Entry> entries = mapping(node, "graph", null);
        if (entries.isEmpty()) {
            problem(node.getStartMark(), "graph is empty: add at least one node, such as y: a * b");
            return null;
        }
        GraphCompiler compiler = new GraphCompiler(file, inputs.keySet(), problems);
        for (Entry e : entries.values()) {
            if (!validName(e.key(), "a graph node")) {
                compiler.refused();
                continue;
            }
            if (inputs.containsKey(e.name())) {
                problem(e.key().getStartMark(), "'" + e.name() + "' is an input already; give this node another name");
                compiler.refused();
                continue;
            }
            Optional<String> expression = scalarText(e.value(), "node " + e.name());
            expression.ifPresentOrElse(text -> compiler.declare(e.name(), text, at(e.key().getStartMark()),
                    expressionOrigin((ScalarNode) e.value())), compiler::refused);
        }
        String output = outputEntry.flatMap(e -> text(e.value(), "output")).orElse(null);
        Location outputAt = outputEntry.map(e -> at(e.value().getStartMark())).orElse(null);
        entryPlaces.putAll(compiler.places());
        return compiler.compile(output, outputAt, at(node.getStartMark()));
    }

    private Graph generated(Node node, Map<String, Claimed> inputs, Optional<Entry> output) {
        if (!(node instanceof MappingNode)) {
            problem(node.getStartMark(), "generate is " + describe(node) + ": write a mapping such as"
                    + " {shape: chain, op: sin, length: 1000}");
            return null;
        }
        output.ifPresent(e -> problem(e.key().getStartMark(),
                "a generated graph has no named nodes to choose as output; remove output:"));
        Map<String, Entry> keys = mapping(node, "generate", null);
        Entry shape = keys.get("shape");
        if (shape == null) {
            problem(node.getStartMark(), "generate has no shape: add shape: chain or shape: random");
            return null;
        }
        String kind = text(shape.value(), "shape").orElse("");
        List<String> names = List.copyOf(inputs.keySet());
        switch (kind) {
            case "chain" -> {
                checkKeys(keys, CHAIN_KEYS, "generate (chain)");
                if (names.size() != 1) {
                    problem(node.getStartMark(), "a chain starts from exactly one input, but inputs has " + names.size()
                            + ": keep one, such as inputs: {x: 0.5}");
                    return null;
                }
                Optional<Op> op = need(keys, "op", node, "generate (chain)").flatMap(e -> unaryOp(e.value()));
                OptionalLong length = need(keys, "length", node, "generate (chain)")
                        .map(e -> integer(e.value(), "length", 1, MAX_GENERATED_NODES)).orElse(OptionalLong.empty());
                if (op.isEmpty() || length.isEmpty()) {
                    return null;
                }
                return GraphGenerator.chain(names.get(0), op.get(), (int) length.getAsLong());
            }
            case "random" -> {
                checkKeys(keys, RANDOM_DAG_KEYS, "generate (random)");
                OptionalLong nodes = need(keys, "nodes", node, "generate (random)")
                        .map(e -> integer(e.value(), "nodes", 1, MAX_GENERATED_NODES)).orElse(OptionalLong.empty());
                Optional<List<Op>> ops = need(keys, "ops", node, "generate (random)").flatMap(e -> opList(e.value()));
                OptionalLong seed = Optional.ofNullable(keys.get("seed"))
                        .map(e -> integer(e.value(), "seed", Long.MIN_VALUE, Long.MAX_VALUE))
                        .orElse(OptionalLong.of(0));
                OptionalLong window = Optional.ofNullable(keys.get("window"))
                        .map(e -> integer(e.value(), "window", 1, MAX_GENERATED_NODES)).orElse(OptionalLong.of(64));
                if (nodes.isEmpty() || ops.isEmpty() || seed.isEmpty() || window.isEmpty()) {
                    return null;
                }
                return GraphGenerator.randomDag(names, (int) nodes.getAsLong(), ops.get(), seed.getAsLong(),
                        (int) window.getAsLong());
            }
            default -> {
                problem(shape.value().getStartMark(), "unknown shape '" + clip(kind) + "': use chain or random");
                return null;
            }
        }
    }

    private Optional<Op> unaryOp(Node node) {
        Optional<String> name = text(node, "op");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<Op> op = Op.operation(name.get()).filter(o -> o.arity() == Op.Arity.UNARY);
        if (op.isEmpty()) {
            List<String> unary = Op.operations().stream().filter(o -> o.arity() == Op.Arity.UNARY)
                    .map(Op::specName).toList();
            problem(node.getStartMark(), "a chain needs a unary op, not '" + clip(name.get()) + "'"
                    + didYouMean(name.get(), unary) + "; use one of the unary ops: " + String.join(", ", unary));
        }
        return op;
    }

    private Optional<List<Op>> opList(Node node) {
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problem(node.getStartMark(),
                    "ops must be a non-empty list of op names: write one such as [add, mul, tanh]");
            return Optional.empty();
        }
        List<Op> ops = new ArrayList<>();
        List<String> known = Op.operations().stream().map(Op::specName).toList();
        boolean ok = true;
        for (Node item : seq.getValue()) {
            Optional<String> name = text(item, "an op");
            Optional<Op> op = name.flatMap(Op::operation);
            if (op.isPresent()) {
                ops.add(op.get());
            } else {
                ok = false;
                name.ifPresent(n -> problem(item.getStartMark(), "unknown op '" + clip(n) + "'" + didYouMean(n, known)
                        + "; use one of the ops: " + String.join(", ", known)));
            }
        }
        return ok ? Optional.of(ops) : Optional.empty();
    }

    // ---- points and expectations ---------------------------------------------------------------

    private Optional<Expected> expected(Node node, Graph graph) {
        Optional<Map<String, Entry>> read = entries(node, "expect", EXPECT_KEYS, "{value: 68, grad: {a: 2, b: 54}}");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Entry> keys = read.get();
        Optional<Claim> value = Optional.ofNullable(keys.get("value")).flatMap(e -> {
            OptionalDouble v = number(e.value(), "expect value");
            return v.isPresent()
                    ? Optional.of(new Claim("value", v.getAsDouble(), at(e.value().getStartMark())))
                    : Optional.empty();
        });
        List<Claim> grads = new ArrayList<>();
        Entry grad = keys.get("grad");
        if (grad != null) {
            if (!(grad.value() instanceof MappingNode)) {
                problem(grad.value().getStartMark(), "grad is " + describe(grad.value()) + ": map input names to"
                        + " gradients, such as {a: 2, b: 54}");
            } else {
                List<String> inputNames = graph.inputNames();
                for (Entry e : mapping(grad.value(), "grad", null).values()) {
                    if (graph.inputIndex(e.name()) < 0) {
                        problem(e.key().getStartMark(), "expect names '" + clip(e.name()) + "', which is not an input"
                                + didYouMean(e.name(), inputNames) + "; give expected gradients for inputs only ("
                                + listed(inputNames) + ")");
                        continue;
                    }
                    OptionalDouble v = number(e.value(), "the gradient of " + e.name());
                    if (v.isPresent()) {
                        grads.add(new Claim(e.name(), v.getAsDouble(), at(e.value().getStartMark())));
                    }
                }
            }
        }
        return Optional.of(new Expected(value, grads, at(node.getStartMark())));
    }

    private List<Case> listedCases(Node node, Graph graph, double[] base) {
        List<Case> cases = new ArrayList<>();
        if (!(node instanceof SequenceNode seq)) {
            problem(node.getStartMark(), "cases is " + describe(node)
                    + ": make it a list, each item like - inputs: {a: 1}");
            return cases;
        }
        if (tooMuch(seq.getValue().size(), graph, node)) {
            return cases;
        }
        List<String> inputNames = graph.inputNames();
        int index = 0;
        for (Node item : seq.getValue()) {
            index++;
            String name = "case-" + index;
            if (!(item instanceof MappingNode)) {
                problem(item.getStartMark(), name + " is " + describe(item) + ": write it as a mapping such as"
                        + " {inputs: {a: 1}, expect: {value: 2}}");
                continue;
            }
            Map<String, Entry> keys = mapping(item, name, CASE_KEYS);
            double[] point = base.clone();
            Entry inputs = keys.get("inputs");
            if (inputs == null) {
                problem(item.getStartMark(), name
                        + " has no inputs: add inputs: with the values that differ from the top-level inputs, such as"
                        + " inputs: {a: 1}");
            } else if (!(inputs.value() instanceof MappingNode)) {
                problem(inputs.value().getStartMark(), "inputs of " + name + " is " + describe(inputs.value())
                        + ": map input names to values, such as {a: 1}");
            } else {
                for (Entry e : mapping(inputs.value(), "inputs of " + name, null).values()) {
                    int k = graph.inputIndex(e.name());
                    if (k < 0) {
                        problem(e.key().getStartMark(), "'" + clip(e.name()) + "' is not an input"
                                + didYouMean(e.name(), inputNames)
                                + "; use one of the inputs: " + listed(inputNames));
                        continue;
                    }
                    number(e.value(), "input " + e.name() + " of " + name).ifPresent(v -> point[k] = v);
                }
            }
            Optional<Expected> expect = Optional.ofNullable(keys.get("expect"))
                    .flatMap(e -> expected(e.value(), graph));
            cases.add(new Case(name, Case.Kind.LISTED, point, expect, at(item.getStartMark())));
        }
        return cases;
    }

    /**
     * Whether {@code points} input points on this graph cost more than {@link #MAX_NODE_POINTS};
     * says so if they do.
     */
    private boolean tooMuch(long points, Graph graph, Node where) {
        long work = points * graph.size();
        if (work <= MAX_NODE_POINTS) {
            return false;
        }
        problem(where.getStartMark(), points + " input points on a graph of " + graph.size() + " nodes make " + work
                + " node evaluations for every check of every submission, more than the " + MAX_NODE_POINTS
                + " topograd allows: use fewer points (random: {count: ...}) or a smaller graph");
        return true;
    }

    private List<Case> randomCases(Node node, Graph graph) {
        Optional<RandomSettings> settings = randomSettings(node);
        if (settings.isEmpty()) {
            return List.of();
        }
        RandomSettings r = settings.get();
        if (tooMuch(r.count(), graph, node)) {
            return List.of();
        }
        List<Case> cases = new ArrayList<>();
        List<double[]> points = SpecLoader.randomPoints(graph.inputCount(), r.count(), r.seed(), r.low(), r.high());
        for (int i = 0; i < points.size(); i++) {
            cases.add(new Case("random-" + (i + 1), Case.Kind.RANDOM, points.get(i), Optional.empty(),
                    at(node.getStartMark())));
        }
        return cases;
    }

    private boolean validName(ScalarNode key, String what) {
        return validName(key, what, name -> Op.function(name).isPresent());
    }
}
