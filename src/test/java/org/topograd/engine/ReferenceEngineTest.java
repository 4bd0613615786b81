package org.topograd.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.topograd.spec.Graph;
import org.topograd.spec.GraphGenerator;
import org.topograd.spec.Op;

class ReferenceEngineTest {
    /** Every reachable node exactly once, each after its operands; nothing unreachable. */
    static void assertTopological(Graph graph, int[] order) {
        boolean[] reachable = reachable(graph);
        int[] position = new int[graph.size()];
        java.util.Arrays.fill(position, -1);
        for (int i = 0; i < order.length; i++) {
            assertTrue(reachable[order[i]], "node " + order[i] + " is not reachable but is in the order");
            assertEquals(-1, position[order[i]], "node " + order[i] + " is in the order twice");
            position[order[i]] = i;
        }
        for (int node = 0; node < graph.size(); node++) {
            if (!reachable[node]) {
                continue;
            }
            assertTrue(position[node] >= 0, "reachable node " + node + " is missing");
            for (int k = 0; k < graph.operandCount(node); k++) {
                int operand = graph.operand(node, k);
                assertTrue(position[operand] < position[node], "node " + node + " comes before its operand " + operand);
            }
        }
        assertEquals(graph.output(), order[order.length - 1], "the output comes last");
    }

    /** Reachability by a simple fixed point over ids (operands are always earlier nodes). */
    private static boolean[] reachable(Graph graph) {
        boolean[] r = new boolean[graph.size()];
        r[graph.output()] = true;
        for (int node = graph.size() - 1; node >= 0; node--) {
            if (r[node]) {
                for (int k = 0; k < graph.operandCount(node); k++) {
                    r[graph.operand(node, k)] = true;
                }
            }
        }
        return r;
    }

    @Test
    void orderLeavesOutUnreachableNodes() {
        Graph.Builder b = Graph.builder();
        int a = b.input("a");
        int c = b.input("c");
        int unused = b.input("unused");
        int sum = b.binary(Op.ADD, a, c, "a + c");
        int dangling = b.unary(Op.SIN, a, "sin(a)");
        int out = b.binary(Op.MUL, sum, a, "(a + c) * a");
        Graph graph = b.build(out);

        int[] order = ReferenceEngine.topologicalOrder(graph);
        assertTopological(graph, order);
        assertEquals(4, order.length);
        List<Integer> ids = java.util.Arrays.stream(order).boxed().toList();
        assertFalse(ids.contains(unused));
        assertFalse(ids.contains(dangling));

        ReferenceEngine.Evaluation e = ReferenceEngine.evaluate(graph, new double[] {2, 3, 9});
        assertEquals(10, e.output(graph));
        assertEquals(2 * 2 + 3, e.grads()[a], "d((a + c) a)/da = 2a + c");
        assertEquals(2, e.grads()[c]);
        assertEquals(0, e.grads()[unused]);
        assertEquals(0, e.grads()[dangling]);
        assertEquals(0, e.values()[dangling], "unreachable nodes are not computed");
    }

    @Test
    void orderOfRandomGraphs() {
        List<Op> ops = List.of(Op.ADD, Op.MUL, Op.SIN, Op.POW, Op.SUB);
        for (long seed = 0; seed < 50; seed++) {
            Graph graph = GraphGenerator.randomDag(List.of("x", "y", "z"), 200, ops, seed, 1 + (int) (seed % 20));
            assertTopological(graph, ReferenceEngine.topologicalOrder(graph));
        }
    }

    @Test
    void nodeUsedTwiceGetsBothPaths() {
        // The lecture's b = a + a; c = b + b: dc/da = 4, not 1 or 2.
        Graph.Builder b = Graph.builder();
        int a = b.input("a");
        int bb = b.binary(Op.ADD, a, a, "b");
        b.binary(Op.ADD, bb, bb, "c");
        Graph graph = b.build();
        ReferenceEngine.Evaluation e = ReferenceEngine.evaluate(graph, new double[] {1.5});
        assertEquals(6, e.output(graph));
        assertEquals(4, e.grads()[a]);
        assertEquals(2, e.grads()[bb]);
    }

    @Test
    void millionNodeChainOnTheDefaultStack() throws InterruptedException {
        int n = 1_000_000;
        Graph graph = GraphGenerator.chain("x", Op.NEG, n);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<double[]> result = new AtomicReference<>();
        // A new thread with the JVM's default stack size: the engine must not recurse per node.
        Thread thread = new Thread(() -> {
            try {
                int[] order = ReferenceEngine.topologicalOrder(graph);
                ReferenceEngine.Evaluation e = ReferenceEngine.evaluate(graph, new double[] {1.25});
                result.set(new double[] {order.length, e.output(graph), e.grads()[graph.inputNode(0)]});
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.start();
        thread.join();
        assertNull(failure.get(), () -> "failed: " + failure.get());
        double sign = n % 2 == 0 ? 1 : -1;
        assertArrayEquals(new double[] {n + 1, sign * 1.25, sign}, result.get());
    }

    @Test
    void oddChainOfNegationsFlipsTheSign() {
        Graph graph = GraphGenerator.chain("x", Op.NEG, 7);
        ReferenceEngine.Evaluation e = ReferenceEngine.evaluate(graph, new double[] {2});
        assertEquals(-2, e.output(graph));
        assertEquals(-1, e.grads()[graph.inputNode(0)]);
    }

    @Test
    void backwardWithAnotherRuleUsesIt() {
        // The hook mutants use: a rule that forgets the factor 3 of the PowerNode.
        Graph.Builder b = Graph.builder();
        int x = b.input("x");
        b.power(x, 3, "x ^ 3");
        Graph graph = b.build();
        int[] order = ReferenceEngine.topologicalOrder(graph);
        double[] values = ReferenceEngine.forward(graph, order, new double[] {2});
        Derivatives forgetful = (op, k, u, v, p, out) -> op == Op.POW ? Math.pow(u, p - 1) : Calculus.partial(op, k, u, v, p, out);
        assertEquals(12, ReferenceEngine.backward(graph, order, values, 1)[x]);
        assertEquals(4, ReferenceEngine.backward(graph, order, values, 1, forgetful)[x]);
    }
}
