package org.topograd.submission;

import java.util.List;

/**
 * What one compiled class of a submission declares, read from its class file: enough to choose the
 * classes to grade and to explain what is missing, without loading (let alone running) any of them.
 *
 * @param name binary class name, such as {@code backprop.ops.Arithmetic$Mul}
 * @param concrete neither abstract nor an interface
 * @param node a subclass of {@code org.topograd.api.Node}, directly or through the submission's own classes
 * @param op the {@code @Op} value, or null
 * @param constructors each declared constructor's parameter types, like {@code "Node,Node"}
 *     (types of the student API and {@code java.lang} by simple name)
 * @param backprop implements {@code org.topograd.api.Backprop}, directly or through its supertypes
 * @param problem why the class file could not be read, or null
 * @param tensorNode a subclass of {@code org.topograd.api.tensor.TensorNode}, as {@code node} is of {@code Node}
 * @param tensorBackprop implements {@code org.topograd.api.tensor.TensorBackprop}, as {@code backprop} does
 *     {@code Backprop}
 */
record ClassFacts(String name, boolean concrete, boolean node, String op, List<String> constructors,
        boolean backprop, String problem, boolean tensorNode, boolean tensorBackprop) {
    public ClassFacts {
        constructors = List.copyOf(constructors);
    }

    /** A class of the scalar API (or of none). */
    ClassFacts(String name, boolean concrete, boolean node, String op, List<String> constructors, boolean backprop,
            String problem) {
        this(name, concrete, node, op, constructors, backprop, problem, false, false);
    }
}
