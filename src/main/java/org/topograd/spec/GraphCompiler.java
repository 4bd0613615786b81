package org.topograd.spec;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a spec's {@code graph:} entries into a {@link Graph}: parses each expression, resolves its
 * names, and adds one node per operator application. A name used twice refers to one node, which
 * then has two parents (the multivariate chain rule).
 */
final class GraphCompiler {
    private record Declared(String name, String text, Location at, Location origin) {}

    private final Path file;
    private final Collection<String> inputs;
    private final List<Problem> problems;
    private final Map<String, Declared> declared = new LinkedHashMap<>();

    GraphCompiler(Path file, Collection<String> inputs, List<Problem> problems) {
        this.file = file;
        this.inputs = inputs;
        this.problems = problems;
    }

    void declare(String name, String text, Location at, Location origin) {
        declared.put(name, new Declared(name, text, at, origin));
    }

    /** The graph, or null when a problem was found (every problem is reported, not just the first). */
    Graph compile(String output, Location outputAt) {
        int before = problems.size();
        Map<String, Expr> parsed = new LinkedHashMap<>();
        for (Declared d : declared.values()) {
            try {
                Expr expr = ExpressionParser.parse(d.text());
                if (expr instanceof Expr.Ref ref) {
                    problems.add(new Problem(d.at(), "'" + d.name() + ": " + ref.name() + "' only renames '" + ref.name()
                            + "'; use " + ref.name() + " directly or write what " + d.name() + " computes"));
                } else {
                    parsed.put(d.name(), expr);
                }
            } catch (ExpressionException e) {
                problems.add(new Problem(inside(d, e.offset()), e.getMessage()));
            }
        }
        Set<String> cyclic = reportCycles(parsed);
        Set<String> usable = new HashSet<>(inputs);
        List<String> order = new ArrayList<>(declared.keySet());
        for (String name : parsed.keySet()) {
            checkNames(declared.get(name), parsed.get(name), usable, order, cyclic);
            usable.add(name);
        }
        if (output != null && !inputs.contains(output) && !declared.containsKey(output)) {
            List<String> names = new ArrayList<>(inputs);
            names.addAll(declared.keySet());
            problems.add(new Problem(outputAt, "output names '" + output + "', which is not a node"
                    + Suggest.nearest(output, names).map(s -> " (did you mean '" + s + "'?)").orElse("")
                    + "; name a graph entry"));
        }
        if (problems.size() > before) {
            return null;
        }
        return build(parsed, output != null ? output : order.get(order.size() - 1));
    }

    private Graph build(Map<String, Expr> parsed, String output) {
        Graph.Builder builder = Graph.builder();
        Map<String, Integer> ids = new HashMap<>();
        for (String input : inputs) {
            ids.put(input, builder.input(input));
        }
        for (Map.Entry<String, Expr> e : parsed.entrySet()) {
            String text = declared.get(e.getKey()).text();
            int id = add(builder, e.getValue(), text, ids);
            ids.put(e.getKey(), builder.name(id, e.getKey()));
        }
        return builder.build(ids.get(output));
    }

    private static int add(Graph.Builder builder, Expr expr, String text, Map<String, Integer> ids) {
        if (expr instanceof Expr.Num num) {
            return builder.constant(num.value());
        }
        if (expr instanceof Expr.Ref ref) {
            return ids.get(ref.name());
        }
        Expr.Apply apply = (Expr.Apply) expr;
        int[] operands = new int[apply.operands().size()];
        for (int k = 0; k < operands.length; k++) {
            operands[k] = add(builder, apply.operands().get(k), text, ids);
        }
        return builder.operation(apply.op(), operands, apply.exponent(),
                text.substring(apply.start(), apply.end()).trim());
    }

    /** Undefined names and forward references; cycles were reported already. */
    private void checkNames(Declared d, Expr expr, Set<String> usable, List<String> order, Set<String> cyclic) {
        for (Expr.Ref ref : refs(expr)) {
            String name = ref.name();
            if (usable.contains(name) || (cyclic.contains(d.name()) && declared.containsKey(name))) {
                continue;
            }
            Location at = inside(d, ref.start());
            if (declared.containsKey(name) && !name.equals(d.name())) {
                // An entry above this one whose own expression is broken has been reported already.
                boolean brokenAbove = order.indexOf(name) < order.indexOf(d.name());
                if (!cyclic.contains(name) && !brokenAbove) {
                    problems.add(new Problem(at, "'" + name + "' is used before it is defined (it is on line "
                            + declared.get(name).at().line() + "): graph entries are in order, each using only inputs"
                            + " and entries above it; move '" + name + "' above '" + d.name() + "'"));
                }
            } else if (!declared.containsKey(name)) {
                List<String> known = new ArrayList<>(usable);
                known.addAll(declared.keySet());
                known.sort(null);
                String hint = Op.function(name).isPresent()
                        ? "; '" + name + "' is a function: write " + name + "(...)"
                        : Suggest.nearest(name, known).map(s -> " (did you mean '" + s + "'?)").orElse("")
                                + "; define it under inputs: or as a graph entry above this one";
                problems.add(new Problem(at, "undefined name '" + name + "'" + hint));
            }
        }
    }

    /** Reports each cycle among graph entries once; returns the entries on cycles. */
    private Set<String> reportCycles(Map<String, Expr> parsed) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (Map.Entry<String, Expr> e : parsed.entrySet()) {
            List<String> targets = new ArrayList<>();
            for (Expr.Ref ref : refs(e.getValue())) {
                if (parsed.containsKey(ref.name()) && !targets.contains(ref.name())) {
                    targets.add(ref.name());
                }
            }
            edges.put(e.getKey(), targets);
        }
        Set<String> onCycle = new LinkedHashSet<>();
        for (String start : edges.keySet()) {
            if (onCycle.contains(start)) {
                continue;
            }
            List<String> path = pathBack(start, edges);
            if (path != null) {
                onCycle.addAll(path);
                Declared d = declared.get(start);
                problems.add(new Problem(d.at(), "cycle: " + String.join(" -> ", path) + " -> " + start
                        + ": a node cannot be computed from itself; a computation graph is acyclic"));
            }
        }
        return onCycle;
    }

    /** A path start -> ... -> x where x uses start, found iteratively (breadth first), or null. */
    private static List<String> pathBack(String start, Map<String, List<String>> edges) {
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>(List.of(start));
        while (!queue.isEmpty()) {
            String node = queue.removeFirst();
            for (String next : edges.getOrDefault(node, List.of())) {
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String at = node; at != null; at = parent.get(at)) {
                        path.add(0, at);
                    }
                    return path;
                }
                if (seen.add(next)) {
                    parent.put(next, node);
                    queue.addLast(next);
                }
            }
        }
        return null;
    }

    private static List<Expr.Ref> refs(Expr expr) {
        List<Expr.Ref> refs = new ArrayList<>();
        Deque<Expr> stack = new ArrayDeque<>(List.of(expr));
        while (!stack.isEmpty()) {
            Expr e = stack.removeLast();
            if (e instanceof Expr.Ref ref) {
                refs.add(ref);
            } else if (e instanceof Expr.Apply apply) {
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
