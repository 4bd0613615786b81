package org.topograd.spec;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * What the scalar and the tensor spec languages read alike: {@code points}, {@code visibility},
 * {@code tolerance}, the settings of {@code random}, the names of inputs and graph entries, and
 * where an expression's text starts. One place, so that the two languages keep one wording.
 */
public abstract class SpecLanguageReader extends YamlReader {
    private static final List<String> RANDOM_KEYS = List.of("count", "seed", "low", "high");
    private static final List<String> TOLERANCE_KEYS = List.of("abs", "rel");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The most random points a spec may ask for. */
    public static final int MAX_RANDOM_POINTS = 10_000;

    protected SpecLanguageReader(Path file) {
        super(file);
    }

    /**
     * What {@code random:} asks for: {@code count} points drawn uniformly from {@code [low, high)}
     * by {@code java.util.SplittableRandom(seed)}.
     */
    public record RandomSettings(int count, long seed, double low, double high) {}

    /** The settings of {@code random:}; empty, with the problems reported, if they are wrong. */
    protected Optional<RandomSettings> randomSettings(Node node) {
        Optional<Map<String, Entry>> read = entries(node, "random", RANDOM_KEYS,
                "{count: 5, seed: 11, low: -2, high: 2}");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Entry> keys = read.get();
        OptionalLong count = need(keys, "count", node, "random")
                .map(e -> integer(e.value(), "count", 1, MAX_RANDOM_POINTS)).orElse(OptionalLong.empty());
        OptionalLong seed = Optional.ofNullable(keys.get("seed"))
                .map(e -> integer(e.value(), "seed", Long.MIN_VALUE, Long.MAX_VALUE)).orElse(OptionalLong.of(0));
        OptionalDouble low = Optional.ofNullable(keys.get("low")).map(e -> number(e.value(), "low"))
                .orElse(OptionalDouble.of(-2));
        OptionalDouble high = Optional.ofNullable(keys.get("high")).map(e -> number(e.value(), "high"))
                .orElse(OptionalDouble.of(2));
        if (count.isEmpty() || seed.isEmpty() || low.isEmpty() || high.isEmpty()) {
            return Optional.empty();
        }
        if (!(low.getAsDouble() < high.getAsDouble())) {
            problem(node.getStartMark(), "random needs low < high, but low is " + NumberText.format(low.getAsDouble())
                    + " and high is " + NumberText.format(high.getAsDouble()) + ": make low the smaller");
            return Optional.empty();
        }
        return Optional.of(new RandomSettings((int) count.getAsLong(), seed.getAsLong(), low.getAsDouble(),
                high.getAsDouble()));
    }

    /**
     * The entries of {@code what}, a mapping with the {@code known} keys; empty, once the problem
     * says what to write instead ({@code example}), when it is not a mapping.
     */
    protected Optional<Map<String, Entry>> entries(Node node, String what, List<String> known, String example) {
        if (!(node instanceof MappingNode)) {
            problem(node.getStartMark(), what + " is " + describe(node) + ": write a mapping such as " + example);
            return Optional.empty();
        }
        return Optional.of(mapping(node, what, known));
    }

    // ---- keys both languages share -------------------------------------------------------------------------------

    protected BigDecimal points(Node node) {
        Optional<String> text = scalarText(node, "points");
        if (text.isEmpty()) {
            return BigDecimal.ONE;
        }
        String written = text.get().trim();
        if (!NUMBER.matcher(written).matches()) {
            problem(node.getStartMark(), "points is '" + clip(written) + "': write a number such as 10 or 2.5");
            return BigDecimal.ONE;
        }
        BigDecimal points = new BigDecimal(written).stripTrailingZeros();
        // Judged before any rescaling: 1e999999999 rescaled to a plain integer would be a billion digits.
        if (points.signum() < 0) {
            problem(node.getStartMark(), "points must not be negative: write how much the spec is worth, such as 10");
            return BigDecimal.ONE;
        }
        if (points.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            problem(node.getStartMark(), "points must be at most 1000000: write a smaller number, such as 10");
            return BigDecimal.ONE;
        }
        if (points.scale() > 2) {
            problem(node.getStartMark(), "points are counted in hundredths: write at most two decimals, such as 2.5");
            return BigDecimal.ONE;
        }
        return points.scale() < 0 ? points.setScale(0) : points; // 10, not 1E+1, when printed
    }

    protected Visibility visibility(Node node) {
        Optional<String> text = text(node, "visibility");
        if (text.isEmpty()) {
            return Visibility.VISIBLE;
        }
        for (Visibility v : Visibility.values()) {
            if (v.specName().equals(text.get())) {
                return v;
            }
        }
        problem(node.getStartMark(), "visibility is '" + clip(text.get()) + "'"
                + didYouMean(text.get(), List.of("visible", "hidden"))
                + ": write visible or hidden");
        return Visibility.VISIBLE;
    }

    protected Tolerance tolerance(Node node) {
        if (!(node instanceof MappingNode)) {
            problem(node.getStartMark(), "tolerance is " + describe(node) + ": write a mapping such as"
                    + " {abs: 1e-9, rel: 1e-6}");
            return Tolerance.DEFAULT;
        }
        Map<String, Entry> keys = mapping(node, "tolerance", TOLERANCE_KEYS);
        double abs = Optional.ofNullable(keys.get("abs")).map(e -> slack(e, "abs")).orElse(Tolerance.DEFAULT.abs());
        double rel = Optional.ofNullable(keys.get("rel")).map(e -> slack(e, "rel")).orElse(Tolerance.DEFAULT.rel());
        return new Tolerance(abs, rel);
    }

    private double slack(Entry e, String what) {
        OptionalDouble v = number(e.value(), "tolerance " + what);
        if (v.isEmpty()) {
            return 0;
        }
        if (v.getAsDouble() < 0) {
            problem(e.value().getStartMark(), "tolerance " + what + " is negative ("
                    + NumberText.format(v.getAsDouble())
                    + "): a tolerance is a distance, write it without the minus");
            return 0;
        }
        return v.getAsDouble();
    }

    /** Where an expression's text starts in the file, so columns inside it can be reported. */
    protected Location expressionOrigin(ScalarNode node) {
        Mark mark = node.getStartMark();
        boolean quoted = node.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                || node.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED;
        return new Location(file, mark.getLine() + 1, mark.getColumn() + 1 + (quoted ? 1 : 0));
    }

    /**
     * Whether a key may name {@code what} (an input, a graph node): an identifier that is not the
     * name of one of the language's functions ({@code reserved}); says why not if it may not.
     */
    protected boolean validName(ScalarNode key, String what, Predicate<String> reserved) {
        String name = key.getValue();
        if (!NAME.matcher(name).matches()) {
            problem(key.getStartMark(), "'" + clip(name) + "' cannot name " + what
                    + ": use letters, digits and _, starting with a letter or _");
            return false;
        }
        if (reserved.test(name)) {
            problem(key.getStartMark(), "'" + name + "' is the name of a function; choose another name for " + what);
            return false;
        }
        return true;
    }
}
