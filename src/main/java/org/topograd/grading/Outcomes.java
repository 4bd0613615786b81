package org.topograd.grading;

import java.util.List;
import org.topograd.sandbox.Limits;
import org.topograd.sandbox.TaskOutcome;
import org.topograd.spec.Graph;
import org.topograd.spec.NumberText;
import org.topograd.worker.Messages;

/**
 * What a task's outcome means for a submission, in one place: a worker's raw {@link TaskOutcome}
 * becomes a check's {@link Outcome} (pass or fail is the {@link Judge}'s), and the words a student
 * reads about an exception, a timeout, an exit or a crash.
 */
final class Outcomes {
    private final Blame blame;
    private final Limits limits;

    Outcomes(Blame blame, Limits limits) {
        this.blame = blame;
        this.limits = limits;
    }

    /**
     * A task's result, or the outcome that replaces the check when there is none; and the node
     * values, whenever forward got as far as computing them (even if backward then failed).
     */
    record Attempt(Messages.Result result, Outcome failed, double[] values) {}

    /**
     * Where student code was, in the student's terms: {@code forward:4} as "Mul.forward() at node y"
     * ({@link Blame#describe} on a scalar graph; the tensor grading's own for a tensor graph).
     */
    @FunctionalInterface
    interface Places {
        String describe(String where);
    }

    /** The task's outcome as an attempt; {@code lastValues}: the values the worker sent before it stopped. */
    Attempt attempt(TaskOutcome outcome, Graph graph, double[] lastValues) {
        return attempt(outcome, places(graph), lastValues);
    }

    /** {@link #attempt(TaskOutcome, Graph, double[])} with the places told by {@code places}. */
    Attempt attempt(TaskOutcome outcome, Places places, double[] lastValues) {
        if (outcome instanceof TaskOutcome.Completed done) {
            Messages.Failure failure = done.result().failure();
            if (failure == null) {
                return new Attempt(done.result(), null, done.result().values());
            }
            return new Attempt(null, new Outcome.Error(thrown(places, failure)), done.result().values());
        }
        String message = describe(outcome, places);
        if (outcome instanceof TaskOutcome.CpuTimeout t) {
            return new Attempt(null, new Outcome.Timeout(message, "stopped" + Blame.firstFrame(t.stack())),
                    lastValues);
        }
        Outcome failed = outcome instanceof TaskOutcome.Stalled || outcome instanceof TaskOutcome.ThreadsOverCpu
                || outcome instanceof TaskOutcome.WallTimeout || outcome instanceof TaskOutcome.OutOfTime
                ? new Outcome.Timeout(message) : new Outcome.Crash(message);
        return new Attempt(null, failed, lastValues);
    }

    /** "Mul.forward() at node y threw ..., at ...": an exception in the student's code. */
    String thrown(Graph graph, Messages.Failure failure) {
        return thrown(places(graph), failure);
    }

    String thrown(Places places, Messages.Failure failure) {
        return places.describe(failure.where()) + " threw " + failure.exception() + Blame.firstFrame(failure.stack());
    }

    private Places places(Graph graph) {
        return where -> blame.describe(graph, where);
    }

    /** Why a task gave no result, in the student's terms. */
    String describe(TaskOutcome outcome, Graph graph) {
        return describe(outcome, places(graph));
    }

    /** {@link #describe(TaskOutcome, Graph)} with the places told by {@code places}. */
    String describe(TaskOutcome outcome, Places places) {
        if (outcome instanceof TaskOutcome.CpuTimeout t) {
            // Where exactly it was stopped varies from run to run; that goes to the log, not here.
            return "did not finish within " + seconds(limits.taskCpuMillis()) + " of CPU time; stopped in "
                    + places.describe(t.where());
        }
        if (outcome instanceof TaskOutcome.Stalled t) {
            return "no answer: the code used no CPU time for " + seconds(t.millis()) + " (is it waiting forever,"
                    + " on a thread or a lock?)";
        }
        if (outcome instanceof TaskOutcome.ThreadsOverCpu) {
            return "the code's threads used more than " + seconds(limits.processCpuMillis())
                    + " of CPU time in all (one check may use " + seconds(limits.taskCpuMillis())
                    + "; the rest is room for the JVM itself)";
        }
        if (outcome instanceof TaskOutcome.WallTimeout t) {
            return "no answer within " + seconds(t.millis()) + " (is the code waiting forever, on a thread or a"
                    + " lock?)";
        }
        if (outcome instanceof TaskOutcome.Exited e) {
            return "the code called System.exit in " + places.describe(e.where())
                    + Blame.firstFrame(e.stack());
        }
        if (outcome instanceof TaskOutcome.Died d) {
            return d.reason();
        }
        if (outcome instanceof TaskOutcome.Malformed m) {
            return "the worker's result channel was corrupted (" + m.problem() + "): the code wrote to the"
                    + " process's standard output directly instead of through System.out";
        }
        if (outcome instanceof TaskOutcome.OutOfTime o && o.backstop()) {
            return "not run: grading this submission took " + seconds(o.millis()) + " of wall-clock time, five"
                    + " times its time limit; the machine was too busy to go on (grade it again when it is"
                    + " not)";
        }
        if (outcome instanceof TaskOutcome.OutOfTime o) {
            return "not run: the submission's time limit of " + seconds(o.millis()) + " was used up (CPU time"
                    + " of all its threads, and time its code spent blocked)";
        }
        return outcome.toString();
    }

    /** Whether the worker was stopped or lost: anything but a result or the submission's time running out. */
    static boolean stopsEverything(TaskOutcome outcome) {
        return !(outcome instanceof TaskOutcome.Completed) && !(outcome instanceof TaskOutcome.OutOfTime);
    }

    /** Where student code was stopped, by a CPU timeout or its own System.exit; null for any other outcome. */
    static String stoppedAt(TaskOutcome outcome) {
        if (outcome instanceof TaskOutcome.CpuTimeout t) {
            return t.where();
        }
        return outcome instanceof TaskOutcome.Exited e ? e.where() : null;
    }

    /** The student's stack where it was stopped, as {@link #stoppedAt}; empty for any other outcome. */
    static List<String> stack(TaskOutcome outcome) {
        if (outcome instanceof TaskOutcome.CpuTimeout t) {
            return t.stack();
        }
        return outcome instanceof TaskOutcome.Exited e ? e.stack() : List.of();
    }

    static String seconds(long millis) {
        return NumberText.format(millis / 1000.0) + " s";
    }
}
