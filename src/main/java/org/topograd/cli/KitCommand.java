package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.topograd.grading.ReferenceAnswers;
import org.topograd.grading.SpecAnswers;
import org.topograd.kit.StudentKit;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code topograd kit}: the folder an instructor hands to students, without any answer they must not see. */
@Command(name = "kit", mixinStandardHelpOptions = true,
        description = "Makes a student kit: topograd-student.jar (the check command, with the visible specs'"
                + " expected values frozen inside; no reference engine, no hidden spec), the visible specs and"
                + " assignment.yaml in specs/, and a README for students. Students run: java -jar"
                + " topograd-student.jar check MY_SUBMISSION",
        footer = ExitCodes.HELP_FOOTER)
final class KitCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Option(names = "--specs", defaultValue = "specs", description = "Folder of specs (default: ${DEFAULT-VALUE}).")
    Path specs;

    @Option(names = "--out", defaultValue = "student-kit",
            description = "The kit folder: new, empty, or an earlier kit to replace (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        SpecFiles.Loaded loaded = SpecFiles.load(command.commandLine(), specs, err, ReferenceAnswers.SOURCE);
        if (loaded.invalid() > 0 || loaded.assignment() == null) {
            err.println("kit: not made: a kit with a broken spec would mislead every student; fix the specs first.");
            return ExitCodes.FINDINGS;
        }
        List<Spec> visible = loaded.specs().stream().filter(s -> !s.hidden()).toList();
        int hidden = loaded.specs().size() - visible.size();
        if (visible.isEmpty()) {
            err.println("kit: not made: no visible spec in " + specs + ", so a student kit would check nothing.");
            return ExitCodes.FINDINGS;
        }
        List<SpecAnswers> answers = ReferenceAnswers.of(visible, loaded.assignment().numerical());
        Path assignment = specs.resolve(SpecLoader.ASSIGNMENT_FILE);
        StudentKit.Made made;
        try {
            made = StudentKit.make(answers, hidden, Files.isRegularFile(assignment) ? assignment : null, out);
        } catch (StudentKit.UnusableFolder e) {
            throw new CommandLine.ParameterException(command.commandLine(), "kit: --out " + e.getMessage());
        }
        stdout.println("kit:   " + out + " (" + made.specs().size() + " visible specs; " + hidden
                + " hidden left out)");
        stdout.println("jar:   " + made.jar() + " (" + made.classes() + " classes; no reference engine)");
        stdout.println("specs: " + out.resolve(StudentKit.SPECS));
        stdout.println("Students run: java -jar " + StudentKit.JAR + " check MY_SUBMISSION");
        return ExitCodes.OK;
    }
}
