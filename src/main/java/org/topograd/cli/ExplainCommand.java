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
import org.topograd.grading.Explanation;
import org.topograd.grading.Grading;
import org.topograd.grading.ReferenceAnswers;
import org.topograd.grading.SpecAnswers;
import org.topograd.grading.Tracer;
import org.topograd.picture.GraphPicture;
import org.topograd.picture.Graphviz;
import org.topograd.report.AtomicFiles;
import org.topograd.spec.Case;
import org.topograd.spec.Graph;
import org.topograd.spec.NumberText;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.SpecResult;
import org.topograd.spec.tensor.TensorSpecLoader;
import org.topograd.submission.Submission;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code topograd explain}: a spec's graph at one input point as a picture, with a submission's numbers.
 * A tensor spec takes the same steps with the tensor pieces ({@link TensorExplain}).
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = "Draws a spec's computation graph at one input point, each node with its op, value and"
                + " gradient, as Graphviz DOT and, when the dot command is installed, as SVG. With --submission,"
                + " runs your code there and shows what was wanted beside what came out, the wrong numbers in red."
                + " For a tensor spec, each node also has its shape; tensors of up to 12 elements are shown in full,"
                + " larger ones summarised (least, greatest, first elements, and which elements are wrong).",
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
        if (TensorSpecLoader.isTensorSpec(file)) {
            return TensorExplain.run(this, stdout, err);
        }
        SpecResult result = SpecLoader.load(file);
        if (result instanceof SpecResult.Invalid invalid) {
            invalid.problems().forEach(err::println);
            err.println("explain: " + file + " is not a valid spec; fix the problems above");
            return ExitCodes.FINDINGS;
        }
        Spec spec = ((SpecResult.Valid) result).spec();
        int caseIndex = caseIndex(spec.cases().stream().map(Case::name).toList());
        Assignment assignment = assignment(err);
        if (assignment == null) {
            return ExitCodes.FINDINGS;
        }
        SpecAnswers answers = ReferenceAnswers.of(0, spec, assignment.numerical());
        CaseAnswers at = answers.cases().get(caseIndex);
        Case point = spec.cases().get(caseIndex);

        Explanation explained = null;
        String who = "";
        if (submission != null) {
            Submission theirs = Submission.ofFolder(submission);
            who = theirs.id();
            try (Grading grading = Grading.prepare(List.of(answers), assignment, Sandboxes.detect(err),
                    new MutantDiagnostician())) {
                explained = Explanation.of(grading, theirs, answers, caseIndex);
            }
        }
        Tracer.Trace trace = explained == null ? null : explained.trace();
        String title = spec.title() + " — " + point.name() + " (" + inputs(spec.graph(), point) + ")"
                + (trace == null ? "" : "; " + who + ": wanted | got");
        GraphPicture.Student student = trace == null ? null
                : new GraphPicture.Student(trace.values(), trace.grads(), trace.endToEnd());
        String dot = GraphPicture.dot(new GraphPicture.Scene(title, spec.graph(), at.order(), at.values(), at.grads(),
                student, spec.tolerance()));

        Path dotFile = dotFile(spec.id(), point.name());
        AtomicFiles.write(dotFile, dot.getBytes(StandardCharsets.UTF_8));
        stdout.println("explain: " + spec.id() + " at " + point.name() + " (" + inputs(spec.graph(), point) + ")");
        if (explained != null) {
            trace.problems().forEach(p -> stdout.println("  ! " + p));
            list(stdout, explained.wrong());
            explained.diagnosis().ifPresent(d -> stdout.println("  " + d.explanation()));
        }
        render(stdout, dotFile);
        boolean findings = explained != null && (!explained.wrong().isEmpty() || explained.incomplete());
        return findings ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** The position of {@code --case} among a spec's input points, or a usage error naming them. */
    int caseIndex(List<String> names) {
        int c = names.indexOf(caseName);
        if (c < 0) {
            throw new CommandLine.ParameterException(command.commandLine(), "explain: " + file + " has no case "
                    + caseName + "; its cases are " + String.join(", ", names));
        }
        return c;
    }

    /** The settings of the spec's folder (assignment.yaml), or null when they are invalid (said on {@code err}). */
    Assignment assignment(PrintWriter err) {
        AssignmentReader.Result settings = AssignmentReader.load(file.toAbsolutePath().getParent());
        if (settings instanceof AssignmentReader.Result.Invalid bad) {
            bad.problems().forEach(err::println);
            return null;
        }
        return ((AssignmentReader.Result.Valid) settings).assignment();
    }

    /** Where the DOT goes: {@code --out}, or reports/explain/SPEC-CASE.dot. */
    Path dotFile(String specId, String pointName) {
        return out != null ? out : FOLDER.resolve(specId + "-" + pointName + ".dot");
    }

    /** Renders the DOT written to {@code dotFile} to SVG beside it when Graphviz is there, and says what was written. */
    static void render(PrintWriter stdout, Path dotFile) throws IOException {
        String name = dotFile.getFileName().toString();
        Path svgFile = dotFile.resolveSibling((name.endsWith(".dot") ? name.substring(0, name.length() - 4) : name)
                + ".svg");
        Optional<Path> graphviz = Graphviz.find();
        if (graphviz.isPresent()) {
            Graphviz.svg(graphviz.get(), dotFile, svgFile);
            stdout.println("wrote " + dotFile + " and " + svgFile);
        } else {
            stdout.println("wrote " + dotFile + " (no SVG: the dot command of Graphviz is not on the PATH; install it"
                    + " with sudo apt-get install graphviz, or open the DOT in any Graphviz viewer)");
        }
    }

    private static String inputs(Graph graph, Case point) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < graph.inputCount(); k++) {
            parts.add(graph.inputNames().get(k) + " = " + NumberText.format(point.input(k)));
        }
        return String.join(", ", parts);
    }

    /** Lists the wrong numbers, nearest the inputs first. */
    static void list(PrintWriter out, List<String> wrong) {
        if (wrong.isEmpty()) {
            out.println("  every value and gradient is right");
        }
        for (int i = 0; i < wrong.size() && i < LISTED; i++) {
            out.println("  wrong: " + wrong.get(i));
        }
        if (wrong.size() > LISTED) {
            out.println("  ... and " + (wrong.size() - LISTED) + " more (red in the picture)");
        }
    }
}
