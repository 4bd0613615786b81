package org.topograd.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.topograd.spec.tensor.TensorOp;

/** Choosing a tensor submission's classes, and what is said about the rest. */
class TensorDiscoveryTest {
    private static ClassFacts tensorOp(String name, String op, String... constructors) {
        return new ClassFacts(name, true, false, op, List.of(constructors), false, null, true, false);
    }

    private static final ClassFacts SORTER = new ClassFacts("p.Sorter", true, false, null, List.of(""), false, null,
            false, true);

    @Test
    void oneClassPerOpWithItsTensorConstructor() {
        TensorDiscovery.Found found = TensorDiscovery.choose(List.of(tensorOp("p.Ops$MatMul", "matmul",
                "TensorNode,TensorNode"), tensorOp("p.Ops$SumAxis", "sum_axis", "TensorNode,int"), SORTER),
                Set.of(TensorOp.MATMUL, TensorOp.SUM_AXIS));
        assertEquals(Map.of(TensorOp.MATMUL, "p.Ops$MatMul", TensorOp.SUM_AXIS, "p.Ops$SumAxis"), found.ops());
        assertEquals("p.Sorter", found.backprop());
        assertEquals(List.of(), found.problems());
    }

    @Test
    void whatIsMissingOrWrongIsSaidWithTheConstructorExpected() {
        ClassFacts scalarNode = new ClassFacts("p.Exp", true, true, "exp", List.of("Node"), false, null);
        TensorDiscovery.Found found = TensorDiscovery.choose(List.of(tensorOp("p.SumAxis", "sum_axis", "TensorNode"),
                tensorOp("p.Soft", "softmaks", "TensorNode"), scalarNode), Set.of(TensorOp.SUM_AXIS, TensorOp.EXP));
        assertEquals(List.of(
                "p.SumAxis (@Op(\"sum_axis\")) needs the constructor public SumAxis(TensorNode x, int axis)",
                "p.Soft has @Op(\"softmaks\"), which is not a tensor operation (did you mean \"softmax\"?); the"
                        + " operations are " + String.join(", ", TensorOp.operations().stream().map(TensorOp::specName)
                        .toList()),
                "p.Exp has @Op(\"exp\") but does not extend org.topograd.api.tensor.TensorNode (it extends the"
                        + " scalar Node)",
                "no class for op exp: write a TensorNode class with @Op(\"exp\") and a constructor public"
                        + " Name(TensorNode x)",
                "no class for op sum_axis: write a TensorNode class with @Op(\"sum_axis\") and a constructor public"
                        + " Name(TensorNode x, int axis)",
                "no class implements org.topograd.api.tensor.TensorBackprop: the traversal and end-to-end checks"
                        + " cannot run; write one with a public no-argument constructor"), found.problems());
    }
}
