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
import org.topograd.grading.Assignment;
import org.topograd.grading.AssignmentReader;
import org.topograd.grading.ReferenceAnswers;
import org.topograd.spec.Problem;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.SpecResult;
import org.topograd.spec.tensor.TensorSpecLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code topograd audit}: does the spec suite catch every classic mistake? */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Runs every mutant (the reference engine with one classic mistake put in: backprop by recursion,"
                + " = instead of +=, the power rule's n * x^n, ...) against the specs and prints which specs catch"
                + " each one, what the suite lacks, and specs that cannot catch much. Exits 1 when a mutant survives"
                + " the whole suite.",
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
        List<Spec> specs = new ArrayList<>();
        int invalid = 0;
        List<String> tensorFiles = new ArrayList<>();
        for (Path file : files) {
            if (TensorSpecLoader.isTensorSpec(file)) {
                tensorFiles.add(file.toString());
                continue;
            }
            SpecResult result = SpecLoader.load(file);
            if (result instanceof SpecResult.Valid valid) {
                specs.add(valid.spec());
            } else {
                invalid++;
                ((SpecResult.Invalid) result).problems().stream().map(Problem::toString).forEach(err::println);
            }
        }
        if (!tensorFiles.isEmpty()) {
            err.println("audit: " + tensorFiles.size() + " tensor spec(s) were left out (" + String.join(", ",
                    tensorFiles) + "): the mutant catalogue is the scalar assignment's for now");
        }
        if (invalid > 0) {
            err.println("audit: " + invalid
                    + " spec(s) are invalid and were left out; run topograd validate to see why");
        }
        if (specs.isEmpty()) {
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
        SuiteAudit.Report report = SuiteAudit.audit(ReferenceAnswers.of(specs, assignment.numerical()),
                assignment.weights(), assignment.numerical());
        out.print(AuditReport.render(report));
        out.flush();
        // A spec left out, invalid or tensor, is not audited: the command does not report success on fewer.
        boolean all = invalid == 0 && tensorFiles.isEmpty();
        return report.survivors().isEmpty() && all ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
