package org.topograd.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.topograd.grading.CheckResult;
import org.topograd.grading.Points;
import org.topograd.grading.SubmissionResult;
import org.topograd.spec.Spec;

/**
 * What {@code topograd check} shows a student: each spec's score, and for every failing check what
 * was expected and what came out; the compiler's messages; what the code printed. Hidden specs are
 * counted, never named.
 */
public final class TerminalReport {
    private final boolean color;

    public TerminalReport(boolean color) {
        this.color = color;
    }

    public String render(SubmissionResult result, List<Spec> specs, int hiddenSpecs) {
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
        for (Spec spec : specs) {
            List<CheckResult> rows = result.rows().stream().filter(r -> r.spec().equals(spec.id())).toList();
            long score = rows.stream().mapToLong(CheckResult::score).sum();
            long max = rows.stream().mapToLong(CheckResult::max).sum();
            boolean passed = rows.stream().allMatch(r -> r.outcome().passed());
            out.append(passed ? green("✓ ") : red("✗ ")).append(bold(spec.id())).append("  ").append(spec.title())
                    .append("  ").append(Points.format(score)).append('/').append(Points.format(max)).append('\n');
            Map<String, String> failures = new LinkedHashMap<>();
            for (CheckResult r : rows) {
                if (!r.outcome().passed()) {
                    failures.put(r.caseName() + " " + r.check().reportName(), r.outcome().status().toUpperCase(
                            java.util.Locale.ROOT) + ": " + r.outcome().message());
                }
            }
            failures.forEach((what, why) -> out.append("    ").append(what).append("  ").append(red(why)).append('\n'));
            rows.stream().filter(r -> r.outcome() instanceof org.topograd.grading.Outcome.Fail).map(CheckResult::caseName)
                    .distinct().forEach(c -> out.append("    see it drawn: topograd explain ").append(spec.file())
                            .append(" --submission . --case ").append(c).append('\n'));
        }
        out.append('\n').append(bold("Total: " + Points.format(result.score()) + " / " + Points.format(result.max())
                + " (" + Points.percent(result.score(), result.max()) + "%)"));
        out.append(result.allPassed() ? green("  all checks pass") : "").append('\n');
        if (!result.output().isEmpty()) {
            out.append("\nYour code printed:\n");
            for (String line : result.output().split("\n", -1)) {
                out.append("  | ").append(line).append('\n');
            }
        }
        return out.toString();
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
