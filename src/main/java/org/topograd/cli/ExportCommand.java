package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.topograd.report.AtomicFiles;
import org.topograd.report.GradebookExport;
import org.topograd.report.Roster;
import org.topograd.spec.Suggest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code topograd export}: summary.csv as the CSV an LMS gradebook imports. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Turns reports/summary.csv into a CSV for an LMS gradebook's import: canvas (Student, ID, SIS"
                + " User ID, SIS Login ID, Section, and a Points Possible row), moodle (Username, Email address, ID"
                + " number, Full name) or plain. Without --roster each submission id is taken to be the student's"
                + " SIS Login ID (canvas) or username (moodle); a roster CSV (columns: submission, and any of "
                + "name, canvas_id, sis_user_id, sis_login_id, section, username, email, idnumber) says who each"
                + " submission is.",
        footer = ExitCodes.HELP_FOOTER)
final class ExportCommand implements Callable<Integer> {
    static final List<String> LMS = List.of("canvas", "moodle", "plain");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Option(names = "--lms", required = true, paramLabel = "LMS", completionCandidates = Lms.class,
            description = "canvas, moodle or plain.")
    String lms;

    @Option(names = "--reports", defaultValue = "reports",
            description = "The reports folder with summary.csv (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Option(names = "--roster", paramLabel = "FILE", description = "A CSV saying who each submission is.")
    Path roster;

    @Option(names = "--assignment", paramLabel = "NAME", defaultValue = "topograd",
            description = "The gradebook column's title (default: ${DEFAULT-VALUE}). For Canvas, a new name makes a"
                    + " new assignment; \"Name (id)\" as in Canvas's own export updates that one.")
    String assignment;

    @Option(names = "--out", paramLabel = "FILE", description = "Where the CSV goes (default: standard output).")
    Path out;

    static final class Lms implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return LMS.iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (!LMS.contains(lms)) {
            throw new CommandLine.ParameterException(command.commandLine(), "export: --lms " + lms + " is not one of "
                    + String.join(", ", LMS) + Suggest.nearest(lms, LMS).map(s -> " (did you mean '" + s + "'?)")
                    .orElse(""));
        }
        Path summary = reports.resolve("summary.csv");
        if (!Files.isRegularFile(summary)) {
            throw new CommandLine.ParameterException(command.commandLine(), "export: no " + summary
                    + ": run topograd grade first, or give the reports folder with --reports");
        }
        if (roster != null && !Files.isRegularFile(roster)) {
            throw new CommandLine.ParameterException(command.commandLine(), "export: no roster file at " + roster);
        }
        if (assignment.isBlank()) {
            throw new CommandLine.ParameterException(command.commandLine(), "export: --assignment needs a name");
        }
        List<GradebookExport.Grade> grades = GradebookExport.readSummary(summary);
        Roster who = null;
        if (roster != null) {
            Roster.Result read = Roster.read(roster);
            if (read instanceof Roster.Result.Invalid invalid) {
                invalid.problems().forEach(p -> err.println("export: " + p));
                return ExitCodes.FINDINGS;
            }
            who = ((Roster.Result.Valid) read).roster();
            List<String> unknown = new ArrayList<>();
            for (GradebookExport.Grade g : grades) {
                if (!who.contains(g.student())) {
                    unknown.add(g.student());
                }
            }
            if (!unknown.isEmpty()) {
                for (String id : unknown) {
                    err.println("export: submission '" + id + "' is not in " + roster + ": add a row for it, or the"
                            + " LMS cannot tell whose grade it is");
                }
                err.println("export: nothing was written.");
                return ExitCodes.FINDINGS;
            }
            List<String> missing = who.submissions().stream()
                    .filter(id -> grades.stream().noneMatch(g -> g.student().equals(id))).toList();
            if (!missing.isEmpty()) {
                err.println("export: " + missing.size() + " student(s) in the roster have no graded submission and"
                        + " are left out: " + String.join(", ", missing));
            }
        }
        GradebookExport.Lms target = GradebookExport.Lms.valueOf(lms.toUpperCase(Locale.ROOT));
        byte[] csv = GradebookExport.render(target, grades, who, assignment);
        if (out == null) {
            stdout.print(new String(csv, StandardCharsets.UTF_8));
            stdout.flush();
        } else {
            AtomicFiles.write(out, csv);
            err.println("export: " + grades.size() + " students for " + lms + " in " + out);
        }
        return ExitCodes.OK;
    }
}
