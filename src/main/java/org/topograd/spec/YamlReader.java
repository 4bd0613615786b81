package org.topograd.spec;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The shared machinery of topograd's YAML readers (specs, {@code assignment.yaml}): SnakeYAML's
 * node tree rather than constructed Java maps, because only the tree keeps each value's line and
 * column, and because constructed maps would have already swallowed duplicate keys. Every problem
 * is collected with its location and what to do; nothing stops at the first.
 *
 * <p>Numbers are read from the scalar's text with one rule for every file (so {@code 1e-9} is a
 * number, as in the expressions, although YAML 1.1 would call it a string).
 */
public abstract class YamlReader {
    protected static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    protected static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    protected final Path file;
    protected final List<Problem> problems = new ArrayList<>();

    protected YamlReader(Path file) {
        this.file = file;
    }

    /** A key and its value, both with their marks. */
    protected record Entry(ScalarNode key, Node value) {
        public String name() {
            return key.getValue();
        }
    }

    /** The document's root node; null, with a problem, for a syntax error. Null for an empty file. */
    protected Node compose(String text) {
        try {
            return yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            // The context ("while parsing a flow mapping" at the unclosed '{') is often where the mistake is.
            String context = e.getContext() != null && e.getContextMark() != null && e.getProblemMark() != null
                    && e.getContextMark().getLine() != e.getProblemMark().getLine()
                    ? " (" + e.getContext() + " that starts at line " + (e.getContextMark().getLine() + 1) + ", column "
                            + (e.getContextMark().getColumn() + 1) + ")"
                    : "";
            problem(mark, "YAML syntax error: " + e.getProblem() + context
                    + ". Check the indentation and the colons on this line; an expression that starts with"
                    + " one of - * & ! [ { ' \" must be quoted, as in y: \"-x\"");
            return null;
        } catch (YAMLException e) {
            problems.add(new Problem(Location.of(file), "YAML error: " + e.getMessage()));
            return null;
        }
    }

    /** Every problem, in the order of the file (the order they were found in is the reader's, not the user's). */
    protected List<Problem> sortedProblems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt((Problem p) -> p.at().line()).thenComparingInt(p -> p.at().column()));
        return sorted;
    }

    /** The same composer for reading and for rewriting specs. */
    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20); // a spec has no use for alias bombs
        options.setAllowRecursiveKeys(false);
        return new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(
                new DumperOptions()), new DumperOptions(), options);
    }

    protected OptionalDouble number(Node node, String what) {
        Optional<String> text = scalarText(node, what);
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        String t = text.get().trim();
        if (!NUMBER.matcher(t).matches()) {
            String hint = t.matches("(?i)[+-]?\\.?(inf|infinity|nan)") ? ": every number must be finite"
                    : ": write a plain number such as 7, -1.5 or 1e-3";
            problem(node.getStartMark(), what + " must be a finite number, not '" + t + "'" + hint);
            return OptionalDouble.empty();
        }
        double v = Double.parseDouble(t);
        if (Double.isInfinite(v)) {
            problem(node.getStartMark(), what + " is " + t + ", which is too large to be a finite double");
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(v);
    }

    protected OptionalLong integer(Node node, String what, long min, long max) {
        Optional<String> text = scalarText(node, what);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        String t = text.get().trim();
        long v;
        try {
            if (!INTEGER.matcher(t).matches()) {
                throw new NumberFormatException();
            }
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            problem(node.getStartMark(), what + " must be a whole number, not '" + t + "'");
            return OptionalLong.empty();
        }
        if (v < min || v > max) {
            problem(node.getStartMark(), what + " must be between " + min + " and " + max + ", not " + v);
            return OptionalLong.empty();
        }
        return OptionalLong.of(v);
    }

    /** A scalar's text, or a problem if the node is a list or a mapping or empty. */
    protected Optional<String> scalarText(Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            problem(node.getStartMark(), what + " must be a single value, not " + describe(node));
            return Optional.empty();
        }
        if (scalar.getValue().isBlank()) {
            problem(node.getStartMark(), what + " is empty: give it a value");
            return Optional.empty();
        }
        return Optional.of(scalar.getValue());
    }

    protected Optional<String> text(Node node, String what) {
        return scalarText(node, what).map(String::trim);
    }

    // ---- mappings and keys ---------------------------------------------------------------------

    /**
     * The entries of a mapping in order. Reports duplicate keys (YAML loaders usually keep the last
     * silently) and, when {@code known} is given, unknown keys with the nearest known one.
     */
    protected Map<String, Entry> mapping(Node node, String context, List<String> known) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problem(tuple.getKeyNode().getStartMark(), "a key in " + context + " must be a plain name, not "
                        + describe(tuple.getKeyNode()));
                continue;
            }
            String name = key.getValue();
            Integer first = firstLine.putIfAbsent(name, key.getStartMark().getLine() + 1);
            if (first != null) {
                problem(key.getStartMark(), "duplicate key '" + name + "' in " + context + " (first on line " + first
                        + "): keep one of them; topograd never silently picks the last");
                continue;
            }
            if (known != null && !known.contains(name)) {
                problem(key.getStartMark(), "unknown key '" + name + "' in " + context + didYouMean(name, known)
                        + "; the keys are " + String.join(", ", known));
                continue;
            }
            entries.put(name, new Entry(key, tuple.getValueNode()));
        }
        return entries;
    }

    protected void checkKeys(Map<String, Entry> keys, List<String> known, String context) {
        for (Entry e : keys.values()) {
            if (!known.contains(e.name())) {
                problem(e.key().getStartMark(), "unknown key '" + e.name() + "' in " + context + didYouMean(e.name(), known)
                        + "; the keys are " + String.join(", ", known));
            }
        }
    }

    protected Optional<Entry> optional(Map<String, Entry> keys, String key) {
        return Optional.ofNullable(keys.get(key));
    }

    protected Optional<Entry> required(Map<String, Entry> keys, String key, Node parent, String what) {
        Entry e = keys.get(key);
        if (e == null) {
            problem(parent.getStartMark(), "missing key '" + key + "': add " + what);
        }
        return Optional.ofNullable(e);
    }

    protected Optional<Entry> need(Map<String, Entry> keys, String key, Node parent, String context) {
        Entry e = keys.get(key);
        if (e == null) {
            problem(parent.getStartMark(), context + " needs " + key + ":");
        }
        return Optional.ofNullable(e);
    }

    protected static String didYouMean(String word, List<String> known) {
        return Suggest.nearest(word, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    protected static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    protected Location at(Mark mark) {
        return mark == null ? Location.of(file) : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    protected void problem(Mark mark, String message) {
        problems.add(new Problem(at(mark), message));
    }
}
