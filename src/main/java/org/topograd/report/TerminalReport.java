package org.topograd.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.topograd.grading.CheckResult;
import org.topograd.grading.Points;
import org.topograd.grading.SubmissionResult;
import org.topograd.spec.SpecHeading;

/**
 * What {@code topograd check} shows a student: the compiler's messages and the like, a summary of
 * what the code printed, then each spec's score and, for every failing check, the input point,
 * what was expected and what came out; the total comes last, where the eye lands. Hidden specs are
 * counted, never named.
 */
public final class TerminalReport {
    /** How many failures without a diagnosis are shown in full per spec; the rest are counted. */
    static final int SHOWN = 4;
    /** How many of a point's inputs are shown; a generated graph may have many. */
    static final int INPUTS_SHOWN = 6;

    private final boolean color;
    private final String explainFor;
    private final String program;

    /**
     * @param explainFor how the student named their submission, for the {@code topograd explain}
     *     hint; null where there is no {@code explain} (the student kit)
     */
    public TerminalReport(boolean color, String explainFor) {
        this(color, explainFor, "topograd");
    }

    /**
     * @param program how the student runs topograd, for texts that name a command: {@code topograd}, or
     *     {@code java -jar topograd-student.jar} in the student kit
     */
    public TerminalReport(boolean color, String explainFor, String program) {
        this.color = color;
        this.explainFor = explainFor;
        this.program = program;
    }

    public String render(SubmissionResult result, List<? extends SpecHeading> specs, int hiddenSpecs) {
        StringBuilder out = new StringBuilder();
        out.append(bold("topograd check: " + result.student())).append(" (").append(specs.size())
                .append(specs.size() == 1 ? " spec" : " specs");
        if (hiddenSpecs > 0) {
            out.append("; ").append(hiddenSpecs).append(hiddenSpecs == 1 ? " hidden spec is" : " hidden specs are")
                    .append(" graded after you submit");
        }
        out.append(")\n\n");
        for (SubmissionResult.Note note : result.notes()) {
            out.append(note.error() ? red("✗ ") : yellow("! ")).append(note.topic()).append(": ")
                    .append(note.message().replace("\n", "\n    ")).append('\n');
        }
        if (!result.notes().isEmpty()) {
            out.append('\n');
        }
        List<String> printed = PrintedOutput.summary(result.output(), program + " check --json");
        if (!printed.isEmpty()) {
            printed.forEach(line -> out.append(line).append('\n'));
            out.append('\n');
        }
        for (SpecHeading spec : specs) {
            SpecTotals totals = SpecTotals.of(spec.id(), result.rows());
            out.append(totals.passed() ? green("✓ ") : red("✗ ")).append(bold(spec.id())).append("  ")
                    .append(spec.title()).append("  ").append(Points.format(totals.score())).append('/')
                    .append(Points.format(totals.max())).append('\n');
            failures(spec, totals.rows(), out);
            totals.rows().stream().filter(r -> r.outcome() instanceof org.topograd.grading.Outcome.Fail).findFirst()
                    // explain draws scalar graphs only so far: no hint that would send a student to a refusal
                    .filter(r -> explainFor != null && spec instanceof org.topograd.spec.Spec)
                    .ifPresent(r -> out.append("    see it drawn: topograd explain ").append(spec.file())
                            .append(" --submission ").append(explainFor).append(" --case ").append(r.caseName())
                            .append('\n'));
        }
        out.append('\n').append(bold("Total: " + Points.format(result.score()) + " / " + Points.format(result.max())
                + " (" + Points.percent(result.score(), result.max()) + "%)"));
        out.append(result.allPassed() ? green("  all checks pass") : "").append('\n');
        return out.toString();
    }

    /**
     * A spec's failing checks: a diagnosed bug is explained once, with where else it shows; other
     * failures are shown in full up to {@link #SHOWN}, then counted.
     */
    private void failures(SpecHeading spec, List<CheckResult> rows, StringBuilder out) {
        Map<String, List<CheckResult>> byBug = new LinkedHashMap<>();
        int shown = 0;
        int more = 0;
        for (CheckResult r : rows) {
            if (r.outcome().passed()) {
                continue;
            }
            if (!r.bug().isEmpty()) {
                byBug.computeIfAbsent(r.bug(), b -> new java.util.ArrayList<>()).add(r);
            } else if (shown < SHOWN) {
                shown++;
                out.append("    ").append(line(spec, r)).append('\n');
            } else {
                more++;
            }
        }
        if (more > 0) {
            out.append("    ... and ").append(more).append(more == 1 ? " more failing check" : " more failing checks")
                    .append(" (").append(program).append(" check --json lists them all)\n");
        }
        byBug.forEach((bug, same) -> {
            out.append("    ").append(line(spec, same.get(0))).append('\n');
            if (same.size() > 1) {
                List<String> where = same.subList(1, same.size()).stream()
                        .map(r -> r.caseName() + " " + r.check().reportName()).toList();
                out.append("    the same likely bug (").append(bug).append(") at ")
                        .append(String.join(", ", where)).append('\n');
            }
        });
    }

    private String line(SpecHeading spec, CheckResult r) {
        return r.caseName() + " " + r.check().reportName() + inputs(spec, r.caseName()) + "  " + red(r.outcome()
                .status().toUpperCase(java.util.Locale.ROOT) + ": " + r.outcome().message());
    }

    /** " (x = 0.5, y = -1.25)": the input point, so that a failure at a random point can be tried by hand. */
    static String inputs(SpecHeading spec, String caseName) {
        List<String> inputs = spec.inputsAt(caseName);
        List<String> shown = new java.util.ArrayList<>(inputs.subList(0, Math.min(INPUTS_SHOWN, inputs.size())));
        if (inputs.size() > INPUTS_SHOWN) {
            shown.add("and " + (inputs.size() - INPUTS_SHOWN) + " more");
        }
        return shown.isEmpty() ? "" : " (" + String.join(", ", shown) + ")";
    }

    private String bold(String s) {
        return paint("1", s);
    }

    private String red(String s) {
        return paint("31", s);
    }

    private String green(String s) {
        return paint("32", s);
    }

    private String yellow(String s) {
        return paint("33", s);
    }

    private String paint(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
