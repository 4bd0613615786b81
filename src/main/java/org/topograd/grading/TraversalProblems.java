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

    /** Null if {@code returned} is a topological order of the reachable nodes, else what is wrong. */
    static String order(Graph graph, int[] reachable, int[] returned) {
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
                return "lists " + Judge.name(graph, node) + " more than once; each reachable node must appear exactly"
                        + " once (keep a set of visited nodes)";
            }
        }
        if (foreign > 0) {
            return "returned " + foreign + " node(s) that are not in the graph reachable from the output (null or"
                    + " made up)";
        }
        for (int node : reachable) {
            if (!position.containsKey(node)) {
                return "leaves out " + Judge.name(graph, node) + "; it must hold every node reachable from the output ("
                        + reachable.length + " nodes), inputs included";
            }
        }
        for (int node : reachable) {
            for (int k = 0; k < graph.operandCount(node); k++) {
                int input = graph.operand(node, k);
                if (position.get(input) > position.get(node)) {
                    return "puts " + Judge.name(graph, node) + " before its input " + Judge.name(graph, input)
                            + "; every node must come after all of its inputs";
                }
            }
        }
        return null;
    }

    /** Why the gradients came out wrong, read from the order of backward() calls; null if nothing stands out. */
    static String calls(Graph graph, int[] reachable, int[] calls) {
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
                return Judge.name(graph, node) + ".backward() ran " + count.get(node) + " times; each node's backward"
                        + " must run exactly once (recursing from the output runs a shared node once per path and"
                        + " double-counts: sort the nodes topologically and go through them in reverse)";
            }
        }
        for (int node : reachable) {
            if (graph.operandCount(node) > 0 && !count.containsKey(node)) {
                return Judge.name(graph, node) + ".backward() never ran; backward must visit every node";
            }
        }
        for (int node : reachable) {
            for (int k = 0; k < graph.operandCount(node); k++) {
                int input = graph.operand(node, k);
                if (count.containsKey(input) && last.get(input) < last.get(node)) {
                    return Judge.name(graph, input) + ".backward() ran before " + Judge.name(graph, node)
                            + ".backward(), which uses it, had added its share; go through the topological order in"
                            + " reverse, from the output back to the inputs";
                }
            }
        }
        return null;
    }
}
