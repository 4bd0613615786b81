package org.topograd.grading;

/**
 * One row of a scorecard: one check of one spec at one input point.
 *
 * @param spec the spec's id
 * @param caseName the input point: {@code main}, {@code case-1}, {@code random-2}
 * @param check which check
 * @param outcome what happened
 * @param max what it is worth, in hundredths of a point
 * @param bug the diagnosed bug's short name, or {@code ""}
 */
public record CheckResult(String spec, String caseName, Check check, Outcome outcome, long max, String bug) {
    public CheckResult(String spec, String caseName, Check check, Outcome outcome, long max) {
        this(spec, caseName, check, outcome, max, "");
    }

    /** The same row with every text made safe to print (messages quote what student code threw). */
    CheckResult safe() {
        return new CheckResult(spec, caseName, check, outcome.safe(), max, bug);
    }

    /** Points earned, in hundredths: all or nothing. */
    public long score() {
        return outcome.passed() ? max : 0;
    }
}
