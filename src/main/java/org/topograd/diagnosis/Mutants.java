package org.topograd.diagnosis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.topograd.engine.Calculus;
import org.topograd.engine.Derivatives;
import org.topograd.spec.Op;

/**
 * The catalogue of classic mistakes, in the order a diagnosis tries them: traversal mistakes,
 * then mistakes in how every backward() writes, then one op's derivative; the generic unary
 * function's mistake (every function's derivative at its output) comes after the single-function
 * ones, so that on a graph with one function the diagnosis names that function.
 *
 * <p>Only mistakes that are common in this course's kind of code are here; each one has a spec
 * shape that tells it apart from the right answer (see {@code topograd audit}).
 */
public final class Mutants {
    /** Recursion variants differ in numbers but are the same mistake, so they share the name. */
    public static final String RECURSION = "recursion-without-topological-order";

    private static final List<Mutant> ALL = build();

    private Mutants() {}

    /** Every mutant, in diagnosis order. */
    public static List<Mutant> all() {
        return ALL;
    }

    /** The distinct bug names, in catalogue order. */
    public static List<String> bugs() {
        return ALL.stream().map(Mutant::bug).distinct().toList();
    }

    /** A local derivative formula, wrong for some op: {@code x, y} operands, {@code p} exponent, {@code out} value. */
    @FunctionalInterface
    private interface Partial {
        double of(int k, double x, double y, double p, double out);
    }

    /** The exact rule with {@code op}'s derivative replaced. */
    private static Derivatives wrong(Op op, Partial partial) {
        return (o, k, x, y, p, out) -> o == op ? partial.of(k, x, y, p, out) : Calculus.partial(o, k, x, y, p, out);
    }

    /** f'(out) instead of f'(x): the derivative evaluated at the node's output. */
    private static double atOutput(Op op, double out) {
        return Calculus.partial(op, 0, out, 0, 0, Calculus.value(op, out, 0, 0));
    }

    private static NodeMutant rule(String bug, String mistake, String fix, Op op, Partial partial) {
        return new NodeMutant(bug, mistake, fix, NodeMutant.Write.ACCUMULATE, wrong(op, partial), Set.of(op));
    }

    private static NodeMutant atOutput(Op op, String formula) {
        String name = op.specName();
        return rule(name + "-derivative-at-output",
                name + "'s derivative evaluated at the node's output instead of its input (" + formula + ")",
                "The local derivative d" + name + "(x)/dx takes the node's input x: in the generic unary function,"
                        + " x.grad += grad * f'(x.value), not f'(value).",
                op, (k, x, y, p, out) -> atOutput(op, out));
    }

    private static List<Mutant> build() {
        List<Mutant> all = new ArrayList<>();
        String topological = "Sort the nodes topologically and call each node's backward() once, in reverse order"
                + " (the lecture's topo_order), so that a node passes its gradient on only after every node that"
                + " uses it has added its share.";
        all.add(new TraversalMutant(RECURSION, "backprop by recursion without a topological order", topological,
                TraversalMutant.Traversal.RECURSION));
        all.add(new TraversalMutant(RECURSION, "backprop by recursion without a topological order", topological,
                TraversalMutant.Traversal.RECURSION_LAST_INPUT_FIRST));
        all.add(new TraversalMutant("recursion-with-visited-set",
                "backprop by recursion with a visited set, which runs each backward() once but too early", topological,
                TraversalMutant.Traversal.RECURSION_WITH_VISITED_SET));
        all.add(new TraversalMutant("order-not-reversed",
                "calling backward() in topological order instead of reverse topological order",
                "Reverse the topological order and go from the output back to the inputs: a node must have its"
                        + " whole gradient before its backward() passes it on.",
                TraversalMutant.Traversal.NOT_REVERSED));
        all.add(new TraversalMutant("grad-reset-after-seed",
                "a backward pass whose gradients are all 0 (output.grad = 1 never set, or the gradients zeroed"
                        + " after it was set or inside the loop)",
                "Zero the gradients first, then set output.grad = 1, then call backward() in reverse topological"
                        + " order.",
                TraversalMutant.Traversal.RESET_AFTER_SEED));
        Set<Op> every = EnumSet.copyOf(Op.operations());
        all.add(new NodeMutant("assign-instead-of-accumulate",
                "a backward() that assigns input.grad = ... instead of adding to it with +=",
                "Add with +=: by the multivariate chain rule a node's gradient is the sum of the shares of every"
                        + " use of it.",
                NodeMutant.Write.ASSIGN, Derivatives.EXACT, every));
        all.add(new NodeMutant("upstream-not-multiplied",
                "a backward() that adds only the local derivative (input.grad += local) without multiplying by the"
                        + " node's own grad",
                "Multiply by the upstream gradient: input.grad += grad * d(value)/d(input), the chain rule.",
                NodeMutant.Write.IGNORE_UPSTREAM, Derivatives.EXACT, every));
        all.add(new NodeMutant("grad-reset-after-backward",
                "a backward() that resets the node's own grad to 0 when it is done",
                "A node's grad must keep d(output)/d(node) after the pass: zero the gradients once, before the"
                        + " backward pass, never inside it.",
                NodeMutant.Write.RESET_AFTER_BACKWARD, Derivatives.EXACT, every));

        all.add(rule("power-rule-n-x-to-the-n", "the power rule written n * x^n instead of n * x^(n-1)",
                "d(x^n)/dx = n * x^(n-1): the exponent drops by one.", Op.POW,
                (k, x, y, p, out) -> p * Math.pow(x, p)));
        all.add(rule("power-rule-missing-n", "the power rule written x^(n-1) without the factor n",
                "d(x^n)/dx = n * x^(n-1): the old exponent comes down as a factor.", Op.POW,
                // the right rule's precise x^(n-1), without its factor (x^-1 where n = 0 leaves none)
                (k, x, y, p, out) -> p == 0 ? 1 / x : Calculus.partial(Op.POW, 0, x, y, p, out) / p));
        all.add(rule("sub-sign-error", "a - b whose backward adds +grad to b (b.grad += grad)",
                "d(a - b)/db = -1: b.grad -= grad.", Op.SUB, (k, x, y, p, out) -> 1));
        all.add(rule("div-sign-error", "a / b whose backward gives b +a/b^2 (the minus is missing)",
                "d(a / b)/db = -a / b^2: b.grad -= grad * a / (b * b).", Op.DIV,
                (k, x, y, p, out) -> k == 0 ? 1 / y : -Calculus.partial(Op.DIV, 1, x, y, p, out)));
        all.add(rule("div-denominator-not-squared", "a / b whose backward gives b -a/b instead of -a/b^2",
                "d(a / b)/db = -a / b^2: the denominator is squared.", Op.DIV,
                (k, x, y, p, out) -> k == 0 ? 1 / y : -x / y));
        all.add(rule("mul-own-value", "a * b whose backward multiplies each input's gradient by its own value"
                        + " (a.grad += grad * a) instead of the other input's",
                "d(a * b)/da = b and d(a * b)/db = a: each input gets the other one's value.", Op.MUL,
                (k, x, y, p, out) -> k == 0 ? x : y));
        all.add(rule("cos-derivative-sign", "cos's derivative written sin(x) instead of -sin(x)",
                "d cos(x)/dx = -sin(x).", Op.COS, (k, x, y, p, out) -> Math.sin(x)));

        all.add(atOutput(Op.EXP, "exp(exp(x)) instead of exp(x)"));
        all.add(atOutput(Op.LOG, "1 / log(x) instead of 1 / x"));
        all.add(atOutput(Op.SQRT, "1 / (2 sqrt(sqrt(x))) instead of 1 / (2 sqrt(x))"));
        all.add(atOutput(Op.SIN, "cos(sin(x)) instead of cos(x)"));
        all.add(atOutput(Op.COS, "-sin(cos(x)) instead of -sin(x)"));
        all.add(atOutput(Op.TANH, "1 - tanh(tanh(x))^2 instead of 1 - tanh(x)^2"));
        all.add(atOutput(Op.SIGMOID, "sigmoid(s)(1 - sigmoid(s)) with s = sigmoid(x)"));

        all.add(rule("tanh-derivative-1-minus-x-squared",
                "tanh's derivative written 1 - x^2 with x the input, where 1 - t^2 needs t = tanh(x), the output",
                "d tanh(x)/dx = 1 - tanh(x)^2: use the node's value, 1 - value * value.", Op.TANH,
                (k, x, y, p, out) -> 1 - x * x));
        all.add(rule("sigmoid-derivative-x-times-1-minus-x",
                "sigmoid's derivative written x(1 - x) with x the input, where s(1 - s) needs s = sigmoid(x), the"
                        + " output",
                "d sigmoid(x)/dx = s(1 - s) with s = sigmoid(x): use the node's value, value * (1 - value).",
                Op.SIGMOID, (k, x, y, p, out) -> x * (1 - x)));
        all.add(rule("sqrt-derivative-1-over-2x",
                "sqrt's derivative written 1 / (2x) with x the input, where 1 / (2 s) needs s = sqrt(x), the output",
                "d sqrt(x)/dx = 1 / (2 sqrt(x)): use the node's value, 0.5 / value.", Op.SQRT,
                (k, x, y, p, out) -> 0.5 / x));

        Set<Op> functions = EnumSet.copyOf(Op.functions());
        all.add(new NodeMutant("unary-derivative-at-output",
                "a generic unary function that evaluates every f' at the node's output f(x) instead of its input x",
                "In the generic unary function, x.grad += grad * f'(x.value): the derivative takes the input.",
                NodeMutant.Write.ACCUMULATE,
                (o, k, x, y, p, out) -> functions.contains(o) ? atOutput(o, out) : Calculus.partial(o, k, x, y, p, out),
                functions));
        return List.copyOf(all);
    }
}
