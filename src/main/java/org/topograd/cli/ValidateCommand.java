package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.topograd.engine.SpecValidator;
import org.topograd.spec.Problem;
import org.topograd.spec.SpecLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code topograd validate}: every problem of every spec, and whether its expectations hold. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Checks spec files: that each one reads (YAML, keys, names, expressions, numbers) and that it "
                + "holds (every expect number agrees with the reference engine, every value is finite, and finite "
                + "differences agree with the reference gradients). Prints each problem as file:line:column: "
                + "message, then a summary.",
        footer = ExitCodes.HELP_FOOTER)
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SPEC|DIR", arity = "0..*", description = "Spec files or folders of them (default: specs/).")
    List<Path> paths = List.of(Path.of("specs"));

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "validate: no such file or folder: " + path + " (give spec files or a folder of them)");
            }
        }
        List<Path> files;
        try {
            files = SpecLoader.expand(paths).stream().distinct().sorted().toList();
        } catch (IOException e) {
            spec.commandLine().getErr().println("validate: cannot list " + paths + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        if (files.isEmpty()) {
            spec.commandLine().getErr().println("validate: no spec files (*.yaml, *.yml) in " + joined(paths));
            return ExitCodes.FINDINGS;
        }
        int invalid = 0;
        int problems = 0;
        for (Path file : files) {
            SpecValidator.Validated result = SpecValidator.validate(file);
            for (Problem p : result.problems()) {
                out.println(p);
            }
            if (!result.valid()) {
                invalid++;
                problems += result.problems().size();
            }
        }
        out.printf("validate: %d spec%s, %d valid, %d invalid (%d problem%s)%n", files.size(), files.size() == 1 ? "" : "s",
                files.size() - invalid, invalid, problems, problems == 1 ? "" : "s");
        return invalid == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static String joined(List<Path> paths) {
        return String.join(", ", paths.stream().map(Path::toString).toList());
    }
}
