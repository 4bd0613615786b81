package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.topograd.gradescope.AutograderPackage;
import org.topograd.report.AtomicFiles;
import org.topograd.spec.SpecLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code topograd gradescope-package}: the autograder zip to upload to Gradescope. */
@Command(name = "gradescope-package", mixinStandardHelpOptions = true,
        description = "Builds the autograder zip for a Gradescope programming assignment: setup.sh (installs a JDK"
                + " 17 and bubblewrap), run_autograder (grades /autograder/submission into"
                + " /autograder/results/results.json; TOPOGRAD_AUTOGRADER_ROOT moves /autograder), topograd.jar and"
                + " every spec with assignment.yaml. Hidden specs are in it: Gradescope never shows the zip to"
                + " students.",
        footer = ExitCodes.HELP_FOOTER)
final class GradescopePackageCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Option(names = "--specs", defaultValue = "specs", description = "Folder of specs (default: ${DEFAULT-VALUE}).")
    Path specs;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "topograd-autograder.zip",
            description = "The zip to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--jar", paramLabel = "FILE",
            description = "The topograd jar to put in it (default: the one running).")
    Path jar;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        SpecFiles.Loaded loaded = SpecFiles.loadEither(command.commandLine(), specs, err,
                org.topograd.grading.ReferenceAnswers.SOURCE);
        if (loaded.refusal() != null) {
            err.println("gradescope-package: not built: " + loaded.refusal());
            return ExitCodes.FINDINGS;
        }
        if (loaded.invalid() > 0 || loaded.assignment() == null) {
            err.println("gradescope-package: not built: every submission would be graded without the broken spec;"
                    + " fix the specs first.");
            return ExitCodes.FINDINGS;
        }
        List<org.topograd.spec.SpecHeading> all = new ArrayList<>(loaded.specs());
        all.addAll(loaded.tensorSpecs());
        if (all.isEmpty()) {
            err.println("gradescope-package: not built: no spec in " + specs + ".");
            return ExitCodes.FINDINGS;
        }
        Path topograd = jar != null ? jar : runningJar();
        if (topograd == null || !Files.isRegularFile(topograd)) {
            throw new CommandLine.ParameterException(command.commandLine(), "gradescope-package: "
                    + (jar != null ? "no jar at " + jar : "topograd is not running from its jar")
                    + ": build it (mvn package) and run java -jar target/topograd.jar, or give --jar FILE");
        }
        List<Path> files = new ArrayList<>(SpecLoader.list(specs));
        Path assignment = specs.resolve(SpecLoader.ASSIGNMENT_FILE);
        if (Files.isRegularFile(assignment)) {
            files.add(assignment);
        }
        AtomicFiles.write(out, AutograderPackage.build(topograd, files));
        long hidden = all.stream().filter(s -> s.hidden()).count();
        stdout.println("autograder: " + out + " (" + all.size() + (loaded.tensorSpecs().isEmpty() ? "" : " tensor")
                + " specs, " + hidden + " hidden)");
        stdout.println("Upload it as the autograder of a Gradescope programming assignment; see the README's"
                + " Gradescope section for the settings.");
        return ExitCodes.OK;
    }

    /** The jar this topograd runs from, or null when it runs from class folders (a build, tests). */
    private static Path runningJar() {
        try {
            Path source = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(source) ? source : null;
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }
}
