package org.topograd.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.topograd.numeric.NumericalGradient;
import org.topograd.sandbox.Limits;
import org.topograd.spec.Location;
import org.topograd.spec.NumberText;
import org.topograd.spec.Op;
import org.topograd.spec.Problem;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.YamlReader;
import org.topograd.submission.CompileLimits;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code specs/assignment.yaml}, the course-wide settings; every key is optional:
 *
 * <pre>
 * weights: {forward: 2, gradient: 3, traversal: 2, end_to_end: 2, numerical: 1}
 * limits: {case_cpu_seconds: 2, submission_seconds: 120}
 * numerical: {atol: 1e-5, rtol: 1e-4, richardson: false}
 * gradescope: {hidden_visibility: after_published}
 * ops: [add, sub, mul, div, pow, exp, log, sqrt]   # required even where no spec uses them
 * </pre>
 */
public final class AssignmentReader extends YamlReader {
    static final List<String> TOP_KEYS = List.of("weights", "limits", "numerical", "gradescope", "ops");
    static final List<String> LIMIT_KEYS = List.of("case_cpu_seconds", "submission_seconds", "compile_cpu_seconds",
            "class_files", "class_megabytes");
    static final List<String> NUMERICAL_KEYS = List.of("atol", "rtol", "richardson");
    static final List<String> GRADESCOPE_KEYS = List.of("hidden_visibility");

    private AssignmentReader(Path file) {
        super(file);
    }

    /** The outcome: the settings, or every problem in the file. */
    public sealed interface Result {
        record Valid(Assignment assignment) implements Result {}

        record Invalid(List<Problem> problems) implements Result {}
    }

    /** The settings in {@code specsDir}, or the defaults when it has no assignment file. */
    public static Result load(Path specsDir) {
        Path file = specsDir.resolve(SpecLoader.ASSIGNMENT_FILE);
        if (!Files.isRegularFile(file)) {
            return new Result.Valid(Assignment.DEFAULT);
        }
        AssignmentReader reader = new AssignmentReader(file);
        try {
            return reader.read(reader.source(file));
        } catch (RuntimeException | StackOverflowError e) {
            return new Result.Invalid(List.of(new Problem(new Location(file, 1, 1),
                    "topograd could not read this file ("
                    + e.getClass().getSimpleName() + "): this is a bug in topograd; please report it with the file")));
        }
    }

    private Result read(String text) {
        if (text == null) {
            return new Result.Invalid(sortedProblems());
        }
        Node root = compose(text);
        Assignment d = Assignment.DEFAULT;
        Assignment a = d;
        if (root instanceof MappingNode) {
            Map<String, Entry> top = mapping(root, "assignment.yaml", TOP_KEYS);
            Weights weights = optional(top, "weights").map(e -> weights(e.value())).orElse(d.weights());
            Limited limited = optional(top, "limits").map(e -> limits(e.value(), d))
                    .orElse(new Limited(d.limits(), d.compile()));
            NumericalGradient.Settings numerical = optional(top, "numerical")
                    .map(e -> numerical(e.value(), d.numerical())).orElse(d.numerical());
            GradescopeSettings gradescope = optional(top, "gradescope").map(e -> gradescope(e.value()))
                    .orElse(d.gradescope());
            java.util.Set<Op> ops = optional(top, "ops").map(e -> ops(e.value())).orElse(d.ops());
            a = new Assignment(weights, limited.run(), numerical, gradescope, ops, limited.compile());
        } else if (root != null) {
            problem(root.getStartMark(), "assignment.yaml is " + describe(root)
                    + ": write it as a mapping with the keys "
                    + String.join(", ", TOP_KEYS));
        }
        return problems.isEmpty() ? new Result.Valid(a) : new Result.Invalid(sortedProblems());
    }

    private Weights weights(Node node) {
        if (!isMapping(node, "weights", "{forward: 2, gradient: 3, traversal: 0, end_to_end: 2, numerical: 1}")) {
            return Weights.DEFAULT;
        }
        List<String> names = java.util.Arrays.stream(Check.values()).map(Check::reportName).toList();
        Map<Check, Integer> weights = new EnumMap<>(Weights.DEFAULT.byCheck());
        for (Entry e : mapping(node, "weights", names).values()) {
            OptionalLong w = integer(e.value(), "the weight of " + e.name(), 0, 1000);
            w.ifPresent(v -> weights.put(Check.valueOf(e.name().toUpperCase(java.util.Locale.ROOT)), (int) v));
        }
        if (weights.values().stream().allMatch(w -> w == 0)) {
            problem(node.getStartMark(), "every weight is 0, so no check would run: give at least one a weight");
        }
        return new Weights(weights);
    }

    /** The {@code limits} mapping: what running and what compiling a submission may cost. */
    private record Limited(Limits run, CompileLimits compile) {}

    private Limited limits(Node node, Assignment defaults) {
        if (!isMapping(node, "limits", "{case_cpu_seconds: 2, submission_seconds: 120}")) {
            return new Limited(defaults.limits(), defaults.compile());
        }
        Map<String, Entry> keys = mapping(node, "limits", LIMIT_KEYS);
        Limits run = defaults.limits();
        long cpu = optional(keys, "case_cpu_seconds").map(e -> seconds(e.value(), "case_cpu_seconds", 0.05, 600))
                .orElse(run.taskCpuMillis());
        long submission = optional(keys, "submission_seconds")
                .map(e -> seconds(e.value(), "submission_seconds", 1, 86_400))
                .orElse(run.submissionMillis());
        CompileLimits compile = defaults.compile();
        long compileCpu = optional(keys, "compile_cpu_seconds")
                .map(e -> seconds(e.value(), "compile_cpu_seconds", 1, 3_600)).orElse(compile.cpuMillis());
        long files = optional(keys, "class_files").map(e -> integer(e.value(), "class_files", 1, 100_000)
                .orElse(compile.classFiles())).orElse((long) compile.classFiles());
        long megabytes = optional(keys, "class_megabytes").map(e -> integer(e.value(), "class_megabytes", 1, 1_024)
                .orElse(compile.classBytes() >> 20)).orElse(compile.classBytes() >> 20);
        return new Limited(run.withTimes(cpu, submission), new CompileLimits(compileCpu, (int) files, megabytes << 20));
    }

    private long seconds(Node node, String what, double min, double max) {
        OptionalDouble s = number(node, what);
        if (s.isEmpty()) {
            return 0;
        }
        if (s.getAsDouble() < min || s.getAsDouble() > max) {
            problem(node.getStartMark(), what + " must be between " + NumberText.format(min) + " and "
                    + NumberText.format(max) + " seconds, not " + NumberText.format(s.getAsDouble())
                    + ": write a number in that range");
        }
        return Math.round(s.getAsDouble() * 1000);
    }

    private NumericalGradient.Settings numerical(Node node, NumericalGradient.Settings defaults) {
        if (!isMapping(node, "numerical", "{atol: 1e-5, rtol: 1e-4, richardson: false}")) {
            return defaults;
        }
        Map<String, Entry> keys = mapping(node, "numerical", NUMERICAL_KEYS);
        double atol = optional(keys, "atol").map(e -> slack(e.value(), "atol")).orElse(defaults.atol());
        double rtol = optional(keys, "rtol").map(e -> slack(e.value(), "rtol")).orElse(defaults.rtol());
        boolean richardson = optional(keys, "richardson").map(e -> bool(e.value(), "richardson"))
                .orElse(defaults.richardson());
        return new NumericalGradient.Settings(atol, rtol, richardson, defaults.fastAbove(), defaults.seed());
    }

    private GradescopeSettings gradescope(Node node) {
        if (!isMapping(node, "gradescope", "{hidden_visibility: after_published}")) {
            return GradescopeSettings.DEFAULT;
        }
        Map<String, Entry> keys = mapping(node, "gradescope", GRADESCOPE_KEYS);
        Entry e = keys.get("hidden_visibility");
        if (e == null) {
            return GradescopeSettings.DEFAULT;
        }
        String v = text(e.value(), "hidden_visibility").orElse(GradescopeSettings.DEFAULT.hiddenVisibility());
        if (!GradescopeSettings.VISIBILITIES.contains(v)) {
            problem(e.value().getStartMark(), "hidden_visibility '" + v + "' is not a Gradescope visibility"
                    + didYouMean(v, GradescopeSettings.VISIBILITIES) + "; use one of "
                    + String.join(", ", GradescopeSettings.VISIBILITIES));
            return GradescopeSettings.DEFAULT;
        }
        return new GradescopeSettings(v);
    }

    /** The ops students must implement whether or not a spec uses them: a list of op names. */
    private java.util.Set<Op> ops(Node node) {
        java.util.Set<Op> ops = java.util.EnumSet.noneOf(Op.class);
        List<String> known = Op.operations().stream().map(Op::specName).toList();
        if (!(node instanceof SequenceNode seq)) {
            problem(node.getStartMark(),
                    "ops must be a list of op names such as [add, mul, sqrt], not " + describe(node));
            return ops;
        }
        for (Node item : seq.getValue()) {
            java.util.Optional<String> name = text(item, "an op");
            if (name.isEmpty()) {
                continue;
            }
            java.util.Optional<Op> op = Op.operation(name.get());
            if (op.isEmpty()) {
                problem(item.getStartMark(), "'" + name.get() + "' is not an op" + didYouMean(name.get(), known)
                        + "; the ops are " + String.join(", ", known));
            } else if (!ops.add(op.get())) {
                problem(item.getStartMark(), "op " + name.get() + " is listed twice: keep one");
            }
        }
        return ops;
    }

    private double slack(Node node, String what) {
        OptionalDouble v = number(node, what);
        if (v.isPresent() && v.getAsDouble() < 0) {
            problem(node.getStartMark(), what + " is negative: a tolerance is a distance, write it without the minus");
        }
        return v.orElse(0);
    }

    private boolean bool(Node node, String what) {
        String t = text(node, what).orElse("false");
        if (!t.equals("true") && !t.equals("false")) {
            problem(node.getStartMark(), what + " is '" + t + "': write true or false");
        }
        return t.equals("true");
    }

    private boolean isMapping(Node node, String what, String example) {
        if (node instanceof MappingNode) {
            return true;
        }
        problem(node.getStartMark(), what + " is " + describe(node) + ": write a mapping such as " + example);
        return false;
    }
}
