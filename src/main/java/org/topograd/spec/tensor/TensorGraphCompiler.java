package org.topograd.spec.tensor;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.topograd.spec.ExpressionException;
import org.topograd.spec.ExpressionParser;
import org.topograd.spec.Location;
import org.topograd.spec.Problem;
import org.topograd.spec.Suggest;

/**
 * Turns a tensor spec's inputs, constants and {@code graph:} entries into a {@link TensorGraph}:
 * parses each expression, resolves its names and adds its nodes, whose shapes
 * {@link TensorGraph.Builder} infers and checks.
 *
 * <p>Every problem is reported at its place: a shape error at the operation that fails (the column
 * where {@code X @ W} starts), with both shapes. An entry that fails is left out, and the entries
 * that use it are not checked (their problem is upstream), but every other entry still is, so the
 * independent problems of a file are reported in one run.
 *
 * <p>Entries are in order, each using only inputs, constants and entries above it; so a cycle is
 * always a use before a definition, and reported as one.
 */
final class TensorGraphCompiler {
    /** Longer labels are shortened in the middle, as the scalar compiler's are. */
    static final int MAX_LABEL = 60;
    /** As in the scalar reader: each suggestion costs a look at every name. */
    private static final int MAX_SUGGESTIONS = 50;

    private record Declared(String name, String text, Location at, Location origin) {}

    private final Path file;
    private final List<Problem> problems;
    private final TensorGraph.Builder builder = TensorGraph.builder();
    private final Map<String, Integer> ids = new HashMap<>();
    /** Names whose node could not be made; their problem is reported, and their users are skipped. */
    private final Set<String> broken = new HashSet<>();
    private final Map<String, Declared> entries = new LinkedHashMap<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<String> known = new ArrayList<>();

    TensorGraphCompiler(Path file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** An input; an empty shape means its value was wrong (and reported). */
    void input(String name, Optional<Shape> shape) {
        known.add(name);
        shape.ifPresentOrElse(s -> ids.put(name, builder.input(name, s)), () -> broken.add(name));
    }

    /** A constant; an empty value means it was wrong (and reported). */
    void constant(String name, Optional<TensorValue> value) {
        known.add(name);
        value.ifPresentOrElse(v -> ids.put(name, builder.name(builder.constant(v.shape(), v.elements(), name), name)),
                () -> broken.add(name));
    }

    /** A graph entry, in the order written; {@code origin} is where its expression's text starts. */
    void entry(String name, String text, Location at, Location origin) {
        entries.put(name, new Declared(name, text, at, origin));
        positions.put(name, positions.size());
    }

    /** An entry that could not even be declared (a bad name, a list for an expression): reported already. */
    void refused(String name) {
        broken.add(name);
    }

    /** Where each entry is named. */
    Map<String, Location> places() {
        Map<String, Location> places = new LinkedHashMap<>();
        entries.values().forEach(d -> places.put(d.name(), d.at()));
        return places;
    }

    /**
     * The graph, or empty when a problem was found.
     *
     * @param output the {@code output:} name, or null for the last entry
     * @param outputAt where {@code output:}'s value is written, or null
     */
    Optional<TensorGraph> compile(String output, Location outputAt) {
        int before = problems.size();
        List<String> order = new ArrayList<>(entries.keySet());
        for (int i = 0; i < order.size(); i++) {
            Declared d = entries.get(order.get(i));
            Optional<Integer> id = compileEntry(d, i);
            id.ifPresentOrElse(node -> ids.put(d.name(), builder.name(node, d.name())), () -> broken.add(d.name()));
            known.add(d.name());
        }
        if (entries.isEmpty()) {
            return Optional.empty(); // the reader has said why
        }
        String chosen = output != null ? output : order.get(order.size() - 1);
        Location chosenAt = output != null ? outputAt : entries.get(chosen).at();
        if (!ids.containsKey(chosen) && !broken.contains(chosen)) {
            problems.add(new Problem(chosenAt, "output names '" + chosen + "', which is not a node"
                    + suggestion(chosen) + "; name a graph entry"));
        }
        if (problems.size() > before || !broken.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(builder.build(ids.get(chosen)));
        } catch (ShapeException e) {
            problems.add(new Problem(chosenAt, e.getMessage()));
            return Optional.empty();
        }
    }

    /** The node an entry computes; empty, with its problem reported unless it is upstream. */
    private Optional<Integer> compileEntry(Declared d, int position) {
        TensorExpr expr;
        try {
            expr = ExpressionParser.parse(d.text(), TensorSyntax.INSTANCE);
        } catch (ExpressionException e) {
            problems.add(new Problem(inside(d, e.offset()), e.getMessage()));
            return Optional.empty();
        }
        if (expr instanceof TensorExpr.Ref ref) {
            problems.add(new Problem(d.at(), "'" + d.name() + ": " + ref.name() + "' only renames '" + ref.name()
                    + "'; use " + ref.name() + " directly or write what " + d.name() + " computes"));
            return Optional.empty();
        }
        boolean usable = true;
        for (TensorExpr.Ref ref : refs(expr)) {
            usable &= resolves(d, ref, position);
        }
        return usable ? build(d, expr) : Optional.empty();
    }

    /** Whether a name has a node; reports it unless its own problem is reported already. */
    private boolean resolves(Declared d, TensorExpr.Ref ref, int position) {
        String name = ref.name();
        if (ids.containsKey(name)) {
            return true;
        }
        if (broken.contains(name)) {
            return false;
        }
        Location at = inside(d, ref.start());
        Integer later = positions.get(name);
        if (name.equals(d.name())) {
            problems.add(new Problem(at, "'" + name + "' uses itself: a node cannot be computed from itself, since a"
                    + " computation graph is acyclic; use inputs, constants and entries above this one"));
        } else if (later != null && later > position) {
            problems.add(new Problem(at, "'" + name + "' is used before it is defined (it is on line "
                    + entries.get(name).at().line() + "): graph entries are in order, each using only inputs,"
                    + " constants and entries above it; move '" + name + "' above '" + d.name() + "'"));
        } else if (TensorOp.isFunctionName(name)) {
            problems.add(new Problem(at, "undefined name '" + name + "'; '" + name + "' is a function: write "
                    + name + "(...)"));
        } else {
            problems.add(new Problem(at, "undefined name '" + name + "'"
                    + suggestion(name)
                    + "; define it under inputs:, under constants: or as a graph entry above this one"));
        }
        return false;
    }

    /**
     * Adds an expression's nodes, operands first, with an explicit stack (a sum of 10,000 terms is a
     * tree 10,000 deep). The first shape rule that fails is reported at its operation's column.
     */
    private Optional<Integer> build(Declared d, TensorExpr root) {
        Deque<TensorExpr> pending = new ArrayDeque<>(List.of(root));
        Map<TensorExpr, Integer> done = new IdentityHashMap<>();
        while (!pending.isEmpty()) {
            TensorExpr expr = pending.peek();
            if (expr instanceof TensorExpr.Num num) {
                pending.pop();
                done.put(expr, builder.constant(num.value(), label(d.text(), num.start(), num.end())));
            } else if (expr instanceof TensorExpr.Ref ref) {
                pending.pop();
                done.put(expr, ids.get(ref.name()));
            } else {
                TensorExpr.Apply apply = (TensorExpr.Apply) expr;
                boolean ready = true;
                for (int k = apply.operands().size() - 1; k >= 0; k--) {
                    if (!done.containsKey(apply.operands().get(k))) {
                        pending.push(apply.operands().get(k));
                        ready = false;
                    }
                }
                if (ready) {
                    pending.pop();
                    int[] operands = apply.operands().stream().mapToInt(done::get).toArray();
                    try {
                        done.put(expr, builder.operation(apply.op(), operands, apply.param(),
                                label(d.text(), apply.start(), apply.end())));
                    } catch (ShapeException e) {
                        problems.add(new Problem(inside(d, apply.start()), e.getMessage()));
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.of(done.get(root));
    }

    /** " (did you mean 'x'?)", or nothing; nothing either past the first problems, where nobody reads it. */
    private String suggestion(String name) {
        if (problems.size() >= MAX_SUGGESTIONS) {
            return "";
        }
        return Suggest.nearest(name, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    private static String label(String text, int start, int end) {
        String label = text.substring(start, end).trim();
        if (label.length() <= MAX_LABEL) {
            return label;
        }
        int half = (MAX_LABEL - 5) / 2;
        return label.substring(0, half).trim() + " ... " + label.substring(label.length() - half).trim();
    }

    private static List<TensorExpr.Ref> refs(TensorExpr expr) {
        List<TensorExpr.Ref> refs = new ArrayList<>();
        Deque<TensorExpr> stack = new ArrayDeque<>(List.of(expr));
        while (!stack.isEmpty()) {
            TensorExpr e = stack.removeLast();
            if (e instanceof TensorExpr.Ref ref) {
                refs.add(ref);
            } else if (e instanceof TensorExpr.Apply apply) {
                for (int k = apply.operands().size() - 1; k >= 0; k--) {
                    stack.addLast(apply.operands().get(k));
                }
            }
        }
        return refs;
    }

    /** The location of an offset inside an entry's expression (exact for one-line expressions). */
    private Location inside(Declared d, int offset) {
        Location origin = d.origin();
        if (d.text().indexOf('\n') >= 0) {
            return origin;
        }
        return new Location(file, origin.line(), origin.column() + offset);
    }
}
