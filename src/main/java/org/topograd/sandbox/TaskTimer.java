package org.topograd.sandbox;

/**
 * Decides, while the parent waits for a task's answer, whether the task has run out of time. Every
 * rule is about CPU time, read from outside the worker by the {@link WorkerClock}, or about time in
 * which the code made no progress at all, so that no verdict depends on how busy the machine is:
 *
 * <ul>
 *   <li>the submission's time is used up: the CPU time its workers used in its tasks, all threads
 *       together, plus the time its code spent blocked (see {@link #chargedNanos()});
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
 * <p>Where /proc cannot be read (no clock), the wall-clock rules stand in: no answer within
 * {@link Limits#taskWallMillis()}, and the submission's time counted on the wall clock. Beyond all
 * of these, a wall-clock backstop ({@link Limits#submissionBackstopMillis()}) ends a submission that
 * a starved machine cannot finish; it is far beyond anything a working machine needs.
 */
final class TaskTimer {
    /** How often the clock is read while waiting. */
    static final long SLICE_MILLIS = 50;

    private final WorkerClock clock;
    private final Limits limits;
    private final long begin = System.nanoTime();
    /** The wall-clock backstop, or where there is no clock, the submission's time. */
    private final long wallDeadline;
    /** What is left of the submission's time, in CPU and blocked time. */
    private final long budgetNanos;
    private final long studentStart;
    private final long processStart;
    /** The clock's readings when progress was last seen. */
    private long progressAt = begin;
    private long studentSeen;
    private long waitingSeen;
    private long othersSeen;
    /** The worker's CPU time at the last reading. */
    private long processSeen;
    /** The last reading of the student thread's clocks and the rest of the JVM's, and when it was taken. */
    private long lastReading = begin;
    private long lastStudent;
    private long lastWaiting;
    private long lastOthers;
    /** Time the student thread neither ran nor waited for a CPU, less what the rest of the JVM ran meanwhile. */
    private long blockedNanos;

    /**
     * @param budgetNanos what is left of the submission's time (CPU time and blocked time)
     * @param wallLeftMillis what is left of the submission's wall-clock backstop; where there is no
     *     clock, the budget is counted on the wall clock too, and the nearer of the two applies
     */
    TaskTimer(WorkerClock clock, Limits limits, long budgetNanos, long wallLeftMillis) {
        this.clock = clock;
        this.limits = limits;
        this.budgetNanos = budgetNanos;
        long wallNanos = wallLeftMillis * 1_000_000L;
        this.wallDeadline = begin + (clock == null ? Math.min(wallNanos, budgetNanos) : wallNanos);
        this.studentStart = clock == null ? 0 : clock.studentNanos();
        this.processStart = clock == null ? 0 : Math.max(0, clock.processNanos());
        this.processSeen = processStart;
        this.studentSeen = studentStart;
        this.waitingSeen = clock == null ? 0 : clock.studentWaitingNanos();
        this.othersSeen = processStart - studentStart;
        this.lastStudent = studentStart;
        this.lastWaiting = waitingSeen;
        this.lastOthers = othersSeen;
    }

    /**
     * The rest of the JVM does "no work to speak of" below this share of a core: its periodic
     * threads (the watchdog polls the clock a few hundred times a second) stay far below it.
     */
    static final double IDLE_SHARE = 0.05;

    /** How long to wait for the worker before looking at the clock again. */
    long sliceMillis() {
        long left = (wallDeadline - System.nanoTime()) / 1_000_000L;
        return Math.max(0, Math.min(SLICE_MILLIS, left));
    }

    /**
     * What this task cost of the submission's time: the CPU time the worker used while it ran, all
     * threads together, and the time in which the code made no progress (blocked or asleep; a busy
     * machine that holds the code back is progress, since the thread waits for a CPU). Neither
     * grows with the machine's load. Without a clock, the wall-clock time the task took.
     */
    long chargedNanos() {
        if (clock == null) {
            return System.nanoTime() - begin;
        }
        long process = clock.processNanos(); // -1 once the worker has ended: the last reading stands
        processSeen = Math.max(processSeen, process);
        return processSeen - processStart + blockedNanos;
    }

    /** Null while the task may go on; otherwise why it is stopped. */
    TaskOutcome expired() {
        long now = System.nanoTime();
        if (now - wallDeadline >= 0) {
            return clock == null ? new TaskOutcome.OutOfTime(limits.submissionMillis(), false)
                    : new TaskOutcome.OutOfTime(limits.submissionBackstopMillis(), true);
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
        boolean progress = student > studentSeen || waiting > waitingSeen
                || others - othersSeen > IDLE_SHARE * (now - progressAt);
        if (progress) {
            progressAt = now;
            studentSeen = Math.max(student, studentSeen);
            waitingSeen = Math.max(waiting, waitingSeen);
            othersSeen = others;
        }
        blockedNanos += blockedSince(now, student, waiting, others);
        if (chargedNanos() >= budgetNanos) {
            return new TaskOutcome.OutOfTime(limits.submissionMillis(), false);
        }
        if (!progress && millis(now - progressAt) >= limits.stallMillis()) {
            return new TaskOutcome.Stalled(limits.stallMillis());
        }
        return null;
    }

    /**
     * Of the time since the last reading, what the code spent blocked: the part in which the student
     * thread neither ran nor waited for a CPU, less the CPU time the rest of the JVM used meanwhile
     * (threads of the student's that compute are charged as CPU time instead, and the student thread
     * may be waiting for them). A busy machine that holds the code back makes it wait for a CPU, so
     * none of that is charged; what is charged is never more than the time that passed.
     */
    private long blockedSince(long now, long student, long waiting, long others) {
        long elapsed = now - lastReading;
        long ran = Math.max(0, student - lastStudent);
        long waited = Math.max(0, waiting - lastWaiting);
        long othersRan = Math.max(0, others - lastOthers);
        lastReading = now;
        lastStudent = Math.max(lastStudent, student);
        lastWaiting = Math.max(lastWaiting, waiting);
        lastOthers = others;
        // Without the kernel's run-queue times, blocked and held back look alike: nothing is charged.
        return waiting < 0 ? 0 : Math.max(0, elapsed - ran - waited - othersRan);
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000L;
    }
}
