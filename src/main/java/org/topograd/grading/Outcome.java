package org.topograd.grading;

import org.topograd.SafeText;

/** How one check at one input point came out. Only {@link Pass} earns points. */
public sealed interface Outcome {
    /** The report's {@code status} column: the outcome's kind. */
    default String status() {
        return this instanceof Pass ? "pass" : this instanceof Fail ? "fail" : this instanceof Error ? "error"
                : this instanceof Timeout ? "timeout" : this instanceof Crash ? "crash" : "not_run";
    }

    /** The report's {@code message} column: what was expected and what came out, or why. */
    String message();

    default boolean passed() {
        return this instanceof Pass;
    }

    /** The same outcome with its texts made safe to print ({@link SafeText}). */
    default Outcome safe() {
        String m = SafeText.of(message());
        if (m.equals(message()) && SafeText.of(detail()).equals(detail())) {
            return this;
        }
        if (this instanceof Pass) {
            return new Pass(m);
        } else if (this instanceof Fail) {
            return new Fail(m);
        } else if (this instanceof Error) {
            return new Error(m);
        } else if (this instanceof Timeout t) {
            return new Timeout(m, SafeText.of(t.detail()));
        } else if (this instanceof Crash) {
            return new Crash(m);
        }
        return new NotRun(m);
    }

    /**
     * More for the instructor's log, which may differ from run to run (where a timed-out task happened
     * to be when it was stopped); never in a scorecard, which must not.
     */
    default String detail() {
        return "";
    }

    /** Right; the note says what was skipped, if anything (an input at a kink). */
    record Pass(String message) implements Outcome {}

    /** Wrong numbers (or a wrong order): which node, wanted, got, tolerance. */
    record Fail(String message) implements Outcome {}

    /** The student's code threw. */
    record Error(String message) implements Outcome {}

    /** The student's code did not finish in time. */
    record Timeout(String message, String detail) implements Outcome {
        public Timeout(String message) {
            this(message, "");
        }
    }

    /** The worker died: out of memory, System.exit, Runtime.halt, garbage on its channel. */
    record Crash(String message) implements Outcome {}

    /** The check could not be made: a class is missing, the code did not compile. */
    record NotRun(String message) implements Outcome {}
}
