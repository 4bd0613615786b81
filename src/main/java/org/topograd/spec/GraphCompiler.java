package org.topograd.spec;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a spec's {@code graph:} entries into a {@link Graph}: parses each expression, resolves its
 * names, and adds one node per operator application. A name used twice refers to one node, which
 * then has two parents (the multivariate chain rule).
 *
 * <p>Over 300 lines for a reason: resolving names, detecting cycles and reporting each problem at
 * its place in the file share the same tables of entries and their locations.
 */
final class GraphCompiler {
    private record Declared(String name, String text, Location at, Location origin) {}

    private final Path file;
    private final Collection<String> inputs;
    private final List<Problem> problems;
    private final Map<String, Declared> declared = new LinkedHashMap<>();
    private boolean reportedBefore;

    GraphCompiler(Path file, Collection<String> inputs, List<Problem> problems) {
        this.file = file;
        this.inputs = inputs;
        this.problems = problems;
    }

    /** Where each declared entry is named. */
    Map<String, Location> places() {
        Map<String, Location> places = new LinkedHashMap<>();
        declared.values().forEach(d -> places.put(d.name(), d.at()));
        return places;
    }

    void declare(String name, String text, Location at, Location origin) {
        declared.put(name, new Declared(name, text, at, origin));
    }

    /** The graph, or null when a problem was found (every problem is reported, not just the first). */
    Graph compile(String output, Location outputAt, Location graphAt) {
        int before = problems.size();
        Map<String, Expr> parsed = new LinkedHashMap<>();
        for (Declared d : declared.values()) {
            try {
                Expr expr = ExpressionParser.parse(d.text());
                if (expr instanceof Expr.Ref ref) {
                    problems.add(new Problem(d.at(), "'" + d.name() + ": " + ref.name() + "' only renames '"
                            + ref.name()
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
        Map<String, Integer> position = new HashMap<>();
        for (String name : declared.keySet()) {
            position.put(name, position.size());
        }
        for (String name : parsed.keySet()) {
            checkNames(declared.get(name), parsed.get(name), usable, position, cyclic);
            usable.add(name);
        }
        if (output != null && !inputs.contains(output) && !declared.containsKey(output)) {
            List<String> names = new ArrayList<>(inputs);
            names.addAll(declared.keySet());
            problems.add(new Problem(outputAt, "output names '" + output + "', which is not a node"
                    + Suggest.nearest(output, names).map(s -> " (did you mean '" + s + "'?)").orElse("")
                    + "; name a graph entry"));
        }
        if (declared.isEmpty()) {
            // Every entry was refused (its problem is reported already) or there were none: nothing to build.
            if (problems.size() == before && !reportedBefore) {
                problems.add(new Problem(graphAt,
                        "graph has no usable entry: add at least one node, such as y: a * b"));
            }
            return null;
        }
        if (problems.size() > before) {
            // (with an entry refused before, the graph is still built: its cases' problems are reported too)
            return null;
        }
        String last = null;
        for (String name : declared.keySet()) {
            last = name;
        }
        return build(parsed, output != null ? output : last);
    }

    /** An entry was refused before compiling (a bad name, a list for an expression): the graph is not built. */
    void refused() {
        reportedBefore = true;
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

    /**
     * Adds an expression's nodes, operands before the nodes that use them, with an explicit stack:
     * a sum of 10,000 terms is a tree 10,000 deep, and the spec, not topograd, would choose the
     * depth of a recursion.
     */
    private static int add(Graph.Builder builder, Expr root, String text, Map<String, Integer> ids) {
        Deque<Expr> pending = new ArrayDeque<>();
        Map<Expr, Integer> done = new IdentityHashMap<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Expr expr = pending.peek();
            if (expr instanceof Expr.Num num) {
                pending.pop();
                done.put(expr, builder.constant(num.value()));
            } else if (expr instanceof Expr.Ref ref) {
                pending.pop();
                done.put(expr, ids.get(ref.name()));
            } else {
                Expr.Apply apply = (Expr.Apply) expr;
                boolean ready = true;
                for (int k = apply.operands().size() - 1; k >= 0; k--) {
                    if (!done.containsKey(apply.operands().get(k))) {
                        pending.push(apply.operands().get(k));
                        ready = false;
                    }
                }
                if (ready) {
                    pending.pop();
                    int[] operands = new int[apply.operands().size()];
                    for (int k = 0; k < operands.length; k++) {
                        operands[k] = done.get(apply.operands().get(k));
                    }
                    done.put(expr, builder.operation(apply.op(), operands, apply.exponent(),
                            label(text, apply.start(), apply.end())));
                }
            }
        }
        return done.get(root);
    }

    /** Longer labels are shortened in the middle: a sum of 10,000 terms would otherwise hold its text 10,000 times. */
    static final int MAX_LABEL = 60;

    private static String label(String text, int start, int end) {
        String label = text.substring(start, end).trim();
        if (label.length() <= MAX_LABEL) {
            return label;
        }
        int half = (MAX_LABEL - 5) / 2;
        return label.substring(0, half).trim() + " ... " + label.substring(label.length() - half).trim();
    }

    /** Undefined names and forward references; cycles were reported already. */
    private void checkNames(Declared d, Expr expr, Set<String> usable, Map<String, Integer> position,
            Set<String> cyclic) {
        for (Expr.Ref ref : refs(expr)) {
            String name = ref.name();
            if (usable.contains(name) || (cyclic.contains(d.name()) && declared.containsKey(name))) {
                continue;
            }
            Location at = inside(d, ref.start());
            if (declared.containsKey(name) && !name.equals(d.name())) {
                // An entry above this one whose own expression is broken has been reported already.
                boolean brokenAbove = position.get(name) < position.get(d.name());
                if (!cyclic.contains(name) && !brokenAbove) {
                    problems.add(new Problem(at, "'" + name + "' is used before it is defined (it is on line "
                            + declared.get(name).at().line() + "): graph entries are in order, each using only inputs"
                            + " and entries above it; move '" + name + "' above '" + d.name() + "'"));
                }
            } else if (!declared.containsKey(name)) {
                String hint;
                if (Op.function(name).isPresent()) {
                    hint = "; '" + name + "' is a function: write " + name + "(...)";
                } else if (problems.size() < SpecReader.MAX_SUGGESTIONS) {
                    // Past that many problems nobody reads the hints, and each costs a look at every name.
                    List<String> known = new ArrayList<>(usable);
                    known.addAll(declared.keySet());
                    known.sort(null);
                    hint = Suggest.nearest(name, known).map(s -> " (did you mean '" + s + "'?)").orElse("")
                            + "; define it under inputs: or as a graph entry above this one";
                } else {
                    hint = "; define it under inputs: or as a graph entry above this one";
                }
                problems.add(new Problem(at, "undefined name '" + name + "'" + hint));
            }
        }
    }

    /**
     * Reports one cycle in each group of graph entries that use each other in a circle (each
     * strongly connected component with a cycle), from its first entry in the file; returns every
     * entry of those groups. Linear in the entries and uses: Tarjan's algorithm, iteratively, then
     * one breadth-first search inside each group for a shortest way back to its first entry.
     */
    private Set<String> reportCycles(Map<String, Expr> parsed) {
        List<String> names = new ArrayList<>(parsed.keySet());
        Map<String, Integer> id = new HashMap<>();
        for (String name : names) {
            id.put(name, id.size());
        }
        int n = names.size();
        int[][] edges = new int[n][];
        boolean[] selfLoop = new boolean[n];
        for (int v = 0; v < n; v++) {
            LinkedHashSet<Integer> targets = new LinkedHashSet<>();
            for (Expr.Ref ref : refs(parsed.get(names.get(v)))) {
                Integer w = id.get(ref.name());
                if (w != null) {
                    targets.add(w);
                    selfLoop[v] |= w == v;
                }
            }
            edges[v] = targets.stream().mapToInt(Integer::intValue).toArray();
        }
        int[] component = components(edges);
        // Group members by component, in file order; a component is cyclic if it has two members or a self-loop.
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int v = 0; v < n; v++) {
            members.computeIfAbsent(component[v], c -> new ArrayList<>()).add(v);
        }
        Set<String> onCycle = new LinkedHashSet<>();
        for (List<Integer> group : members.values()) {
            int start = group.get(0);
            if (group.size() == 1 && !selfLoop[start]) {
                continue;
            }
            group.forEach(v -> onCycle.add(names.get(v)));
            List<String> path = new ArrayList<>();
            for (int v : pathBack(start, edges, component)) {
                path.add(names.get(v));
            }
            Declared d = declared.get(names.get(start));
            problems.add(new Problem(d.at(), "cycle: " + shown(path) + " -> " + names.get(start)
                    + ": a node cannot be computed from itself; a computation graph is acyclic, so one of these"
                    + " entries must not use the next"));
        }
        return onCycle;
    }

    /** A long cycle by its ends: 40,000 names help nobody. */
    private static String shown(List<String> path) {
        if (path.size() <= 12) {
            return String.join(" -> ", path);
        }
        return String.join(" -> ", path.subList(0, 5)) + " -> ... (" + (path.size() - 10) + " more) -> "
                + String.join(" -> ", path.subList(path.size() - 5, path.size()));
    }

    /** Tarjan's strongly connected components, with an explicit stack; the component of each vertex. */
    private static int[] components(int[][] edges) {
        int n = edges.length;
        int[] index = new int[n];
        int[] low = new int[n];
        int[] component = new int[n];
        boolean[] onStack = new boolean[n];
        java.util.Arrays.fill(index, -1);
        int[] stack = new int[n];
        int top = 0;
        int[] callVertex = new int[n];
        int[] callEdge = new int[n];
        int next = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callVertex[0] = root;
            callEdge[0] = 0;
            index[root] = low[root] = next++;
            stack[top++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callVertex[depth];
                if (callEdge[depth] < edges[v].length) {
                    int w = edges[v][callEdge[depth]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = next++;
                        stack[top++] = w;
                        onStack[w] = true;
                        depth++;
                        callVertex[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                if (low[v] == index[v]) {
                    int w;
                    do {
                        w = stack[--top];
                        onStack[w] = false;
                        component[w] = components;
                    } while (w != v);
                    components++;
                }
                depth--;
                if (depth >= 0) {
                    int parent = callVertex[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        return component;
    }

    /** A shortest path start -> ... -> x inside start's component where x uses start (breadth first). */
    private static List<Integer> pathBack(int start, int[][] edges, int[] component) {
        Map<Integer, Integer> parent = new HashMap<>();
        Deque<Integer> queue = new ArrayDeque<>(List.of(start));
        Set<Integer> seen = new HashSet<>(List.of(start));
        while (!queue.isEmpty()) {
            int node = queue.removeFirst();
            for (int next : edges[node]) {
                if (next == start) {
                    List<Integer> path = new ArrayList<>();
                    for (Integer at = node; at != null; at = parent.get(at)) {
                        path.add(at);
                    }
                    java.util.Collections.reverse(path);
                    return path;
                }
                if (component[next] == component[start] && seen.add(next)) {
                    parent.put(next, node);
                    queue.addLast(next);
                }
            }
        }
        throw new IllegalStateException("no way back in a cyclic component"); // cannot happen
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
