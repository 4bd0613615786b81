package org.topograd.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.topograd.spec.Op;

class DiscoveryTest {
    private static final Set<Op> USED = EnumSet.of(Op.ADD, Op.MUL, Op.POW, Op.EXP);

    private static ClassFacts node(String name, String op, String... constructors) {
        return new ClassFacts(name, true, true, op, List.of(constructors), false, null);
    }

    private static ClassFacts backprop(String name) {
        return new ClassFacts(name, true, false, null, List.of(""), true, null);
    }

    private static Discovery.Found choose(ClassFacts... classes) {
        return Discovery.choose(List.of(classes), USED);
    }

    private static List<ClassFacts> complete() {
        return new ArrayList<>(List.of(node("p.Add", "add", "Node,Node"), node("p.Mul", "mul", "Node,Node"),
                node("p.Pow", "pow", "Node,double"), node("p.Exp", "exp", "Node"), backprop("p.Topo")));
    }

    @Test
    void aCompleteSubmissionHasAClassForEveryUsedOpAndNoProblems() {
        Discovery.Found found = choose(complete().toArray(new ClassFacts[0]));
        assertEquals("p.Mul", found.ops().get(Op.MUL));
        assertEquals("p.Topo", found.backprop());
        assertEquals(List.of(), found.problems());
        assertTrue(found.missing().isEmpty());
    }

    @Test
    void aMissingOpIsNamedWithTheConstructorExpected() {
        List<ClassFacts> classes = complete();
        classes.removeIf(c -> "pow".equals(c.op()));
        Discovery.Found found = choose(classes.toArray(new ClassFacts[0]));
        assertEquals(List.of("no class for op pow: write a class with @Op(\"pow\") and a constructor"
                + " public Name(Node base, double exponent)"), found.problems());
        assertTrue(found.missing().containsKey(Op.POW));
    }

    @Test
    void opsNoSpecUsesAreNotRequired() {
        Discovery.Found found = choose(complete().toArray(new ClassFacts[0]));
        assertNull(found.missing().get(Op.SIN));
    }

    @Test
    void aWrongConstructorIsExplained() {
        List<ClassFacts> classes = complete();
        classes.removeIf(c -> "pow".equals(c.op()));
        classes.add(node("p.Power", "pow", "Node,int"));
        Discovery.Found found = choose(classes.toArray(new ClassFacts[0]));
        assertTrue(found.problems().contains("p.Power (@Op(\"pow\")) needs the constructor public"
                + " Power(Node base, double exponent); it has (Node, int)"), found.problems().toString());
    }

    @Test
    void twoClassesForOneOpAreReportedAndTheFirstIsGraded() {
        List<ClassFacts> classes = complete();
        classes.add(node("p.Times", "mul", "Node,Node"));
        Discovery.Found found = choose(classes.toArray(new ClassFacts[0]));
        assertEquals("p.Mul", found.ops().get(Op.MUL));
        assertTrue(found.problems().contains("two or more classes have @Op(\"mul\"): p.Mul, p.Times; grading p.Mul."
                + " Keep exactly one."), found.problems().toString());
    }

    @Test
    void annotationMistakesAreExplained() {
        List<ClassFacts> classes = complete();
        classes.add(node("p.Tan", "tanx", "Node"));
        classes.add(new ClassFacts("p.Base", false, true, "sin", List.of("Node"), false, null));
        classes.add(new ClassFacts("p.NotANode", true, false, "cos", List.of("Node"), false, null));
        Discovery.Found found = choose(classes.toArray(new ClassFacts[0]));
        assertTrue(found.problems().stream().anyMatch(p -> p.startsWith("p.Tan has @Op(\"tanx\"), which is not an"
                + " operation (did you mean \"tanh\"?)")), found.problems().toString());
        assertTrue(found.problems().contains("p.Base has @Op(\"sin\") but is abstract: put @Op on the concrete class"));
        assertTrue(found.problems().contains("p.NotANode has @Op(\"cos\") but does not extend org.topograd.api.Node"));
    }

    @Test
    void aNodeClassWithoutTheAnnotationIsPointedOut() {
        List<ClassFacts> classes = complete();
        classes.removeIf(c -> "exp".equals(c.op()));
        classes.add(node("p.ExpNode", null, "Node"));
        Discovery.Found found = choose(classes.toArray(new ClassFacts[0]));
        assertTrue(found.problems().get(0).endsWith("(p.ExpNode extends Node but has no @Op(\"exp\"))"),
                found.problems().toString());
    }

    @Test
    void noTraversalClassIsReportedAndTheNodesAreStillGraded() {
        List<ClassFacts> classes = complete();
        classes.removeIf(ClassFacts::backprop);
        classes.add(new ClassFacts("p.Topo", true, false, null, List.of("int"), true, null));
        Discovery.Found found = choose(classes.toArray(new ClassFacts[0]));
        assertNull(found.backprop());
        assertEquals("p.Add", found.ops().get(Op.ADD));
        assertTrue(found.problems().contains("p.Topo implements Backprop but has no constructor without arguments:"
                + " add public Topo()"), found.problems().toString());
    }

    @Test
    void nestedClassesAreShownAsWritten() {
        List<ClassFacts> classes = complete();
        classes.removeIf(c -> "exp".equals(c.op()));
        classes.add(node("p.Ops$Exp", "exp", "p.Ops,Node"));
        Discovery.Found found = choose(classes.toArray(new ClassFacts[0]));
        assertTrue(found.problems().contains("p.Ops.Exp (@Op(\"exp\")) needs the constructor public Exp(Node x);"
                + " it has (p.Ops, Node) (a nested class must be static)"), found.problems().toString());
    }
}
