package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.topograd.engine.SpecValidator;
import org.topograd.engine.tensor.TensorSpecValidator;
import org.topograd.grading.AssignmentReader;
import org.topograd.numeric.NumericalGradient;
import org.topograd.spec.Problem;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.tensor.TensorSpecLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code topograd validate}: every problem of every spec, and whether its expectations hold. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Checks spec files and their folder's assignment.yaml: everything grade would refuse. Each spec "
                + "must read (YAML, keys, names, expressions, numbers) and hold (every expect number agrees with the "
                + "reference engine, every value is finite, and finite differences agree with the reference gradients, "
                + "with the numerical settings of assignment.yaml); a tensor spec's expectations are checked "
                + "element by element. Prints each problem as file:line:column: message, "
                + "then warnings (an input or entry the output does not reach, a relu on its kink), then a summary.",
        footer = ExitCodes.HELP_FOOTER)
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SPEC|DIR", arity = "0..*",
            description = "Spec files or folders of them (default: specs/).")
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
            files = SpecLoader.expand(paths).stream().distinct().sorted()
                    .filter(f -> !f.getFileName().toString().equals(SpecLoader.ASSIGNMENT_FILE)).toList();
        } catch (IOException e) {
            spec.commandLine().getErr().println("validate: cannot list " + paths + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        // The course settings of every folder involved: grade refuses an invalid assignment.yaml, and
        // the numerical check's settings there are the ones the specs are proven with.
        Map<Path, NumericalGradient.Settings> settings = new LinkedHashMap<>();
        List<Path> folders = new ArrayList<>();
        for (Path path : paths) {
            folders.add(Files.isDirectory(path) ? path : folderOf(path));
        }
        files.forEach(f -> folders.add(folderOf(f)));
        int badSettings = 0;
        int settingsProblems = 0;
        for (Path folder : folders.stream().distinct().toList()) {
            AssignmentReader.Result read = AssignmentReader.load(folder);
            if (read instanceof AssignmentReader.Result.Invalid invalid) {
                invalid.problems().forEach(out::println);
                badSettings++;
                settingsProblems += invalid.problems().size();
                settings.put(folder, NumericalGradient.Settings.DEFAULT);
            } else {
                settings.put(folder, ((AssignmentReader.Result.Valid) read).assignment().numerical());
            }
        }
        if (files.isEmpty() && badSettings == 0) {
            spec.commandLine().getErr().println("validate: no spec files (*.yaml, *.yml) in " + joined(paths));
            return ExitCodes.FINDINGS;
        }
        int invalid = 0;
        int problems = 0;
        int warnings = 0;
        for (Path file : files) {
            Checked result = check(file, settings.get(folderOf(file)));
            for (Problem p : result.problems()) {
                out.println(p);
            }
            for (Problem w : result.warnings()) {
                out.println(w.at() + ": warning: " + w.message());
            }
            warnings += result.warnings().size();
            if (!result.valid()) {
                invalid++;
                problems += result.problems().size();
            }
        }
        out.printf("validate: %d spec%s, %d valid, %d invalid (%d problem%s)%s%n", files.size(),
                files.size() == 1 ? "" : "s", files.size() - invalid, invalid, problems, problems == 1 ? "" : "s",
                warnings == 0 ? "" : ", " + warnings + " warning" + (warnings == 1 ? "" : "s"));
        if (badSettings > 0) {
            out.printf("validate: %s invalid (%d problem%s): grade grades nothing until it is fixed%n",
                    badSettings == 1 ? SpecLoader.ASSIGNMENT_FILE + " is" : badSettings + " assignment files are",
                    settingsProblems, settingsProblems == 1 ? "" : "s");
        }
        return invalid == 0 && badSettings == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** One file's problems and warnings, whichever language it is written in (decided file by file). */
    private record Checked(List<Problem> problems, List<Problem> warnings) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    private static Checked check(Path file, NumericalGradient.Settings settings) {
        if (TensorSpecLoader.isTensorSpec(file)) {
            TensorSpecValidator.Validated result = TensorSpecValidator.validate(file, settings);
            return new Checked(result.problems(), result.warnings());
        }
        SpecValidator.Validated result = SpecValidator.validate(file, settings);
        return new Checked(result.problems(), result.warnings());
    }

    private static Path folderOf(Path file) {
        Path parent = file.getParent();
        return parent == null ? Path.of(".") : parent;
    }

    private static String joined(List<Path> paths) {
        return String.join(", ", paths.stream().map(Path::toString).toList());
    }
}
