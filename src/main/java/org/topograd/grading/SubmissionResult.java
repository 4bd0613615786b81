package org.topograd.grading;

import java.util.List;
import java.util.Locale;
import org.topograd.SafeText;
import org.topograd.sandbox.SandboxLevel;

/**
 * Everything grading one submission produced.
 *
 * @param student the submission's id
 * @param status how far grading got
 * @param rows one per check, spec and input point, in report order
 * @param notes what the student should know beyond the rows: compiler messages, missing or
 *     duplicate classes, ops stopped early
 * @param output what the student's code printed (head and tail)
 * @param timings where the time went
 * @param sandbox how the code was isolated
 * @param trace for the instructor's log only: topograd's own stack trace when grading failed, or ""
 *
 * <p>Every text in it that a submission could have shaped is made safe to print ({@link SafeText}):
 * this is where every report, the terminal and Gradescope get their text from.
 */
public record SubmissionResult(String student, Status status, List<CheckResult> rows, List<Note> notes,
        String output, Timings timings, SandboxLevel sandbox, String trace) {

    public SubmissionResult {
        rows = rows.stream().map(CheckResult::safe).toList();
        notes = notes.stream().map(n -> new Note(n.topic(), n.error(), SafeText.of(n.message()))).toList();
        output = SafeText.of(output);
        trace = SafeText.of(trace);
    }

    public SubmissionResult(String student, Status status, List<CheckResult> rows, List<Note> notes, String output,
            Timings timings, SandboxLevel sandbox) {
        this(student, status, rows, notes, output, timings, sandbox, "");
    }

    public enum Status {
        /** Graded (some checks may still fail). */
        OK,
        /** Nothing to compile: no .java files and no jar. */
        NO_SOURCES,
        /** The sources did not compile; nothing ran. */
        COMPILE_ERROR,
        /** It compiled, but no class has @Op or implements Backprop. */
        NO_CLASSES,
        /** No worker JVM could be started for it. */
        WORKER_FAILED,
        /**
         * topograd itself failed while grading it (a bug, or the machine): nothing is final, and the
         * next {@code grade} grades it again.
         */
        GRADER_ERROR;

        public String reportName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A message about the submission as a whole.
     *
     * @param topic {@code compile}, {@code classes} or {@code worker}
     * @param error whether it cost points (a compile error, a missing class) or is only advice
     */
    public record Note(String topic, boolean error, String message) {}

    /** Milliseconds spent compiling, starting worker JVMs and running checks, and how many JVMs. */
    public record Timings(long compileMillis, long startMillis, long runMillis, int workers) {}

    public long score() {
        return rows.stream().mapToLong(CheckResult::score).sum();
    }

    public long max() {
        return rows.stream().mapToLong(CheckResult::max).sum();
    }

    /**
     * Whether {@code check} may say that all checks pass: graded, every row passed, and no note that
     * costs points, such as a class missing for an op that only a hidden spec uses (it would cost
     * points once graded).
     */
    public boolean allPassed() {
        return status == Status.OK && rows.stream().allMatch(r -> r.outcome().passed())
                && notes.stream().noneMatch(Note::error);
    }
}
