package org.topograd.spec.tensor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.topograd.spec.SpecLanguageReader;
import org.topograd.spec.YamlReader;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the values of a tensor spec (inputs, constants, expectations) in the three forms it may
 * write them: a number (a scalar), nested lists (a vector, a matrix), or
 * {@code {shape: [3, 5], random: {seed: 4, low: -1, high: 1}}}, whose elements are drawn row-major
 * from {@code [low, high)} by {@code java.util.SplittableRandom(seed)} (seed 0, low -2 and high 2
 * when not given, as for {@code random:}).
 *
 * <p>A value whose shape is clear but whose numbers are not ({@code [1, x]}) is still read, with NaN
 * for the wrong numbers: the spec is invalid anyway, and its shape lets the graph's own problems be
 * reported in the same run. A value whose shape is unclear is empty.
 */
abstract class TensorValueReader extends SpecLanguageReader {
    private static final List<String> GENERATED_KEYS = List.of("shape", "random");
    private static final List<String> DRAW_KEYS = List.of("seed", "low", "high");
    /** Every tensor a spec holds, all its points together: 80 MB of doubles, far above any assignment's needs. */
    static final long MAX_STORED_ELEMENTS = 10_000_000;

    /** Elements read or drawn so far, against {@link #MAX_STORED_ELEMENTS}. */
    private long stored;

    TensorValueReader(Path file) {
        super(file);
    }

    /** The value of a node; {@code what} names it in messages ({@code "input X"}). */
    Optional<TensorValue> value(Node node, String what) {
        if (node instanceof ScalarNode) {
            return Optional.of(TensorValue.scalar(number(node, what).orElse(Double.NaN)));
        }
        if (node instanceof SequenceNode seq) {
            return nested(seq, what);
        }
        Map<String, Entry> keys = mapping(node, what, null);
        if (!keys.containsKey("shape")) {
            problem(node.getStartMark(), what + " is a mapping without shape: write a number, nested lists such as"
                    + " [[1, 2], [3, 4]], or {shape: [3, 5], random: {seed: 4, low: -1, high: 1}}");
            return Optional.empty();
        }
        checkKeys(keys, GENERATED_KEYS, what);
        return generated(keys, node, what);
    }

    /** Whether {@code more} elements may still be kept; says so once when not. */
    boolean store(long more, Node where) {
        stored += more;
        if (stored <= MAX_STORED_ELEMENTS) {
            return true;
        }
        if (stored - more <= MAX_STORED_ELEMENTS) {
            problem(where.getStartMark(), "the tensors of this spec have more than " + MAX_STORED_ELEMENTS
                    + " elements in all (inputs, constants, expectations and every point's inputs): make them"
                    + " smaller or use fewer points");
        }
        return false;
    }

    /** How a shape is written, for messages: one number, a list of 3 numbers, 2 rows of 3 numbers. */
    static String nesting(Shape shape) {
        return switch (shape.rank()) {
            case 0 -> "one number";
            case 1 -> "a list of " + shape.dim(0) + " numbers";
            default -> shape.dim(0) + " rows of " + shape.dim(1) + " numbers";
        };
    }

    private Optional<TensorValue> nested(SequenceNode seq, String what) {
        List<Node> items = seq.getValue();
        if (items.isEmpty()) {
            problem(seq.getStartMark(), what + " is an empty list: a tensor has at least one element; write its"
                    + " numbers, such as [1, 2]");
            return Optional.empty();
        }
        if (!(items.get(0) instanceof SequenceNode)) {
            double[] row = row(seq, what, "element", false);
            return row == null ? Optional.empty() : shaped(seq, what, row, items.size());
        }
        int columns = ((SequenceNode) items.get(0)).getValue().size();
        List<double[]> rows = new ArrayList<>();
        boolean ok = true;
        for (int r = 0; r < items.size(); r++) {
            Node item = items.get(r);
            if (!(item instanceof SequenceNode rowNode)) {
                problem(item.getStartMark(), "row " + (r + 1) + " of " + what + " is " + describe(item)
                        + ", but row 1 is a list: write every row of a matrix as a list of numbers");
                ok = false;
                continue;
            }
            if (rowNode.getValue().size() != columns) {
                problem(item.getStartMark(), "row " + (r + 1) + " of " + what + " has " + rowNode.getValue().size()
                        + " numbers, but row 1 has " + columns + ": every row of a matrix has the same length; add"
                        + " or remove numbers in row " + (r + 1));
                ok = false;
                continue;
            }
            double[] row = row(rowNode, what, "row " + (r + 1) + " element", true);
            ok &= row != null;
            rows.add(row);
        }
        if (!ok) {
            return Optional.empty();
        }
        if (columns == 0) {
            problem(items.get(0).getStartMark(), "row 1 of " + what + " is empty: a matrix has at least one column;"
                    + " write its numbers, such as [[1, 2], [3, 4]]");
            return Optional.empty();
        }
        double[] elements = new double[items.size() * columns];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, elements, r * columns, columns);
        }
        return shaped(seq, what, elements, items.size(), columns);
    }

    /** The numbers of a list, NaN where one is wrong; null if an item is itself a list or a mapping. */
    private double[] row(SequenceNode seq, String what, String element, boolean inMatrix) {
        List<Node> items = seq.getValue();
        double[] row = new double[items.size()];
        for (int i = 0; i < row.length; i++) {
            Node item = items.get(i);
            if (item instanceof SequenceNode && !inMatrix) {
                problem(item.getStartMark(), element + " " + (i + 1) + " of " + what + " is a list, but element 1 is"
                        + " a number: write a vector as a list of numbers, or a matrix as a list of rows");
                return null;
            }
            if (item instanceof SequenceNode) {
                problem(item.getStartMark(), what + " is nested more than two lists deep here: a tensor has at most"
                        + " two axes; write a matrix as a list of rows, such as [[1, 2], [3, 4]]");
                return null;
            }
            if (item instanceof MappingNode) {
                problem(item.getStartMark(), element + " " + (i + 1) + " of " + what + " is a mapping: write a"
                        + " number such as 7, -1.5 or 1e-3");
                return null;
            }
            row[i] = number(item, element + " " + (i + 1) + " of " + what).orElse(Double.NaN);
        }
        return row;
    }

    private Optional<TensorValue> shaped(Node node, String what, double[] elements, int... dims) {
        Shape shape;
        try {
            shape = Shape.of(dims);
        } catch (ShapeException e) {
            problem(node.getStartMark(), what + ": " + e.getMessage());
            return Optional.empty();
        }
        return store(elements.length, node) ? Optional.of(new TensorValue(shape, elements)) : Optional.empty();
    }

    private Optional<TensorValue> generated(Map<String, Entry> keys, Node node, String what) {
        Node shapeNode = keys.get("shape").value();
        Optional<Shape> shape = shape(shapeNode, what);
        Entry random = keys.get("random");
        if (random == null) {
            problem(node.getStartMark(), what + " has a shape but no values: add random: {seed: 0, low: -1, high: 1}"
                    + " to draw them, or write them out as nested lists");
            return Optional.empty();
        }
        Optional<Map<String, Entry>> draw = entries(random.value(), "random of " + what, DRAW_KEYS,
                "{seed: 4, low: -1, high: 1}");
        if (draw.isEmpty() || shape.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Entry> d = draw.get();
        OptionalLong seed = Optional.ofNullable(d.get("seed"))
                .map(e -> integer(e.value(), "seed", Long.MIN_VALUE, Long.MAX_VALUE)).orElse(OptionalLong.of(0));
        OptionalDouble low = Optional.ofNullable(d.get("low")).map(e -> number(e.value(), "low"))
                .orElse(OptionalDouble.of(-2));
        OptionalDouble high = Optional.ofNullable(d.get("high")).map(e -> number(e.value(), "high"))
                .orElse(OptionalDouble.of(2));
        if (seed.isEmpty() || low.isEmpty() || high.isEmpty()) {
            return Optional.empty();
        }
        if (!(low.getAsDouble() < high.getAsDouble())) {
            problem(random.value().getStartMark(), "random of " + what + " needs low < high: make low the smaller");
            return Optional.empty();
        }
        if (!store(shape.get().size(), shapeNode)) {
            return Optional.empty();
        }
        return Optional.of(TensorValue.uniform(shape.get(), new SplittableRandom(seed.getAsLong()), low.getAsDouble(),
                high.getAsDouble()));
    }

    private Optional<Shape> shape(Node node, String what) {
        if (!(node instanceof SequenceNode seq)) {
            problem(node.getStartMark(), "the shape of " + what + " is " + describe(node) + ": write the size of each"
                    + " axis as a list, such as [3, 5] for 3 rows of 5, [5] for a vector or [] for a scalar");
            return Optional.empty();
        }
        List<Integer> dims = new ArrayList<>();
        for (Node item : seq.getValue()) {
            OptionalLong size = integer(item, "a size in the shape of " + what, 1, Shape.MAX_ELEMENTS);
            if (size.isEmpty()) {
                return Optional.empty();
            }
            dims.add((int) size.getAsLong());
        }
        try {
            return Optional.of(Shape.of(dims.stream().mapToInt(Integer::intValue).toArray()));
        } catch (ShapeException e) {
            problem(node.getStartMark(), "the shape of " + what + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** {@link YamlReader}'s composer, for telling tensor specs from scalar ones. */
    static org.yaml.snakeyaml.Yaml composer() {
        return yaml();
    }
}
