package org.topograd.sandbox;

/**
 * What a worker may use. Defaults are documented in the README; {@code specs/assignment.yaml} can
 * change the time limits.
 *
 * @param heapMegabytes Java heap
 * @param metaspaceMegabytes class metadata
 * @param directMegabytes off-heap buffers
 * @param taskCpuMillis CPU time for one check of one case; a loaded machine slows wall time, not CPU time
 * @param submissionMillis time for a whole submission, all checks together: the CPU time its workers
 *     use while its checks run (all their threads) and the time its code spends blocked, neither of
 *     which grows when the machine is busy
 * @param outputBytes how much of what the student prints is kept (head and tail)
 * @param processes most processes and threads the worker may have (with cgroups only)
 * @param memoryMegabytes all the memory the worker's processes may use, native memory included (with
 *     cgroups only): the heap, metaspace and direct memory plus room for the JVM itself
 */
public record Limits(int heapMegabytes, int metaspaceMegabytes, int directMegabytes, long taskCpuMillis,
        long submissionMillis, int outputBytes, int processes, int memoryMegabytes) {

    public static final Limits DEFAULT = new Limits(256, 96, 32, 2_000, 120_000, 32 * 1024, 128, 768);

    /**
     * How long a task's student thread may use no CPU time at all before the task is taken for
     * blocked (waiting forever on a lock, a thread or a pipe). Code that computes gains CPU time
     * however busy the machine is, so this never stops it.
     */
    public long stallMillis() {
        return taskCpuMillis + 1_000;
    }

    /**
     * CPU time the whole worker JVM may use for one task, all its threads together: the student
     * thread's allowance, threads the student started, and room for the JIT and the garbage
     * collector.
     */
    public long processCpuMillis() {
        return 3 * taskCpuMillis + 2_000;
    }

    /**
     * How far past its CPU allowance the student thread may get before topograd stops it from
     * outside. The worker's own watchdog stops it at the allowance, with where it was; this margin
     * only matters for code that disabled that watchdog.
     */
    public long watchdogMarginMillis() {
        return taskCpuMillis / 2 + 500;
    }

    /**
     * The wall-clock allowance of one task where CPU time cannot be read from /proc: its CPU time
     * three times over, for a loaded machine, and a second more.
     */
    public long taskWallMillis() {
        return 3 * taskCpuMillis + 1_000;
    }

    /**
     * The wall-clock time after which a submission is given up on however its time was spent: five
     * times its time, for a machine so starved that grading cannot go on. No grade on a working
     * machine, however busy, comes near it; it keeps one submission from holding a batch forever.
     */
    public long submissionBackstopMillis() {
        return 5 * submissionMillis;
    }

    public Limits withTimes(long taskCpuMillis, long submissionMillis) {
        return new Limits(heapMegabytes, metaspaceMegabytes, directMegabytes, taskCpuMillis, submissionMillis,
                outputBytes, processes, memoryMegabytes);
    }
}
