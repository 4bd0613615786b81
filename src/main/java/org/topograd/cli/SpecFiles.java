package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.topograd.grading.AnswerSource;
import org.topograd.grading.Assignment;
import org.topograd.grading.AssignmentReader;
import org.topograd.spec.Location;
import org.topograd.spec.Problem;
import org.topograd.spec.Spec;
import org.topograd.spec.SpecLoader;
import org.topograd.spec.SpecResult;
import org.topograd.spec.tensor.TensorSpec;
import org.topograd.spec.tensor.TensorSpecLoader;
import org.topograd.spec.tensor.TensorSpecResult;

/** Loading a specs folder for a command: the valid specs, and every problem printed. */
final class SpecFiles {
    private SpecFiles() {}

    /**
     * @param assignment the course settings, or null when assignment.yaml is invalid
     */
    record Loaded(List<Spec> specs, int invalid, Assignment assignment, List<TensorSpec> tensorSpecs,
            String refusal) {
        Loaded {
            specs = List.copyOf(specs);
            tensorSpecs = List.copyOf(tensorSpecs);
        }

        Loaded(List<Spec> specs, int invalid, Assignment assignment) {
            this(specs, invalid, assignment, List.of(), null);
        }

        /** The ids of every spec loaded, scalar or tensor (one of the two lists is empty), in file order. */
        List<String> ids() {
            List<String> ids = new ArrayList<>(specs.stream().map(Spec::id).toList());
            tensorSpecs.forEach(t -> ids.add(t.id()));
            return ids;
        }

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
            if (refusal != null) {
                err.println("topograd grade: " + refusal);
                return false;
            }
            if (specs.isEmpty() && tensorSpecs.isEmpty()) {
                err.println("topograd grade: no valid spec in " + dir + "; nothing to grade.");
                return false;
            }
            return true;
        }
    }

    /** For the full tool's commands: specs proven by the reference engine, {@code validate} to see why. */
    static Loaded load(picocli.CommandLine command, Path dir, PrintWriter err, AnswerSource answers)
            throws IOException {
        return load(command, dir, err, answers, CommandRunner.TOOL);
    }

    /**
     * The specs that read and that {@code answers} finds fit to grade with (a spec whose expect
     * disagrees with the answers, or with a point not graded reliably, is left out with validate's
     * messages), and the course settings.
     *
     * @param command the command whose usage error a missing folder is
     * @param answers what proves each spec: the reference engine in the full tool (it never names the
     *     engine itself, so that the student kit, which uses this class, links no engine)
     * @param program how the user runs topograd ({@link CommandRunner#TOOL}, or the student kit's
     *     command, which has no {@code validate}: there an invalid spec was edited after the kit was made)
     */
    static Loaded load(picocli.CommandLine command, Path dir, PrintWriter err, AnswerSource answers, String program)
            throws IOException {
        return load(command, dir, err, answers, program, false);
    }

    /**
     * For {@code grade}: scalar specs or tensor specs, whichever the folder holds; a folder with both is
     * refused ({@link Loaded#refusal()}), naming the files of each kind.
     */
    static Loaded loadEither(picocli.CommandLine command, Path dir, PrintWriter err, AnswerSource answers)
            throws IOException {
        return load(command, dir, err, answers, CommandRunner.TOOL, true);
    }

    /**
     * For {@code check}, {@code kit} and Gradescope: scalar specs or tensor specs, whichever the folder
     * holds, as {@link #loadEither(picocli.CommandLine, Path, PrintWriter, AnswerSource)} for
     * {@code program}.
     */
    static Loaded loadEither(picocli.CommandLine command, Path dir, PrintWriter err, AnswerSource answers,
            String program) throws IOException {
        return load(command, dir, err, answers, program, true);
    }

    /**
     * @param tensors whether tensor specs are read (by {@code grade}, {@code check}, the kit, Gradescope and
     *     {@code bench --grading}); elsewhere (the check's latency benchmark) a tensor spec is left out with a
     *     message
     */
    private static Loaded load(picocli.CommandLine command, Path dir, PrintWriter err, AnswerSource answers,
            String program, boolean tensors) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new picocli.CommandLine.ParameterException(command,
                    "no specs folder at " + dir + ": give one with --specs");
        }
        Assignment assignment = null;
        AssignmentReader.Result settings = AssignmentReader.load(dir);
        if (settings instanceof AssignmentReader.Result.Valid valid) {
            assignment = valid.assignment();
        } else {
            ((AssignmentReader.Result.Invalid) settings).problems().forEach(err::println);
        }
        List<Spec> specs = new ArrayList<>();
        int invalid = 0;
        List<TensorSpec> tensorSpecs = new ArrayList<>();
        List<String> scalarFiles = new ArrayList<>();
        List<String> tensorFiles = new ArrayList<>();
        for (Path file : SpecLoader.list(dir)) {
            if (TensorSpecLoader.isTensorSpec(file)) {
                tensorFiles.add(file.getFileName().toString());
                TensorSpecResult read = tensors ? TensorSpecLoader.load(file) : null;
                List<Problem> problems = read instanceof TensorSpecResult.Invalid broken ? broken.problems()
                        : read == null || assignment == null ? List.of()
                        : unfit(answers, ((TensorSpecResult.Valid) read).spec(), assignment);
                if (read instanceof TensorSpecResult.Valid valid && problems.isEmpty()) {
                    tensorSpecs.add(valid.spec());
                } else if (read != null) {
                    invalid++;
                    problems.forEach(err::println);
                }
                continue;
            }
            scalarFiles.add(file.getFileName().toString());
            SpecResult result = SpecLoader.load(file);
            List<Problem> problems = result instanceof SpecResult.Invalid broken ? broken.problems()
                    : assignment == null ? List.of() // nothing is graded anyway; the settings are what to fix
                    : unfit(answers, ((SpecResult.Valid) result).spec(), assignment);
            if (problems.isEmpty()) {
                specs.add(((SpecResult.Valid) result).spec());
            } else {
                invalid++;
                problems.forEach(err::println);
            }
        }
        if (invalid > 0) {
            err.println(invalid + " spec(s) are invalid and were left out; " + (program.equals(CommandRunner.TOOL)
                    ? "run topograd validate to see why." : "put back the specs as they came in the kit."));
        }
        if (!tensors && !tensorFiles.isEmpty()) {
            // Counted as left out, so that the command does not report success on fewer specs than there are.
            invalid += tensorFiles.size();
            err.println(tensorFiles.size() + " tensor spec(s) were left out (" + String.join(", ", tensorFiles)
                    + "): this command takes scalar specs only so far.");
        }
        if (tensors && !scalarFiles.isEmpty() && !tensorFiles.isEmpty()) {
            return new Loaded(List.of(), invalid, assignment, List.of(), dir + " holds scalar specs ("
                    + String.join(", ", scalarFiles) + ") and tensor specs (" + String.join(", ", tensorFiles)
                    + "); an assignment is all one or the other: put each kind in a specs folder of its own."
                    + " Nothing was graded.");
        }
        return new Loaded(specs, invalid, assignment, tensorSpecs, null);
    }

    /** {@link #unfit(AnswerSource, Spec, Assignment)} for a tensor spec. */
    private static List<Problem> unfit(AnswerSource answers, TensorSpec spec, Assignment assignment) {
        try {
            return answers.unfit(spec, assignment.numerical());
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(new Problem(new Location(spec.file(), 1, 1), "topograd could not prove this spec ("
                    + e.getClass().getSimpleName() + "): this is a bug in topograd; please report it with the file,"
                    + " and leave the spec out meanwhile"));
        }
    }

    /** Why a spec must not be graded with; one spec that topograd fails to prove never stops the others. */
    private static List<Problem> unfit(AnswerSource answers, Spec spec, Assignment assignment) {
        try {
            return answers.unfit(spec, assignment.numerical());
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(new Problem(new Location(spec.file(), 1, 1), "topograd could not prove this spec ("
                    + e.getClass().getSimpleName() + "): this is a bug in topograd; please report it with the file,"
                    + " and leave the spec out meanwhile"));
        }
    }
}
