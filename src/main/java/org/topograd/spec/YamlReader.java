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
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
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
 *
 * <p>Over 300 lines for a reason: it is the one place for every node kind's checks and messages,
 * which both readers share; splitting it would scatter the wording of one language.
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

    /** Lists and mappings nested deeper than this are refused (SnakeYAML's composer recurses once per level). */
    static final int MAX_NESTING = 50;
    /** Aliases of lists and mappings beyond this are refused: each may copy a whole subtree (billion laughs). */
    static final int MAX_COLLECTION_ALIASES = 20;

    /** The text of a file, checked before SnakeYAML reads it ({@link SourceText}); null, with problems, if refused. */
    protected String source(Path path) {
        return accepted(SourceText.read(path));
    }

    /** Text in memory, checked as a file's would be; null, with problems, if refused. */
    protected String source(String text) {
        return accepted(SourceText.check(file, text));
    }

    private String accepted(SourceText.Read read) {
        if (read instanceof SourceText.Read.Refused refused) {
            problems.addAll(refused.problems());
            return null;
        }
        return ((SourceText.Read.Text) read).text();
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
            limitCrossed(text, e);
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            // Not expected of SnakeYAML; still one file's problem, never the run's end.
            problems.add(new Problem(new Location(file, 1, 1), "the YAML could not be read ("
                    + e.getClass().getSimpleName()
                    + "): check the file's YAML syntax, and please report this file to topograd's maintainers"));
            return null;
        }
    }

    /**
     * SnakeYAML's limits (nesting, aliases of collections, an alias inside what it names) stop it
     * without a place; this finds the place by reading the text again as a stream of events, which
     * needs neither recursion nor copies.
     */
    private void limitCrossed(String text, YAMLException e) {
        try {
            int depth = 0;
            int aliases = 0;
            java.util.Set<String> collections = new java.util.HashSet<>();
            java.util.Deque<String> open = new java.util.ArrayDeque<>();
            for (Event event : yaml().parse(new StringReader(text))) {
                if (event instanceof CollectionStartEvent start) {
                    if (++depth > MAX_NESTING + 1) { // as SnakeYAML counts: the document's own collection is free
                        problem(event.getStartMark(), "lists and mappings are nested more than " + MAX_NESTING
                                + " levels deep here: a spec needs three or four levels at most; flatten this value");
                        return;
                    }
                    open.push(start.getAnchor() == null ? "" : start.getAnchor());
                    if (start.getAnchor() != null) {
                        collections.add(start.getAnchor());
                    }
                } else if (event instanceof CollectionEndEvent) {
                    depth--;
                    open.pop();
                } else if (event instanceof AliasEvent alias && collections.contains(alias.getAnchor())) {
                    if (open.contains(alias.getAnchor())) {
                        problem(event.getStartMark(), "the alias *" + alias.getAnchor() + " is inside the list or"
                                + " mapping it names, which makes it contain itself: write the values out instead");
                        return;
                    }
                    if (++aliases > MAX_COLLECTION_ALIASES) {
                        problem(event.getStartMark(), "more than " + MAX_COLLECTION_ALIASES + " aliases (*name) of"
                                + " lists or mappings, each a copy of what it names: a spec has no use for so many;"
                                + " write the values out");
                        return;
                    }
                }
            }
        } catch (RuntimeException again) {
            // fall through to the message without a place
        }
        problems.add(new Problem(new Location(file, 1, 1), "YAML error: " + e.getMessage()
                + ": check the file's YAML syntax"));
    }

    /** More problems than this in one file are counted, not listed: the first ones are the ones to fix. */
    static final int MAX_LISTED = 100;

    /** Every problem, in the order of the file (the order they were found in is the reader's, not the user's). */
    protected List<Problem> sortedProblems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt((Problem p) -> p.at().line()).thenComparingInt(p -> p.at().column()));
        if (sorted.size() > MAX_LISTED) {
            Problem next = sorted.get(MAX_LISTED);
            int more = sorted.size() - MAX_LISTED;
            sorted = new ArrayList<>(sorted.subList(0, MAX_LISTED));
            sorted.add(new Problem(next.at(), "and " + more + " more problems from here on, not listed: fix the ones"
                    + " above and check the file again"));
        }
        return sorted;
    }

    /** The same composer for reading and for rewriting specs. */
    protected static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES); // a spec has no use for alias bombs
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(SourceText.MAX_BYTES * 2); // never reached: SourceText refuses larger files first
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
            String hint = t.matches("(?i)[+-]?\\.?(inf|infinity|nan)") ? ": every number must be finite; write one"
                    + " such as 7, -1.5 or 1e-3" : ": write a plain number such as 7, -1.5 or 1e-3";
            problem(node.getStartMark(), what + " must be a finite number, not '" + clip(t) + "'" + hint);
            return OptionalDouble.empty();
        }
        double v = Double.parseDouble(t);
        if (Double.isInfinite(v)) {
            problem(node.getStartMark(), what + " is " + clip(t)
                    + ", which is too large to be a finite double: write a number"
                    + " below 1.8e308");
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
            problem(node.getStartMark(), what + " must be a whole number, not '" + clip(t) + "': write one such as 5");
            return OptionalLong.empty();
        }
        if (v < min || v > max) {
            problem(node.getStartMark(), what + " must be between " + min + " and " + max + ", not " + v
                    + ": write a number in that range");
            return OptionalLong.empty();
        }
        return OptionalLong.of(v);
    }

    /** A scalar's text, or a problem if the node is a list or a mapping or empty. */
    protected Optional<String> scalarText(Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            problem(node.getStartMark(), what + " is " + describe(node) + ": write a single value");
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
                problem(tuple.getKeyNode().getStartMark(), "a key in " + context + " is "
                        + describe(tuple.getKeyNode()) + ": write a plain name as the key");
                continue;
            }
            String name = key.getValue();
            String shown = clip(name);
            Integer first = firstLine.putIfAbsent(name, key.getStartMark().getLine() + 1);
            if (first != null) {
                problem(key.getStartMark(), "duplicate key '" + shown + "' in " + context + " (first on line " + first
                        + "): keep one of them; topograd never silently picks the last");
                continue;
            }
            if (known != null && !known.contains(name)) {
                problem(key.getStartMark(), "unknown key '" + shown + "' in " + context + didYouMean(name, known)
                        + "; correct it or remove it: the keys are " + String.join(", ", known));
                continue;
            }
            entries.put(name, new Entry(key, tuple.getValueNode()));
        }
        return entries;
    }

    protected void checkKeys(Map<String, Entry> keys, List<String> known, String context) {
        for (Entry e : keys.values()) {
            if (!known.contains(e.name())) {
                problem(e.key().getStartMark(), "unknown key '" + clip(e.name()) + "' in " + context
                        + didYouMean(e.name(), known)
                        + "; correct it or remove it: the keys are " + String.join(", ", known));
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
            problem(parent.getStartMark(), context + " is missing " + key + ": add it");
        }
        return Optional.ofNullable(e);
    }

    /** Names for a message: the first few, and how many in all. */
    protected static String listed(List<String> names) {
        return names.size() <= 12 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 10)) + ", ... (" + names.size() + " in all)";
    }

    /** " (did you mean 'x'?)", or nothing; nothing either past the first problems, where nobody reads it. */
    protected String didYouMean(String word, List<String> known) {
        if (problems.size() >= SpecReader.MAX_SUGGESTIONS) {
            return "";
        }
        return Suggest.nearest(word, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    protected static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + clip(((ScalarNode) node).getValue()) + "'";
    }

    /** Text written in the file, as a message quotes it: a 60,000-character value is shown by its start. */
    protected static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 50) + "... (" + text.length() + " characters)";
    }

    protected Location at(Mark mark) {
        return mark == null ? new Location(file, 1, 1) : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    protected void problem(Mark mark, String message) {
        problems.add(new Problem(at(mark), message));
    }
}
