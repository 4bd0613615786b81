package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.topograd.diagnosis.AuditReport;
import org.topograd.diagnosis.SuiteAudit;
import org.topograd.diagnosis.tensor.TensorSuiteAudit;
import org.topograd.grading.Assignment;
import org.topograd.grading.AssignmentReader;
import org.topograd.grading.ReferenceAnswers;
import org.topograd.grading.TensorAnswers;
import org.topograd.spec.Problem;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.SpecResult;
import org.topograd.spec.tensor.TensorSpec;
import org.topograd.spec.tensor.TensorSpecLoader;
import org.topograd.spec.tensor.TensorSpecResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code topograd audit}: does the spec suite catch every classic mistake? */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Runs every mutant (the reference engine with one classic mistake put in: backprop by recursion,"
                + " = instead of +=, the power rule's n * x^n, ...; for tensor specs matmul's gradient without the"
                + " transposes, a broadcast operand's gradient not summed back, ...) against the specs and prints"
                + " which specs catch each one, what the suite lacks, and specs that cannot catch much. Scalar and"
                + " tensor specs are audited apart. Exits 1 when a mutant survives the whole suite.",
        footer = ExitCodes.HELP_FOOTER)
final class AuditCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Parameters(paramLabel = "SPEC|DIR", arity = "0..*",
            description = "Spec files or folders of them (default: specs/).")
    List<Path> paths = List.of(Path.of("specs"));

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new CommandLine.ParameterException(command.commandLine(),
                        "audit: no such file or folder: " + path + " (give spec files or a folder of them)");
            }
        }
        List<Path> files = SpecLoader.expand(paths).stream().distinct().sorted().toList();
        List<Path> tensorFiles = files.stream().filter(TensorSpecLoader::isTensorSpec).toList();
        if (!tensorFiles.isEmpty() && tensorFiles.size() < files.size()) {
            err.println("audit: " + String.join(", ", paths.stream().map(Path::toString).toList())
                    + " hold scalar specs (" + String.join(", ", files.stream().filter(f -> !tensorFiles.contains(f))
                            .map(Path::toString).toList()) + ") and tensor specs (" + String.join(", ",
                            tensorFiles.stream().map(Path::toString).toList()) + "); an assignment is all one or the"
                    + " other, and each has its own mistakes: audit each kind on its own. Nothing was audited.");
            return ExitCodes.FINDINGS;
        }
        boolean tensor = !tensorFiles.isEmpty();
        List<Spec> specs = new ArrayList<>();
        List<TensorSpec> tensorSpecs = new ArrayList<>();
        int invalid = 0;
        for (Path file : files) {
            List<Problem> problems;
            if (tensor) {
                TensorSpecResult result = TensorSpecLoader.load(file);
                problems = result instanceof TensorSpecResult.Invalid bad ? bad.problems() : List.of();
                if (result instanceof TensorSpecResult.Valid valid) {
                    tensorSpecs.add(valid.spec());
                }
            } else {
                SpecResult result = SpecLoader.load(file);
                problems = result instanceof SpecResult.Invalid bad ? bad.problems() : List.of();
                if (result instanceof SpecResult.Valid valid) {
                    specs.add(valid.spec());
                }
            }
            if (!problems.isEmpty()) {
                invalid++;
                problems.stream().map(Problem::toString).forEach(err::println);
            }
        }
        if (invalid > 0) {
            err.println("audit: " + invalid
                    + " spec(s) are invalid and were left out; run topograd validate to see why");
        }
        if (specs.isEmpty() && tensorSpecs.isEmpty()) {
            err.println("audit: no valid spec in " + String.join(", ", paths.stream().map(Path::toString).toList())
                    + "; nothing to audit");
            return ExitCodes.FINDINGS;
        }
        Path folder = Files.isDirectory(paths.get(0)) ? paths.get(0) : files.get(0).toAbsolutePath().getParent();
        AssignmentReader.Result settings = AssignmentReader.load(folder);
        if (settings instanceof AssignmentReader.Result.Invalid bad) {
            bad.problems().forEach(err::println);
            err.println("audit: " + folder.resolve(SpecLoader.ASSIGNMENT_FILE) + " is invalid; fix it first");
            return ExitCodes.FINDINGS;
        }
        Assignment assignment = ((AssignmentReader.Result.Valid) settings).assignment();
        SuiteAudit.Report report = tensor
                ? TensorSuiteAudit.audit(TensorAnswers.of(tensorSpecs, assignment.numerical()), assignment.weights())
                : SuiteAudit.audit(ReferenceAnswers.of(specs, assignment.numerical()), assignment.weights(),
                        assignment.numerical());
        out.print(AuditReport.render(report));
        out.flush();
        // A spec left out as invalid is not audited: the command does not report success on fewer.
        return report.survivors().isEmpty() && invalid == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
