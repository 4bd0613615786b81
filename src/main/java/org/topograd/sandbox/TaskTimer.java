package org.topograd.sandbox;

/**
 * Decides, while the parent waits for a task's answer, whether the task has run out of time. Every
 * rule but the submission's own wall clock is about CPU time, read from outside the worker by the
 * {@link WorkerClock}, so that no verdict depends on how busy the machine is:
 *
 * <ul>
 *   <li>the student thread used more than the task's CPU allowance (plus a margin: the worker's own
 *       watchdog normally stops it first, with the stack of where it was; this is for a student who
 *       disabled that watchdog);
 *   <li>the worker JVM as a whole, all threads together, used {@link Limits#processCpuMillis()}
 *       (student threads that compute in the background while the student thread waits);
 *   <li>for {@link Limits#stallMillis()}, the student thread gained no CPU time and waited for none,
 *       and the rest of the JVM did no work to speak of: the code is blocked (waiting forever on a
 *       lock, a thread, a pipe). Code that computes slowly on a busy machine gains CPU time or waits
 *       for it, and code held at a safepoint while the JVM works for it (the garbage collector or
 *       the VM thread walking a very deep stack) is held by threads that gain CPU time, so neither
 *       is ever taken for blocked.
 * </ul>
 *
 * <p>Where /proc cannot be read (no clock), the old wall-clock rule stands in: no answer within
 * {@link Limits#taskWallMillis()}.
 */
final class TaskTimer {
    /** How often the clock is read while waiting. */
    static final long SLICE_MILLIS = 50;

    private final WorkerClock clock;
    private final Limits limits;
    private final long begin = System.nanoTime();
    private final long submissionDeadline;
    private final long studentStart;
    private final long processStart;
    /** The clock's readings when progress was last seen. */
    private long progressAt = begin;
    private long studentSeen;
    private long waitingSeen;
    private long othersSeen;

    /** @param leftMillis what is left of the submission's wall-clock time */
    TaskTimer(WorkerClock clock, Limits limits, long leftMillis) {
        this.clock = clock;
        this.limits = limits;
        this.submissionDeadline = begin + leftMillis * 1_000_000L;
        this.studentStart = clock == null ? 0 : clock.studentNanos();
        this.processStart = clock == null ? 0 : clock.processNanos();
        this.studentSeen = studentStart;
        this.waitingSeen = clock == null ? 0 : clock.studentWaitingNanos();
        this.othersSeen = processStart - studentStart;
    }

    /**
     * The rest of the JVM does "no work to speak of" below this share of a core: its periodic
     * threads (the watchdog polls the clock a few hundred times a second) stay far below it.
     */
    static final double IDLE_SHARE = 0.05;

    /** How long to wait for the worker before looking at the clock again. */
    long sliceMillis() {
        long left = (submissionDeadline - System.nanoTime()) / 1_000_000L;
        return Math.max(0, Math.min(SLICE_MILLIS, left));
    }

    /** Null while the task may go on; otherwise why it is stopped. */
    TaskOutcome expired() {
        long now = System.nanoTime();
        if (now - submissionDeadline >= 0) {
            return new TaskOutcome.OutOfTime(limits.submissionWallMillis());
        }
        if (clock == null) {
            return millis(now - begin) >= limits.taskWallMillis() ? new TaskOutcome.WallTimeout(limits.taskWallMillis())
                    : null;
        }
        long student = clock.studentNanos();
        long waiting = clock.studentWaitingNanos();
        long process = clock.processNanos();
        long studentUsed = millis(Math.max(student, studentSeen) - studentStart);
        if (studentUsed > limits.taskCpuMillis() + limits.watchdogMarginMillis()) {
            return new TaskOutcome.CpuTimeout(studentUsed, "", java.util.List.of());
        }
        if (process >= 0 && millis(process - processStart) > limits.processCpuMillis()) {
            return new TaskOutcome.ThreadsOverCpu(millis(process - processStart));
        }
        long others = process - Math.max(student, 0);
        if (student > studentSeen || waiting > waitingSeen
                || others - othersSeen > IDLE_SHARE * (now - progressAt)) {
            progressAt = now;
            studentSeen = Math.max(student, studentSeen);
            waitingSeen = Math.max(waiting, waitingSeen);
            othersSeen = others;
        } else if (millis(now - progressAt) >= limits.stallMillis()) {
            return new TaskOutcome.Stalled(limits.stallMillis());
        }
        return null;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000L;
    }
}
