package org.topograd.naming;

import java.util.ArrayList;
import java.util.List;
import org.topograd.spec.Graph;
import org.topograd.spec.Op;
import org.topograd.spec.Tolerance;

/**
 * Where a wrong gradient starts: the node whose gradient is wrong while every node that uses it
 * (toward the output) is right. Its gradient is made by its consumers' backward()s, so that is
 * where the mistake shows first; everything below it may only be inheriting the error.
 */
public final class Locator {
    private Locator() {}

    /**
     * @param node the first wrong node
     * @param consumers the reachable nodes that use it, each once, in topological order
     * @param got its gradient as the student computed it
     * @param want the right one
     */
    public record Spot(int node, List<Integer> consumers, double got, double want) {}

    /**
     * The first node, walking from the output toward the inputs (reverse topological order), whose
     * gradient is outside the tolerance; every node before it in that walk, which includes all of
     * its consumers, is right. Null if every gradient is right.
     */
    public static Spot find(Graph graph, int[] order, double[] got, double[] want, Tolerance tolerance) {
        if (got == null || want == null) {
            return null;
        }
        for (int i = order.length - 1; i >= 0; i--) {
            int node = order[i];
            if (graph.op(node) != Op.CONSTANT && !tolerance.accepts(got[node], want[node])) {
                return new Spot(node, consumers(graph, order, node), got[node], want[node]);
            }
        }
        return null;
    }

    public static List<Integer> consumers(Graph graph, int[] order, int node) {
        List<Integer> users = new ArrayList<>();
        for (int user : order) {
            for (int k = 0; k < graph.operandCount(user); k++) {
                if (graph.operand(user, k) == node && !users.contains(user)) {
                    users.add(user);
                }
            }
        }
        return users;
    }

    /** How many times each reachable node is used as an operand (an operand used twice counts twice). */
    public static int[] uses(Graph graph, int[] order) {
        int[] uses = new int[graph.size()];
        for (int node : order) {
            for (int k = 0; k < graph.operandCount(node); k++) {
                uses[graph.operand(node, k)]++;
            }
        }
        return uses;
    }

    /**
     * The number of paths from the output to each node: how often a recursion from the output
     * calls its backward(). Doubles, so that a huge count saturates instead of overflowing.
     */
    public static double[] paths(Graph graph, int[] order) {
        double[] paths = new double[graph.size()];
        paths[graph.output()] = 1;
        for (int i = order.length - 1; i >= 0; i--) {
            int node = order[i];
            for (int k = 0; k < graph.operandCount(node); k++) {
                paths[graph.operand(node, k)] += paths[node];
            }
        }
        return paths;
    }
}
