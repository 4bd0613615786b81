package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.topograd.grading.Assignment;
import org.topograd.grading.AssignmentReader;
import org.topograd.spec.Problem;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.SpecResult;

/** Loading a specs folder for a command: the valid specs, and every problem printed. */
final class SpecFiles {
    private SpecFiles() {}

    /**
     * @param assignment the course settings, or null when assignment.yaml is invalid
     */
    record Loaded(List<Spec> specs, int invalid, Assignment assignment) {
        /**
         * Whether there is something to grade with: the settings are valid (wrong weights would mean
         * wrong grades) and at least one spec is. Says why not on {@code err}.
         */
        boolean gradable(Path dir, PrintWriter err) {
            if (assignment == null) {
                err.println("topograd grade: " + dir.resolve(SpecLoader.ASSIGNMENT_FILE)
                        + " is invalid; nothing was graded.");
                return false;
            }
            if (specs.isEmpty()) {
                err.println("topograd grade: no valid spec in " + dir + "; nothing to grade.");
                return false;
            }
            return true;
        }
    }

    static Loaded load(Path dir, PrintWriter err) throws IOException {
        return load(null, dir, err);
    }

    /**
     * @param command the command whose usage a missing folder shows; null for a bare "Usage: topograd"
     *     (never the top command's: that would link every command, the reference engine among them,
     *     into the student kit, which uses this class)
     */
    static Loaded load(picocli.CommandLine command, Path dir, PrintWriter err) throws IOException {
        return load(command, dir, err, CommandRunner.TOOL);
    }

    /**
     * @param program how the user runs topograd ({@link CommandRunner#TOOL}, or the student kit's
     *     command, which has no {@code validate}: there an invalid spec was edited after the kit was made)
     */
    static Loaded load(picocli.CommandLine command, Path dir, PrintWriter err, String program) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new picocli.CommandLine.ParameterException(command != null ? command
                    : new picocli.CommandLine(picocli.CommandLine.Model.CommandSpec.create().name("topograd")),
                    "no specs folder at " + dir + ": give one with --specs");
        }
        List<Spec> specs = new ArrayList<>();
        int invalid = 0;
        for (Path file : SpecLoader.list(dir)) {
            SpecResult result = SpecLoader.load(file);
            if (result instanceof SpecResult.Valid valid) {
                specs.add(valid.spec());
            } else {
                invalid++;
                for (Problem p : ((SpecResult.Invalid) result).problems()) {
                    err.println(p);
                }
            }
        }
        if (invalid > 0) {
            err.println(invalid + " spec(s) are invalid and were left out; " + (program.equals(CommandRunner.TOOL)
                    ? "run topograd validate to see why." : "put back the specs as they came in the kit."));
        }
        Assignment assignment = null;
        AssignmentReader.Result settings = AssignmentReader.load(dir);
        if (settings instanceof AssignmentReader.Result.Valid valid) {
            assignment = valid.assignment();
        } else {
            ((AssignmentReader.Result.Invalid) settings).problems().forEach(err::println);
        }
        return new Loaded(specs, invalid, assignment);
    }
}
