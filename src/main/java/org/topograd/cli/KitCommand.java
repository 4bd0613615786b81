package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.topograd.grading.ReferenceAnswers;
import org.topograd.kitmaker.KitMaker;
import org.topograd.kit.StudentKit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code topograd kit}: the folder an instructor hands to students, without any answer they must not see. */
@Command(name = "kit", mixinStandardHelpOptions = true,
        description = "Makes a student kit: topograd-student.jar (the check command, with the visible specs'"
                + " expected values and the likely bugs' numbers frozen inside; no reference engine, no hidden spec),"
                + " the visible specs and assignment.yaml in specs/, the student API as a jar, a sources jar and"
                + " Javadoc in api/, a starter submission in starter/, and a README for students. Students run: java"
                + " -jar topograd-student.jar check MY_SUBMISSION",
        footer = ExitCodes.HELP_FOOTER)
final class KitCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Option(names = "--specs", defaultValue = "specs", description = "Folder of specs (default: ${DEFAULT-VALUE}).")
    Path specs;

    @Option(names = "--out", defaultValue = "student-kit",
            description = "The kit folder: new, empty, or an earlier kit to replace (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-starter", description = "Leave the starter submission (starter/) out of the kit.")
    boolean noStarter;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        SpecFiles.Loaded loaded = SpecFiles.loadEither(command.commandLine(), specs, err, ReferenceAnswers.SOURCE,
                CommandRunner.TOOL);
        if (loaded.refusal() != null) {
            err.println("kit: not made: " + loaded.refusal());
            return ExitCodes.FINDINGS;
        }
        if (loaded.invalid() > 0 || loaded.assignment() == null) {
            err.println("kit: not made: a kit with a broken spec would mislead every student; fix the specs first.");
            return ExitCodes.FINDINGS;
        }
        boolean tensor = !loaded.tensorSpecs().isEmpty();
        long all = tensor ? loaded.tensorSpecs().size() : loaded.specs().size();
        long visible = tensor ? loaded.tensorSpecs().stream().filter(s -> !s.hidden()).count()
                : loaded.specs().stream().filter(s -> !s.hidden()).count();
        long hidden = all - visible;
        if (visible == 0) {
            err.println("kit: not made: no visible spec in " + specs + ", so a student kit would check nothing.");
            return ExitCodes.FINDINGS;
        }
        StudentKit.Made made;
        try {
            made = tensor ? KitMaker.makeTensor(loaded.tensorSpecs(), loaded.assignment(), specs, !noStarter, out)
                    : KitMaker.make(loaded.specs(), loaded.assignment(), specs, !noStarter, out);
        } catch (StudentKit.UnusableFolder e) {
            throw new CommandLine.ParameterException(command.commandLine(), "kit: --out " + e.getMessage());
        }
        stdout.println("kit:     " + out + " (" + made.specs().size() + " visible specs; " + hidden
                + " hidden left out)");
        stdout.println("jar:     " + made.jar() + " (" + made.classes() + " classes; no reference engine)");
        stdout.println("specs:   " + out.resolve(StudentKit.SPECS));
        stdout.println("api:     " + out.resolve("api") + " (jar, sources, Javadoc)");
        if (made.starter()) {
            stdout.println("starter: " + out.resolve("starter"));
        }
        stdout.println("ops:     " + String.join(", ", made.requiredNames())
                + " (required of every submission)");
        stdout.println("Students run: java -jar " + StudentKit.JAR + " check MY_SUBMISSION");
        return ExitCodes.OK;
    }
}
