package org.topograd.submission;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.topograd.spec.Op;
import org.topograd.spec.Suggest;

/**
 * Chooses, from what the compiled classes declare, the class for each op and the
 * traversal, and explains everything that is missing or wrong with the class and the signature
 * expected. Whatever is present is still graded.
 */
public final class Discovery {
    private Discovery() {}

    /**
     * The classes chosen.
     *
     * @param ops the class chosen for each op, in {@link Op#operations()} order
     * @param backprop the class implementing {@code Backprop}, or null
     * @param problems every message, in a fixed order
     * @param missing why an op has no class (only for ops that some spec uses)
     */
    public record Found(Map<Op, String> ops, String backprop, List<String> problems, Map<Op, String> missing) {
        public Found {
            // Enum order, so that everything done op by op happens in the same order every run.
            ops = inOpOrder(ops);
            problems = List.copyOf(problems);
            missing = inOpOrder(missing);
        }

        private static Map<Op, String> inOpOrder(Map<Op, String> map) {
            Map<Op, String> ordered = new EnumMap<>(Op.class);
            ordered.putAll(map);
            return Collections.unmodifiableMap(ordered);
        }

        public boolean nothing() {
            return ops.isEmpty() && backprop == null;
        }
    }

    /**
     * @param classes what the submission's class files declare ({@link ClassScanner})
     * @param used the ops the specs use: only these are required
     */
    public static Found choose(List<ClassFacts> classes, Set<Op> used) {
        List<String> problems = new ArrayList<>();
        Map<Op, List<String>> candidates = new EnumMap<>(Op.class);
        List<String> backprops = new ArrayList<>();
        Map<String, ClassFacts> unannotated = new TreeMap<>();
        List<String> opNames = Op.operations().stream().map(Op::specName).toList();

        for (ClassFacts c : classes) {
            String name = display(c.name());
            if (c.problem() != null) {
                problems.add("class " + name + ": " + c.problem());
                continue;
            }
            if (c.backprop() && c.concrete()) {
                if (c.constructors().contains("")) {
                    backprops.add(c.name());
                } else {
                    problems.add(name + " implements Backprop but has no constructor without arguments: add public "
                            + simpleName(c.name()) + "()");
                }
            }
            if (c.op() == null) {
                if (c.node() && c.concrete()) {
                    unannotated.put(c.name(), c);
                }
                continue;
            }
            Optional<Op> op = Op.operation(c.op());
            if (op.isEmpty()) {
                problems.add(name + " has @Op(\"" + c.op() + "\"), which is not an operation"
                        + Suggest.nearest(c.op(), opNames).map(s -> " (did you mean \"" + s + "\"?)").orElse("")
                        + "; the operations are " + String.join(", ", opNames));
            } else if (!c.node()) {
                problems.add(name + " has @Op(\"" + c.op() + "\") but does not extend org.topograd.api.Node");
            } else if (!c.concrete()) {
                problems.add(name + " has @Op(\"" + c.op() + "\") but is abstract: put @Op on the concrete class");
            } else if (!c.constructors().contains(parameters(op.get()))) {
                problems.add(name + " (@Op(\"" + c.op() + "\")) needs the constructor "
                        + constructor(op.get(), c.name())
                        + "; it has " + describe(c.constructors()) + (c.name().contains("$")
                                ? " (a nested class must be static)" : ""));
            } else {
                candidates.computeIfAbsent(op.get(), o -> new ArrayList<>()).add(c.name());
            }
        }

        Map<Op, String> chosen = new EnumMap<>(Op.class);
        Map<Op, String> missing = new EnumMap<>(Op.class);
        for (Op op : Op.operations()) {
            List<String> forOp = candidates.getOrDefault(op, List.of());
            if (!forOp.isEmpty()) {
                chosen.put(op, forOp.get(0));
                if (forOp.size() > 1) {
                    problems.add("two or more classes have @Op(\"" + op.specName() + "\"): " + String.join(", ",
                            forOp.stream().map(Discovery::display).toList()) + "; grading "
                            + display(forOp.get(0)) + ". Keep exactly one.");
                }
            } else if (used.contains(op)) {
                String why = "no class for op " + op.specName() + ": write a class with @Op(\"" + op.specName()
                        + "\") and a constructor " + constructor(op, "Name") + hint(op, unannotated);
                missing.put(op, why);
                problems.add(why);
            }
        }
        String backprop = null;
        if (backprops.isEmpty()) {
            problems.add("no class implements org.topograd.api.Backprop:"
                    + " the traversal and end-to-end checks cannot run;"
                    + " write one with a public no-argument constructor");
        } else {
            backprop = backprops.get(0);
            if (backprops.size() > 1) {
                problems.add("two or more classes implement Backprop: " + String.join(", ",
                        backprops.stream().map(Discovery::display).toList()) + "; grading " + display(backprop)
                        + ". Keep exactly one.");
            }
        }
        return new Found(chosen, backprop, problems, missing);
    }

    /** Constructor parameters as the worker reports them. */
    static String parameters(Op op) {
        return switch (op.arity()) {
            case UNARY -> "Node";
            case BINARY -> "Node,Node";
            case POWER -> "Node,double";
            case LEAF -> throw new IllegalArgumentException(op + " is a leaf");
        };
    }

    static String constructor(Op op, String className) {
        return "public " + simpleName(className) + op.arity().constructor();
    }

    private static String hint(Op op, Map<String, ClassFacts> unannotated) {
        for (String name : unannotated.keySet()) {
            String simple = simpleName(name).toLowerCase(Locale.ROOT);
            if (simple.equals(op.specName()) || simple.startsWith(op.specName() + "node")
                    || simple.equals(op.name().toLowerCase(Locale.ROOT) + "node")) {
                return " (" + display(name) + " extends Node but has no @Op(\"" + op.specName() + "\"))";
            }
        }
        return "";
    }

    private static String describe(List<String> constructors) {
        if (constructors.isEmpty()) {
            return "none";
        }
        return String.join(", ", constructors.stream().map(c -> "(" + c.replace(",", ", ") + ")").toList());
    }

    /** Class names as a student wrote them: nested classes with a dot. */
    public static String display(String binaryName) {
        return binaryName.replace('$', '.');
    }

    /** A class's name as its source declares it: {@code Mul} for {@code backprop.ops.Arithmetic$Mul}. */
    public static String simpleName(String binaryName) {
        String name = display(binaryName);
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
