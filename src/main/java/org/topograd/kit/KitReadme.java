package org.topograd.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.topograd.spec.Op;
import org.topograd.spec.Spec;
import org.topograd.spec.tensor.TensorOp;
import org.topograd.spec.tensor.TensorSpec;

/** The kit's {@code README.md}: everything a student needs who has only the kit. */
final class KitReadme {
    /** How students run the kit's check. */
    static final String RUN = "java -jar topograd-student.jar";

    private KitReadme() {}

    /**
     * @param visible the kit's specs
     * @param hidden how many hidden specs grading adds
     * @param required every op the assignment requires, hidden specs' included
     * @param starter whether the kit has a starter folder
     */
    static String render(List<Spec> visible, int hidden, Set<Op> required, boolean starter,
            java.util.SortedSet<String> libraries) {
        Set<Op> inKit = java.util.EnumSet.noneOf(Op.class);
        visible.forEach(spec -> inKit.addAll(org.topograd.grading.WireGraph.ops(spec.graph())));
        StringBuilder api = new StringBuilder();
        scalarApi(api);
        List<String[]> ops = new ArrayList<>();
        for (Op op : Op.operations()) {
            if (required.contains(op)) {
                ops.add(new String[] {op.specName(), Starter.meaning(op), Starter.className(op)
                        + op.arity().constructor(), inKit.contains(op) ? "yes" : "no", Starter.className(op)});
            }
        }
        return render(visible.stream().map(Spec::id).toList(), hidden, starter, libraries, api.toString(), ops,
                "Backprop");
    }

    /**
     * A tensor assignment's README: the same, with the tensor API's contract and the tensor ops.
     *
     * @param required every tensor op the assignment requires, hidden specs' included
     */
    static String renderTensor(List<TensorSpec> visible, int hidden, Set<TensorOp> required, boolean starter,
            java.util.SortedSet<String> libraries) {
        Set<TensorOp> inKit = java.util.EnumSet.noneOf(TensorOp.class);
        visible.forEach(spec -> inKit.addAll(org.topograd.grading.TensorWireGraph.ops(spec.graph())));
        StringBuilder api = new StringBuilder();
        tensorApi(api);
        List<String[]> ops = new ArrayList<>();
        for (TensorOp op : TensorOp.operations()) {
            if (required.contains(op)) {
                ops.add(new String[] {op.specName(), Starter.meaning(op), Starter.className(op)
                        + op.arity().constructor(), inKit.contains(op) ? "yes" : "no", Starter.className(op)});
            }
        }
        return render(visible.stream().map(TensorSpec::id).toList(), hidden, starter, libraries, api.toString(), ops,
                "TensorBackprop");
    }

    /**
     * @param api the API's section
     * @param ops per required op: its name, what it computes, the constructor, whether a spec here
     *     uses it, the starter's class
     * @param traversal the API's traversal interface the student implements
     */
    private static String render(List<String> visible, int hidden, boolean starter,
            java.util.SortedSet<String> libraries, String api, List<String[]> ops, String traversal) {
        StringBuilder md = new StringBuilder();
        md.append("# Backpropagation: your starting kit\n\n");
        md.append("You implement the nodes of a computation graph (one class per operation) and backpropagation\n"
                + "over a whole graph, in Java, against a small API. This kit checks your code the way the grader\n"
                + "will, before you submit. You need Java 17 or newer (`java -version`).\n\n");

        md.append("## What is in the kit\n\n");
        md.append("| file | what it is |\n|---|---|\n");
        md.append("| `topograd-student.jar` | the checker: `").append(RUN).append(" check MY_FOLDER` |\n");
        md.append("| `api/topograd-api.jar` | the API your code compiles against: put it on your IDE's class path |\n");
        md.append("| `api/topograd-api-sources.jar` | the API's sources; attach them in your IDE to see its"
                + " documentation |\n");
        md.append("| `api/docs/index.html` | the API's documentation (Javadoc), to open in a browser |\n");
        if (starter) {
            md.append("| `starter/` | a submission to start from: it compiles as it is, and every method says TODO"
                    + " |\n");
        }
        md.append("| `specs/` | the graphs your code is checked on (do not edit them: the expected numbers are for"
                + " these) |\n");
        md.append("\n");

        md.append("## Getting started\n\n");
        md.append("```sh\n");
        String first = starter ? "cp -r starter my-work" : "mkdir my-work";
        List<String[]> steps = List.of(
                new String[] {first, "your submission: the .java files, at any depth"},
                new String[] {RUN + " check my-work", "what passes, what fails, and why"},
                new String[] {RUN + " check my-work --watch", "again at every save (Ctrl-C stops)"});
        int width = steps.stream().mapToInt(step -> step[0].length()).max().orElse(0);
        for (String[] step : steps) {
            md.append(step[0]).append(" ".repeat(width - step[0].length() + 2)).append("# ").append(step[1])
                    .append('\n');
        }
        md.append("```\n\n");
        md.append("Run it from anywhere: the kit finds its `specs/` beside the jar. For every check that fails,"
                + " `check`\n"
                + "prints the input point, what was expected and what your code gave, and often the likely mistake"
                + " and\n"
                + "the idea from the lecture that fixes it. Add `--json` for output that editors and scripts"
                + " read.\n\n");

        md.append(api);
        md.append("### The operations this assignment requires\n\n");
        md.append("Every one needs a class, even one that no spec in this kit uses (a hidden spec, or the course,\n"
                + "needs it): a missing class is a failure in `check`, as it will cost points when graded.\n\n");
        md.append("| `@Op` | computes | constructor | in this kit's specs |");
        if (starter) {
            md.append(" starter class |");
        }
        md.append("\n|---|---|---|---|");
        if (starter) {
            md.append("---|");
        }
        md.append('\n');
        for (String[] op : ops) {
            md.append("| `").append(op[0]).append("` | ").append(op[1]).append(" | `public ").append(op[2])
                    .append("` | ").append(op[3]).append(" |");
            if (starter) {
                md.append(" `").append(Starter.PACKAGE).append('.').append(op[4]).append("` |");
            }
            md.append('\n');
        }
        md.append("\nThe class names are yours to choose; the `@Op` and the constructor's parameters are what"
                + " count.\n\n");

        md.append("## What is checked\n\n");
        md.append("The specs in `specs/` (").append(visible.size()).append(visible.size() == 1 ? " spec" : " specs")
                .append("): ").append(String.join(", ", visible)).append(".\n");
        if (hidden > 0) {
            md.append("Grading adds ").append(hidden).append(hidden == 1 ? " hidden spec" : " hidden specs")
                    .append(" that are not in this kit; they use only the operations above.\n");
        }
        md.append("\nAt each input point of each spec (the spec's own inputs, its listed cases, and random"
                + " points):\n\n");
        List<String> checks = new ArrayList<>(List.of(
                "`forward`: your nodes' `forward()`, every node's value;",
                "`gradient`: your nodes' `backward()`, called in the right order by the grader: every gradient, also"
                        + " with the output's gradient set to 0 and to 2;",
                "`traversal`: your `" + traversal + "` on the grader's probe nodes: the order and the gradients;",
                "`end_to_end`: your `" + traversal + "` with your nodes;",
                "`numerical`: your own forward, differentiated numerically, against your backward."));
        for (String check : checks) {
            md.append("- ").append(check).append('\n');
        }
        md.append("\nThe expected values were computed when this kit was made. A spec file you change has none, and\n"
                + "`check` says so: keep `specs/` as it came.\n\n");

        md.append("## Setting up an IDE\n\n");
        md.append("Put `api/topograd-api.jar` on your project's class path, and attach `api/topograd-api-sources.jar`\n"
                + "as its sources to see the documentation as you type.\n\n");
        md.append("- IntelliJ IDEA: File > Project Structure > Libraries > + > Java, choose `api/topograd-api.jar`\n"
                + "  (it finds the sources jar beside it; otherwise Attach Sources).\n");
        md.append("- VS Code (Extension Pack for Java): in `.vscode/settings.json` of your folder,\n"
                + "  `\"java.project.referencedLibraries\": [\"path/to/kit/api/topograd-api.jar\"]`.\n");
        md.append("- Eclipse: Project > Properties > Java Build Path > Libraries > Add External JARs, then set\n"
                + "  Source attachment to `api/topograd-api-sources.jar`.\n");
        md.append("- Without an IDE: `javac -cp api/topograd-api.jar -d /tmp/out $(find my-work -name '*.java')`.\n\n");

        md.append("## Exit status\n\n");
        md.append("0: every check passes. 1: some check fails (or a required class is missing). 2: the command line"
                + " is\n"
                + "wrong. 3: the check could not be made (for example, a spec in `specs/` was changed).\n\n");
        md.append("## Notes\n\n");
        md.append("- Install bubblewrap (`sudo apt-get install bubblewrap`) to run your code isolated, as the grader\n"
                + "  does; without it your code runs in a plain child JVM, and `check` says so.\n");
        md.append("- What your code prints is shown (its first and last lines) before the results; printing does no\n"
                + "  harm, but it is slow in a loop.\n");
        md.append("- `").append(RUN).append(" --help` and `").append(RUN)
                .append(" check --help` explain every option.\n");
        md.append("- The jar includes ");
        List<String> named = libraries.stream().map(l -> KitJar.LIBRARIES.get(l).title() + " ("
                + KitJar.LIBRARIES.get(l).licence() + ")").toList();
        md.append(named.isEmpty() ? "no library" : String.join(", ", named.subList(0, named.size() - 1))
                + (named.size() > 1 ? " and " : "") + named.get(named.size() - 1));
        md.append("; each licence's text is in the jar, under `META-INF/licenses/`.\n");
        return md.toString();
    }

    private static void scalarApi(StringBuilder md) {
        md.append("## The API (`org.topograd.api`)\n\n");
        md.append("- `Node`: one node of a graph. Its public fields `value` and `grad` (a double each) read like the\n"
                + "  math; `inputs()` lists its operands in order (for `a - b`, `a` then `b`). Your op classes extend"
                + " it\n"
                + "  and call `super(...)` with their operands.\n");
        md.append("- `forward()`: sets `value` from the inputs' `value`s.\n");
        md.append("- `backward()`: reads this node's `grad` (d output / d this node) and **adds** its share to each\n"
                + "  input's grad: `input.grad += grad * d(value)/d(input)`. Add, never assign: a node used twice"
                + " must\n"
                + "  receive the sum of both shares (the multivariate chain rule). A node never calls another node's\n"
                + "  `forward()` or `backward()`: the traversal decides the order.\n");
        md.append("- `Input` and `Constant`: the leaves, given to you. An `Input` has a name and is differentiated; a\n"
                + "  `Constant` is a number written in the graph.\n");
        md.append("- `@Op(\"mul\")`: marks your class for one operation. Exactly one concrete class per operation;"
                + " classes\n"
                + "  may share code through abstract classes of your own (the lecture's generic unary function), but\n"
                + "  only the concrete classes carry `@Op`.\n");
        md.append("- `Backprop`: one class of yours with a public no-argument constructor and two methods:\n");
        md.append("  - `topologicalOrder(output)`: every node reachable from `output` (following `inputs()`), each\n"
                + "    exactly once, every node after all of its inputs; the output last.\n");
        md.append("  - `backward(output)`: the values are already computed and every `grad` starts at 0; set\n"
                + "    `output.grad = 1`, then call each node's `backward()` in **reverse** topological order, so"
                + " that\n"
                + "    a node passes its gradient on only after every node that uses it has added its share.\n\n");
        md.append("Your `Backprop` is also checked on its own, on the grader's own nodes (probe nodes: the same"
                + " graph,\n"
                + "with made-up local derivatives instead of the operations' math), so that a mistake in one"
                + " operation\n"
                + "does not cost the traversal too. So it must use only the `Node` API (`inputs()`, `grad`,\n"
                + "`backward()`), never cast a node to one of your classes or reach for fields of your own.\n\n");

    }

    private static void tensorApi(StringBuilder md) {
        md.append("## The API (`org.topograd.api.tensor`)\n\n");
        md.append("The lecture's nodes with arrays: the same idea, each value and gradient an `NDArray` (a scalar, a\n"
                + "vector or a matrix of doubles, immutable, with numpy's broadcasting, `matmul`, `sum`, `sumTo` and\n"
                + "more; its Javadoc in `api/docs` lists them all).\n\n");
        md.append("- `TensorNode`: one node of a graph. Its public fields `value` and `grad` are `NDArray`s of the same"
                + " shape;\n"
                + "  `inputs()` lists its operands in order. Your op classes extend it and call `super(...)` with"
                + " their operands.\n");
        md.append("- `forward()`: sets `value` from the inputs' `value`s.\n");
        md.append("- `backward()`: reads this node's `grad` (d output / d this node, the shape of `value`) and"
                + " **adds** its\n"
                + "  share to each input's grad, an array of that input's own shape:"
                + " `a.grad = a.grad.plus(grad.matmul(b.value.transpose()))`.\n"
                + "  Add, never assign: a node used twice must receive the sum of both shares. An operand that was"
                + " broadcast\n"
                + "  on the way forward gets its share summed back to its own shape (`sumTo`).\n");
        md.append("- `TensorInput` and `TensorConstant`: the leaves, given to you. Constants (such as a loss's labels)"
                + " are\n  never differentiated.\n");
        md.append("- `@Op(\"matmul\")` (`org.topograd.api.Op`): marks your class for one operation. Exactly one"
                + " concrete class\n  per operation.\n");
        md.append("- `TensorBackprop`: one class of yours with a public no-argument constructor and two methods:\n");
        md.append("  - `topologicalOrder(output)`: every node reachable from `output`, each exactly once, every node"
                + " after all\n    of its inputs; the output last.\n");
        md.append("  - `backward(output)`: the values are already computed; set every reachable `grad` to zeros of"
                + " its value's\n    shape and the output's to ones, then call each node's `backward()` in"
                + " **reverse** topological order.\n\n");
        md.append("Your `TensorBackprop` is also checked on its own, on the grader's own nodes (probe nodes with"
                + " made-up local\n"
                + "derivatives), so it must use only the `TensorNode` API, never cast a node to one of your"
                + " classes.\n\n");
    }
}
