package org.topograd.spec;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Fills in or updates the {@code expect} blocks of a spec file's text, for the top-level point and
 * every listed case, and changes nothing else: comments, blank lines, key order, quoting and
 * layout elsewhere stay byte for byte.
 *
 * <p>It does not re-dump the YAML (that would lose every comment). It composes the node tree only
 * to learn where things are ({@link Mark#getIndex()}), then edits the text: a number that is there
 * is replaced where it stands; a missing entry is inserted in the style of its mapping (a flow
 * mapping {@code {value: 68}} gets {@code , grad: {...}}; a block mapping gets a new line at its
 * indentation). A missing top-level {@code expect} becomes a block after the {@code output:} line
 * or else after the graph; a missing case {@code expect} becomes a flow mapping in the case.
 *
 * <p>Writing is idempotent: the second time every number is already right, so nothing changes.
 *
 * <p>Over 300 lines for a reason: every edit of the text depends on where the others put things
 * (indexes shift as text is inserted), so the edits are planned and applied in one place.
 */
public final class ExpectWriter {
    private static final int DEFAULT_INDENT = 2;

    /**
     * What {@code expect} should say at one point.
     *
     * @param value the output's value
     * @param grads the gradient of every input, in input order
     */
    public record Answer(double value, double[] grads) {
        public Answer {
            grads = grads.clone();
        }

        @Override
        public double[] grads() {
            return grads.clone();
        }
    }

    /**
     * What {@code expect} should say at one point, already written as YAML flow text: a number for
     * the scalar language, nested lists such as {@code [[1, 2], [3, 4]]} for the tensor language.
     *
     * @param value the output's value
     * @param grads the gradient of every input, in input order
     */
    public record Written(String value, List<String> grads) {
        public Written {
            grads = List.copyOf(grads);
        }
    }

    /** What an entry should hold: a literal (a number, nested lists) or a nested mapping. */
    private sealed interface Want permits Num, Entries {}

    /** A number or a flow list, which replaces whatever scalar or list stands there. */
    private record Num(String text) implements Want {}

    private record Entries(Map<String, Want> entries) implements Want {}

    /** Replace {@code [start, end)} by {@code text}; an insertion has {@code start == end}. */
    private record Edit(int start, int end, String text, int sequence) {}

    private final String text;
    private final String newline;
    private final boolean bmpOnly;
    private final List<Edit> edits = new ArrayList<>();

    private ExpectWriter(String text) {
        this.text = text;
        this.newline = text.contains("\r\n") ? "\r\n" : "\n";
        this.bmpOnly = text.codePoints().allMatch(Character::isBmpCodePoint);
    }

    /**
     * The spec text with {@code expect} filled in at the top level and in every listed case.
     *
     * @param text a valid spec's text
     * @param inputNames the graph's inputs, in order; every one gets a grad entry
     * @param answers by case name: {@code main}, {@code case-1}, {@code case-2}, ... (extra names,
     *     such as random points, are ignored)
     * @throws IllegalArgumentException if the text is not a spec's mapping, an answer is missing or
     *     a number is not finite (a spec cannot expect NaN)
     */
    public static String write(String text, List<String> inputNames, Map<String, Answer> answers) {
        // Written when asked for: the answers of points without expect (random ones) may be NaN.
        return writeText(text, inputNames, name -> {
            Answer answer = answers.get(name);
            if (answer == null) {
                return null;
            }
            List<String> grads = new ArrayList<>();
            for (double g : answer.grads()) {
                grads.add(number(g));
            }
            return new Written(number(answer.value()), grads);
        });
    }

    /**
     * The same, with the answers already written as YAML flow text (the tensor language's nested
     * lists), asked for by case name ({@code main}, {@code case-1}, ...; null if there is none). An
     * existing number or list is replaced where it stands.
     */
    public static String writeText(String text, List<String> inputNames, Function<String, Written> answers) {
        return new ExpectWriter(text).fill(inputNames, answers);
    }

    /**
     * Rewrites a spec file in place, atomically (a temporary file in the same folder, then a move),
     * so a crash never leaves half a spec. The new text is re-read first and must still be a valid
     * spec, or nothing is written.
     *
     * @return whether the file changed
     */
    public static boolean rewrite(Path file, List<String> inputNames, Map<String, Answer> answers) throws IOException {
        return rewrite(file, old -> write(old, inputNames, answers), text -> SpecLoader.parse(file, text)
                instanceof SpecResult.Invalid invalid ? invalid.problems() : List.of());
    }

    /**
     * Rewrites a spec file in place with {@code update}, atomically, once {@code problems} finds none
     * in the new text (each language checks its own); otherwise nothing is written.
     *
     * @return whether the file changed
     */
    public static boolean rewrite(Path file, UnaryOperator<String> update, Function<String, List<Problem>> problems)
            throws IOException {
        String old = Files.readString(file, StandardCharsets.UTF_8);
        String updated = update.apply(old);
        if (updated.equals(old)) {
            return false;
        }
        List<Problem> found = problems.apply(updated);
        if (!found.isEmpty()) {
            throw new IllegalStateException("topograd would have written an invalid spec to " + file + ": "
                    + found + "; the file is unchanged");
        }
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, updated, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the default permissions will do
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return true;
    }

    private String fill(List<String> inputNames, Function<String, Written> answers) {
        Node root = YamlReader.yaml().compose(new StringReader(text));
        if (!(root instanceof MappingNode top)) {
            throw new IllegalArgumentException("a spec is a mapping of keys; this text is not");
        }
        Entries main = want(inputNames, answer(answers, "main"));
        NodeTuple expect = tuple(top, "expect");
        if (expect != null) {
            update(expect.getValueNode(), main);
        } else {
            insertTopLevel(top, main);
        }
        NodeTuple cases = tuple(top, "cases");
        if (cases != null && cases.getValueNode() instanceof SequenceNode list) {
            int index = 0;
            for (Node item : list.getValue()) {
                index++;
                if (!(item instanceof MappingNode theCase)) {
                    throw new IllegalArgumentException("case-" + index + " is not a mapping");
                }
                Entries want = want(inputNames, answer(answers, "case-" + index));
                NodeTuple caseExpect = tuple(theCase, "expect");
                if (caseExpect != null) {
                    update(caseExpect.getValueNode(), want);
                } else {
                    NodeTuple inputs = tuple(theCase, "inputs");
                    List<NodeTuple> entries = theCase.getValue();
                    insert(theCase, inputs != null ? inputs : entries.isEmpty() ? null
                            : entries.get(entries.size() - 1),
                            "expect", want);
                }
            }
        }
        return apply();
    }

    private static Written answer(Function<String, Written> answers, String name) {
        Written answer = answers.apply(name);
        if (answer == null) {
            throw new IllegalArgumentException("no answer for " + name);
        }
        return answer;
    }

    private static Entries want(List<String> inputNames, Written answer) {
        if (answer.grads().size() != inputNames.size()) {
            throw new IllegalArgumentException("expected " + inputNames.size() + " gradients, got "
                    + answer.grads().size());
        }
        Map<String, Want> grad = new LinkedHashMap<>();
        for (int k = 0; k < inputNames.size(); k++) {
            grad.put(inputNames.get(k), new Num(answer.grads().get(k)));
        }
        Map<String, Want> expect = new LinkedHashMap<>();
        expect.put("value", new Num(answer.value()));
        expect.put("grad", new Entries(grad));
        return new Entries(expect);
    }

    private static String number(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("cannot expect " + NumberText.format(x)
                    + ": the spec is ill-posed there");
        }
        return NumberText.format(x);
    }

    // ---- edits ---------------------------------------------------------------------------------

    /** Makes an existing value say what is wanted, in place. */
    private void update(Node node, Want want) {
        if (want instanceof Num num) {
            if (!(node instanceof ScalarNode) && !(node instanceof SequenceNode)) {
                throw new IllegalArgumentException("line " + (node.getStartMark().getLine() + 1)
                        + ": expected a number or a list here");
            }
            // A list (a tensor's) is replaced as a whole by the flow list wanted, wherever it ends.
            int start = index(node.getStartMark());
            int end = node instanceof SequenceNode ? contentEnd(node) : index(node.getEndMark());
            if (!text.substring(start, end).equals(num.text())) {
                edit(start, end, num.text());
            }
            return;
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new IllegalArgumentException("line " + (node.getStartMark().getLine() + 1)
                    + ": expected a mapping here");
        }
        NodeTuple anchor = null;
        boolean inserted = false;
        for (Map.Entry<String, Want> e : ((Entries) want).entries().entrySet()) {
            NodeTuple existing = tuple(mapping, e.getKey());
            if (existing != null) {
                update(existing.getValueNode(), e.getValue());
                anchor = existing;
            } else {
                insert(mapping, anchor, e.getKey(), e.getValue(), inserted);
                inserted = true;
            }
        }
    }

    private void insert(MappingNode mapping, NodeTuple after, String key, Want want) {
        insert(mapping, after, key, want, false);
    }

    /**
     * Adds {@code key: want} to a mapping, after the entry {@code after} (or first, when it is null),
     * in the mapping's own style. A new nested mapping is always written in flow style.
     * {@code follows} says an entry was inserted at the same place just before this one (which
     * matters only in an empty flow mapping, where the two need a comma between them).
     */
    private void insert(MappingNode mapping, NodeTuple after, String key, Want want, boolean follows) {
        String entry = key + ": " + flow(want);
        List<NodeTuple> entries = mapping.getValue();
        if (mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            if (entries.isEmpty()) {
                int at = index(mapping.getStartMark()) + 1;
                edit(at, at, (follows ? ", " : "") + entry);
            } else if (after == null) {
                int at = index(entries.get(0).getKeyNode().getStartMark());
                edit(at, at, entry + ", ");
            } else {
                int at = index(after.getValueNode().getEndMark());
                edit(at, at, ", " + entry);
            }
            return;
        }
        // A block mapping is never empty; its first key's column is its indentation.
        String indent = " ".repeat(entries.get(0).getKeyNode().getStartMark().getColumn());
        if (after == null) {
            int at = index(entries.get(0).getKeyNode().getStartMark());
            edit(at, at, entry + newline + indent);
        } else {
            int at = lineEnd(contentEnd(after.getValueNode()));
            edit(at, at, newline + indent + entry);
        }
    }

    /** A missing top-level {@code expect}: a block after the output: line, or else after the graph. */
    private void insertTopLevel(MappingNode top, Entries want) {
        NodeTuple anchor = tuple(top, "output");
        if (anchor == null) {
            anchor = tuple(top, "graph") != null ? tuple(top, "graph") : tuple(top, "generate");
        }
        if (anchor == null) {
            throw new IllegalArgumentException("the spec has neither graph: nor generate:");
        }
        if (top.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            insert(top, anchor, "expect", want);
            return;
        }
        int column = top.getValue().get(0).getKeyNode().getStartMark().getColumn();
        String indent = " ".repeat(column);
        String inner = " ".repeat(column + indentUnit(top));
        StringBuilder block = new StringBuilder(newline).append(indent).append("expect:");
        for (Map.Entry<String, Want> e : want.entries().entrySet()) {
            block.append(newline).append(inner).append(e.getKey()).append(": ").append(flow(e.getValue()));
        }
        int at = lineEnd(contentEnd(anchor.getValueNode()));
        edit(at, at, block.toString());
    }

    /** The file's indentation step, from its first nested block mapping; 2 if it has none. */
    private static int indentUnit(MappingNode top) {
        for (NodeTuple t : top.getValue()) {
            if (t.getValueNode() instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
                    && !m.getValue().isEmpty()) {
                int unit = m.getValue().get(0).getKeyNode().getStartMark().getColumn()
                        - t.getKeyNode().getStartMark().getColumn();
                if (unit > 0) {
                    return unit;
                }
            }
        }
        return DEFAULT_INDENT;
    }

    private static String flow(Want want) {
        if (want instanceof Num num) {
            return num.text();
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Want> e : ((Entries) want).entries().entrySet()) {
            parts.add(e.getKey() + ": " + flow(e.getValue()));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    private void edit(int start, int end, String replacement) {
        edits.add(new Edit(start, end, replacement, edits.size()));
    }

    /** The text with every edit made; edits at the same place go in the order they were made. */
    private String apply() {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::sequence));
        StringBuilder out = new StringBuilder(text.length() + 64 * sorted.size());
        int copied = 0;
        for (Edit e : sorted) {
            if (e.start() < copied) {
                throw new IllegalStateException("overlapping edits at offset " + e.start());
            }
            out.append(text, copied, e.start()).append(e.text());
            copied = e.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    // ---- positions -----------------------------------------------------------------------------

    private static NodeTuple tuple(MappingNode mapping, String key) {
        for (NodeTuple t : mapping.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Where a node's own text ends, without the trailing line breaks and comments a block
     * collection's end mark may include: for a block collection, the end of its last item.
     */
    private int contentEnd(Node node) {
        if (node instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
                && !m.getValue().isEmpty()) {
            return contentEnd(m.getValue().get(m.getValue().size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode s && s.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
                && !s.getValue().isEmpty()) {
            return contentEnd(s.getValue().get(s.getValue().size() - 1));
        }
        int start = index(node.getStartMark());
        int end = index(node.getEndMark());
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--; // a block scalar's end mark is past its line breaks
        }
        return end;
    }

    /** The end of the line {@code at} is on, before its line break (after any comment on it). */
    private int lineEnd(int at) {
        int nl = text.indexOf('\n', at);
        if (nl < 0) {
            return text.length();
        }
        return nl > 0 && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
    }

    /** A mark's offset in the text: SnakeYAML counts code points, Java strings count chars. */
    private int index(Mark mark) {
        return bmpOnly ? mark.getIndex() : text.offsetByCodePoints(0, mark.getIndex());
    }
}
