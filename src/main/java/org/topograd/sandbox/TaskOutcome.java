package org.topograd.sandbox;

import java.util.List;
import org.topograd.worker.Messages;

/** How a task ended: with a result, or one of the ways a worker can fail to give one. */
public sealed interface TaskOutcome {
    /** The worker ran the task and answered (student code may still have thrown: see the result). */
    record Completed(Messages.Result result) implements TaskOutcome {}

    /**
     * The student thread used more CPU time than allowed; where the student's code was when
     * stopped, both empty when topograd stopped it from outside because the worker's own watchdog
     * did not.
     */
    record CpuTimeout(long cpuMillis, String where, List<String> stack) implements TaskOutcome {}

    /** The student thread used no CPU time for {@code millis}: it waits for something that never comes. */
    record Stalled(long millis) implements TaskOutcome {}

    /** The worker JVM, all its threads together, used more CPU time than one task may. */
    record ThreadsOverCpu(long cpuMillis) implements TaskOutcome {}

    /** No answer within the wall-clock allowance, where CPU time cannot be measured. */
    record WallTimeout(long millis) implements TaskOutcome {}

    /** Student code called {@code System.exit}; where, when it could be told. */
    record Exited(String where, List<String> stack) implements TaskOutcome {}

    /**
     * The worker ended without an answer: out of memory, {@code Runtime.halt}, a crash.
     *
     * @param reason what happened, in words
     * @param details the end of what the JVM printed, for the log
     */
    record Died(String reason, String details) implements TaskOutcome {}

    /** The channel carried something that is not a frame (student code wrote to file descriptor 1). */
    record Malformed(String problem) implements TaskOutcome {}

    /**
     * Not run, or stopped, because the submission's time is used up.
     *
     * @param millis the limit that was reached
     * @param backstop whether it was the wall-clock backstop (a starved machine), not the
     *     submission's own time
     */
    record OutOfTime(long millis, boolean backstop) implements TaskOutcome {}
}
