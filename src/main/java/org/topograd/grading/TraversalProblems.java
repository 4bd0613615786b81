package org.topograd.grading;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.topograd.spec.Graph;

/**
 * What exactly is wrong with a student's traversal, from the order it returned and the order in
 * which it called the probe nodes' backward(): the lecture's ideas, named.
 */
final class TraversalProblems {
    private TraversalProblems() {}

    /**
     * What the checks read of a graph: its structure and its nodes' names. A scalar {@link Graph} and a
     * tensor graph alike, for the traversal check runs on scalar probe nodes of either's structure.
     */
    interface Structure {
        int operandCount(int node);

        int operand(int node, int k);

        /** The node as students know it ({@link Judge#name}). */
        String name(int node);

        static Structure of(Graph graph) {
            return new Structure() {
                @Override public int operandCount(int node) { return graph.operandCount(node); }
                @Override public int operand(int node, int k) { return graph.operand(node, k); }
                @Override public String name(int node) { return Judge.name(graph, node); }
            };
        }
    }

    static String order(Graph graph, int[] reachable, int[] returned) {
        return order(Structure.of(graph), reachable, returned);
    }

    static String calls(Graph graph, int[] reachable, int[] calls) {
        return calls(Structure.of(graph), reachable, calls);
    }

    /** Null if {@code returned} is a topological order of the reachable nodes, else what is wrong. */
    static String order(Structure graph, int[] reachable, int[] returned) {
        if (returned == null) {
            return "returned null instead of a list of nodes";
        }
        Set<Integer> wanted = new HashSet<>();
        for (int node : reachable) {
            wanted.add(node);
        }
        Map<Integer, Integer> position = new HashMap<>();
        int foreign = 0;
        for (int i = 0; i < returned.length; i++) {
            int node = returned[i];
            if (node < 0 || !wanted.contains(node)) {
                foreign++;
                continue;
            }
            if (position.putIfAbsent(node, i) != null) {
                return "lists " + graph.name(node) + " more than once; each reachable node must appear exactly"
                        + " once (keep a set of visited nodes)";
            }
        }
        if (foreign > 0) {
            return "returned " + foreign + " node(s) that are not in the graph reachable from the output (null or"
                    + " made up)";
        }
        for (int node : reachable) {
            if (!position.containsKey(node)) {
                return "leaves out " + graph.name(node) + "; it must hold every node reachable from the output ("
                        + reachable.length + " nodes), inputs included";
            }
        }
        for (int node : reachable) {
            for (int k = 0; k < graph.operandCount(node); k++) {
                int input = graph.operand(node, k);
                if (position.get(input) > position.get(node)) {
                    return "puts " + graph.name(node) + " before its input " + graph.name(input)
                            + "; every node must come after all of its inputs";
                }
            }
        }
        return null;
    }

    /** Why the gradients came out wrong, read from the order of backward() calls; null if nothing stands out. */
    static String calls(Structure graph, int[] reachable, int[] calls) {
        if (calls == null) {
            return null;
        }
        Map<Integer, Integer> count = new HashMap<>();
        Map<Integer, Integer> last = new HashMap<>();
        for (int i = 0; i < calls.length; i++) {
            count.merge(calls[i], 1, Integer::sum);
            last.put(calls[i], i);
        }
        for (int node : reachable) {
            if (count.getOrDefault(node, 0) > 1) {
                return graph.name(node) + ".backward() ran " + count.get(node) + " times; each node's backward"
                        + " must run exactly once (recursing from the output runs a shared node once per path and"
                        + " double-counts: sort the nodes topologically and go through them in reverse)";
            }
        }
        for (int node : reachable) {
            if (graph.operandCount(node) > 0 && !count.containsKey(node)) {
                return graph.name(node) + ".backward() never ran; backward must visit every node";
            }
        }
        for (int node : reachable) {
            for (int k = 0; k < graph.operandCount(node); k++) {
                int input = graph.operand(node, k);
                if (count.containsKey(input) && last.get(input) < last.get(node)) {
                    return graph.name(input) + ".backward() ran before " + graph.name(node)
                            + ".backward(), which uses it, had added its share; go through the topological order in"
                            + " reverse, from the output back to the inputs";
                }
            }
        }
        return null;
    }
}
