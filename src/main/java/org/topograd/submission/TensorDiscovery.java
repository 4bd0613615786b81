package org.topograd.submission;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.topograd.spec.Suggest;
import org.topograd.spec.tensor.TensorOp;

/**
 * {@link Discovery} for a tensor assignment: the {@code TensorNode} class for each tensor op and the
 * {@code TensorBackprop}, and what is missing or wrong, with the constructor expected.
 */
public final class TensorDiscovery {
    private TensorDiscovery() {}

    /**
     * The classes chosen.
     *
     * @param ops the class chosen for each op, in {@link TensorOp} order
     * @param backprop the class implementing {@code TensorBackprop}, or null
     * @param problems every message, in a fixed order
     * @param missing why an op some spec uses has no class
     */
    public record Found(Map<TensorOp, String> ops, String backprop, List<String> problems,
            Map<TensorOp, String> missing) {
        public Found {
            ops = inOpOrder(ops);
            problems = List.copyOf(problems);
            missing = inOpOrder(missing);
        }

        private static Map<TensorOp, String> inOpOrder(Map<TensorOp, String> map) {
            Map<TensorOp, String> ordered = new EnumMap<>(TensorOp.class);
            ordered.putAll(map);
            return Collections.unmodifiableMap(ordered);
        }

        public boolean nothing() {
            return ops.isEmpty() && backprop == null;
        }
    }

    /**
     * @param classes what the submission's class files declare
     * @param used the ops the specs use: only these are required
     */
    public static Found choose(List<ClassFacts> classes, Set<TensorOp> used) {
        List<String> problems = new ArrayList<>();
        Map<TensorOp, List<String>> candidates = new EnumMap<>(TensorOp.class);
        List<String> backprops = new ArrayList<>();
        List<String> opNames = TensorOp.operations().stream().map(TensorOp::specName).toList();
        for (ClassFacts c : classes) {
            String name = Discovery.display(c.name());
            if (c.problem() != null) {
                problems.add("class " + name + ": " + c.problem());
                continue;
            }
            if (c.tensorBackprop() && c.concrete()) {
                if (c.constructors().contains("")) {
                    backprops.add(c.name());
                } else {
                    problems.add(name + " implements TensorBackprop but has no constructor without arguments: add"
                            + " public " + Discovery.simpleName(c.name()) + "()");
                }
            }
            if (c.op() == null) {
                continue;
            }
            Optional<TensorOp> op = TensorOp.operation(c.op());
            if (op.isEmpty()) {
                problems.add(name + " has @Op(\"" + c.op() + "\"), which is not a tensor operation"
                        + Suggest.nearest(c.op(), opNames).map(s -> " (did you mean \"" + s + "\"?)").orElse("")
                        + "; the operations are " + String.join(", ", opNames));
            } else if (!c.tensorNode()) {
                problems.add(name + " has @Op(\"" + c.op() + "\") but does not extend"
                        + " org.topograd.api.tensor.TensorNode" + (c.node() ? " (it extends the scalar Node)" : ""));
            } else if (!c.concrete()) {
                problems.add(name + " has @Op(\"" + c.op() + "\") but is abstract: put @Op on the concrete class");
            } else if (!c.constructors().contains(parameters(op.get()))) {
                problems.add(name + " (@Op(\"" + c.op() + "\")) needs the constructor "
                        + constructor(op.get(), c.name())
                        + (c.name().contains("$") ? " (a nested class must be static)" : ""));
            } else {
                candidates.computeIfAbsent(op.get(), o -> new ArrayList<>()).add(c.name());
            }
        }
        Map<TensorOp, String> chosen = new EnumMap<>(TensorOp.class);
        Map<TensorOp, String> missing = new EnumMap<>(TensorOp.class);
        for (TensorOp op : TensorOp.operations()) {
            List<String> forOp = candidates.getOrDefault(op, List.of());
            if (!forOp.isEmpty()) {
                chosen.put(op, forOp.get(0));
                if (forOp.size() > 1) {
                    problems.add("two or more classes have @Op(\"" + op.specName() + "\"): " + String.join(", ",
                            forOp.stream().map(Discovery::display).toList()) + "; grading "
                            + Discovery.display(forOp.get(0)) + ". Keep exactly one.");
                }
            } else if (used.contains(op)) {
                String why = "no class for op " + op.specName() + ": write a TensorNode class with @Op(\""
                        + op.specName() + "\") and a constructor " + constructor(op, "Name");
                missing.put(op, why);
                problems.add(why);
            }
        }
        String backprop = null;
        if (backprops.isEmpty()) {
            problems.add("no class implements org.topograd.api.tensor.TensorBackprop: the traversal and end-to-end"
                    + " checks cannot run; write one with a public no-argument constructor");
        } else {
            backprop = backprops.get(0);
            if (backprops.size() > 1) {
                problems.add("two or more classes implement TensorBackprop: " + String.join(", ",
                        backprops.stream().map(Discovery::display).toList()) + "; grading "
                        + Discovery.display(backprop) + ". Keep exactly one.");
            }
        }
        return new Found(chosen, backprop, problems, missing);
    }

    /** Constructor parameters as the class scanner writes them. */
    static String parameters(TensorOp op) {
        return switch (op.arity()) {
            case UNARY -> "TensorNode";
            case BINARY -> "TensorNode,TensorNode";
            case POWER -> "TensorNode,double";
            case AXIS -> "TensorNode,int";
            case LEAF -> throw new IllegalArgumentException(op + " is a leaf");
        };
    }

    static String constructor(TensorOp op, String className) {
        return "public " + Discovery.simpleName(className) + op.arity().constructor();
    }
}
