package org.topograd.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.topograd.worker.Messages;

/**
 * A worker's answer on a tensor graph is checked against the graph's elements, not its nodes: a
 * result as long as the node count is a corrupted channel there, as a short one is for scalars.
 */
class TensorRepliesTest {
    /** X [2, 3] and sum(X) []: 2 nodes, 7 elements. */
    private static final Messages.TensorGraphMessage GRAPH = new Messages.TensorGraphMessage(5, new int[] {0, 3},
            new int[] {-1, 0}, new int[] {-1, -1}, new double[2], new String[] {"X", null}, 1, new int[] {2, 0},
            new int[] {2, 3}, new double[0]);

    private static Messages.Result values(int n) {
        return new Messages.Result(null, new double[n], null, null, null, "");
    }

    @Test
    void valuesAndGradsCountElements() {
        Messages.Forward forward = new Messages.Forward(5, new double[6], new int[] {0, 1});
        assertNull(Replies.problem(GRAPH, forward, values(7)));
        assertEquals("values for 2 nodes or points where 7 were expected", Replies.problem(GRAPH, forward, values(2)));
        Messages.Grads grads = new Messages.Grads(5, new double[6], new int[] {0, 1}, new double[] {1, 0});
        assertNull(Replies.problem(GRAPH, grads, new Messages.Result(null, new double[7], new double[14], null, null,
                "")));
        assertEquals("grads for 7 nodes or points where 14 were expected", Replies.problem(GRAPH, grads,
                new Messages.Result(null, new double[7], new double[7], null, null, "")));
        assertNull(Replies.valuesProblem(GRAPH, new double[7]));
    }

    /** The traversal's probe nodes are scalars: one gradient a node; a misshapen array's failure names a node. */
    @Test
    void theTraversalCountsNodesAndFailuresNameNodes() {
        Messages.Traversal traversal = new Messages.Traversal(5, new double[6], new double[4]);
        assertNull(Replies.problem(GRAPH, traversal, new Messages.Result(null, null, new double[2], new int[] {0, 1},
                new int[] {1}, "")));
        Messages.Misshapen m = new Messages.Misshapen(0, true, new int[] {3}, new int[] {2, 3});
        assertNull(Replies.problem(GRAPH, new Messages.Forward(5, new double[6], new int[] {0, 1}),
                new Messages.Result(new Messages.Failure("backward:1", m.text(), List.of()), null, null, null, null,
                        "")));
        assertEquals("a location that is not one: 'backward:2'", Replies.problem(GRAPH,
                new Messages.Forward(5, new double[6], new int[] {0, 1}), new Messages.Result(
                        new Messages.Failure("backward:2", m.text(), List.of()), null, null, null, null, "")));
    }
}
