package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.topograd.diagnosis.MutantDiagnostician;
import org.topograd.grading.Assignment;
import org.topograd.grading.AssignmentReader;
import org.topograd.grading.CaseAnswers;
import org.topograd.grading.Check;
import org.topograd.grading.Diagnostician;
import org.topograd.grading.Grading;
import org.topograd.grading.ReferenceAnswers;
import org.topograd.grading.SpecAnswers;
import org.topograd.grading.Tracer;
import org.topograd.picture.GraphPicture;
import org.topograd.picture.Graphviz;
import org.topograd.report.AtomicFiles;
import org.topograd.sandbox.Launcher;
import org.topograd.spec.Case;
import org.topograd.spec.Graph;
import org.topograd.spec.NumberText;
import org.topograd.spec.Op;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.SpecResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code topograd explain}: a spec's graph at one input point as a picture, with a submission's numbers. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = "Draws a spec's computation graph at one input point, each node with its op, value and"
                + " gradient, as Graphviz DOT and, when the dot command is installed, as SVG. With --submission,"
                + " runs your code there and shows what was wanted beside what came out, the wrong numbers in red.",
        footer = ExitCodes.HELP_FOOTER)
final class ExplainCommand implements Callable<Integer> {
    /** How many wrong numbers the terminal lists before it just counts them. */
    static final int LISTED = 8;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file.")
    Path file;

    @Option(names = "--submission", paramLabel = "DIR", description = "A submission folder to run (such as .).")
    Path submission;

    @Option(names = "--case", paramLabel = "NAME", defaultValue = "main",
            description = "The input point: main, case-1, random-2, ... (default: ${DEFAULT-VALUE}).")
    String caseName;

    /** Where pictures go without {@code --out}: with the reports, which version control already leaves out. */
    static final Path FOLDER = Path.of("reports", "explain");

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where the DOT goes (default: reports/explain/<spec>-<case>.dot); the SVG goes beside it.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(command.commandLine(), "explain: no such spec file: " + file);
        }
        if (submission != null && !Files.isDirectory(submission)) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "explain: no submission folder at " + submission);
        }
        SpecResult result = SpecLoader.load(file);
        if (result instanceof SpecResult.Invalid invalid) {
            invalid.problems().forEach(err::println);
            err.println("explain: " + file + " is not a valid spec; fix the problems above");
            return ExitCodes.FINDINGS;
        }
        Spec spec = ((SpecResult.Valid) result).spec();
        int caseIndex = caseIndex(spec);
        Path folder = file.toAbsolutePath().getParent();
        AssignmentReader.Result settings = AssignmentReader.load(folder);
        if (settings instanceof AssignmentReader.Result.Invalid bad) {
            bad.problems().forEach(err::println);
            return ExitCodes.FINDINGS;
        }
        Assignment assignment = ((AssignmentReader.Result.Valid) settings).assignment();
        SpecAnswers answers = ReferenceAnswers.of(0, spec, assignment.numerical());
        CaseAnswers at = answers.cases().get(caseIndex);
        Case point = spec.cases().get(caseIndex);

        Tracer.Trace trace = null;
        String who = "";
        if (submission != null) {
            Path dir = submission.toAbsolutePath().normalize();
            who = dir.getFileName() == null ? "submission" : dir.getFileName().toString();
            try (Grading grading = Grading.prepare(List.of(answers), assignment, Launcher.detect(), Diagnostician.NONE)) {
                trace = Tracer.trace(grading, new org.topograd.submission.Submission(who, dir), answers, caseIndex);
            }
        }
        String title = spec.title() + " — " + point.name() + " (" + inputs(spec.graph(), point) + ")"
                + (trace == null ? "" : "; " + who + ": wanted | got");
        GraphPicture.Student student = trace == null ? null
                : new GraphPicture.Student(trace.values(), trace.grads(), trace.endToEnd());
        String dot = GraphPicture.dot(new GraphPicture.Scene(title, spec.graph(), at.order(), at.values(), at.grads(),
                student, spec.tolerance()));

        Path dotFile = out != null ? out : FOLDER.resolve(spec.id() + "-" + point.name() + ".dot");
        AtomicFiles.write(dotFile, dot.getBytes(StandardCharsets.UTF_8));
        String name = dotFile.getFileName().toString();
        Path svgFile = dotFile.resolveSibling((name.endsWith(".dot") ? name.substring(0, name.length() - 4) : name)
                + ".svg");
        stdout.println("explain: " + spec.id() + " at " + point.name() + " (" + inputs(spec.graph(), point) + ")");
        int wrong = 0;
        if (trace != null) {
            trace.problems().forEach(p -> stdout.println("  ! " + p));
            wrong = report(stdout, spec, at, trace);
            diagnose(answers, caseIndex, trace).ifPresent(d -> stdout.println("  " + d.explanation()));
        }
        Optional<Path> graphviz = Graphviz.find();
        if (graphviz.isPresent()) {
            Graphviz.svg(graphviz.get(), dotFile, svgFile);
            stdout.println("wrote " + dotFile + " and " + svgFile);
        } else {
            stdout.println("wrote " + dotFile + " (no SVG: the dot command of Graphviz is not on the PATH; install it"
                    + " with sudo apt-get install graphviz, or open the DOT in any Graphviz viewer)");
        }
        boolean incomplete = trace != null && (trace.values() == null || trace.grads() == null);
        return wrong > 0 || incomplete ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** The classic mistake the student's own Backprop's numbers match (or their backward()s'), if any. */
    private static Optional<Diagnostician.Diagnosis> diagnose(SpecAnswers answers, int caseIndex, Tracer.Trace trace) {
        MutantDiagnostician diagnostician = new MutantDiagnostician();
        Optional<Diagnostician.Diagnosis> found = Optional.empty();
        if (trace.endToEnd() != null) {
            found = diagnostician.diagnose(new Diagnostician.Evidence(Check.END_TO_END, answers, caseIndex,
                    trace.values(), trace.endToEnd(), null, null, null, null, trace.classes()));
        }
        if (found.isEmpty() && trace.grads() != null) {
            found = diagnostician.diagnose(new Diagnostician.Evidence(Check.NUMERICAL, answers, caseIndex,
                    trace.values(), trace.grads(), null, null, null, null, trace.classes()));
        }
        return found;
    }

    private int caseIndex(Spec spec) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < spec.cases().size(); c++) {
            if (spec.cases().get(c).name().equals(caseName)) {
                return c;
            }
            names.add(spec.cases().get(c).name());
        }
        throw new CommandLine.ParameterException(command.commandLine(), "explain: " + file + " has no case "
                + caseName + "; its cases are " + String.join(", ", names));
    }

    private static String inputs(Graph graph, Case point) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < graph.inputCount(); k++) {
            parts.add(graph.inputNames().get(k) + " = " + NumberText.format(point.input(k)));
        }
        return String.join(", ", parts);
    }

    /** Lists the wrong numbers, nearest the inputs first; how many there are. */
    private static int report(PrintWriter out, Spec spec, CaseAnswers at, Tracer.Trace trace) {
        Graph g = spec.graph();
        List<String> wrong = new ArrayList<>();
        for (int node : at.order()) {
            if (g.op(node) == Op.CONSTANT) {
                continue;
            }
            String name = g.isNamed(node) ? g.label(node) : "(" + g.label(node) + ")";
            check(wrong, spec, name, "", trace.values(), at.values(), node, !g.op(node).isLeaf());
            check(wrong, spec, name, ".grad", trace.grads(), at.grads(), node, true);
            check(wrong, spec, name, ".grad (your Backprop)", trace.endToEnd(), at.grads(), node, true);
        }
        if (wrong.isEmpty()) {
            out.println("  every value and gradient is right");
        }
        for (int i = 0; i < wrong.size() && i < LISTED; i++) {
            out.println("  wrong: " + wrong.get(i));
        }
        if (wrong.size() > LISTED) {
            out.println("  ... and " + (wrong.size() - LISTED) + " more (red in the picture)");
        }
        return wrong.size();
    }

    private static void check(List<String> wrong, Spec spec, String name, String what, double[] got, double[] want,
            int node, boolean compared) {
        if (compared && got != null && !spec.tolerance().accepts(got[node], want[node])) {
            wrong.add(name + what + " is " + NumberText.format(got[node]) + ", expected " + NumberText.format(want[node]));
        }
    }
}
