package org.topograd.sandbox;

/**
 * What a worker may use. Defaults are documented in the README; {@code specs/assignment.yaml} can
 * change the time limits.
 *
 * @param heapMegabytes Java heap
 * @param metaspaceMegabytes class metadata
 * @param directMegabytes off-heap buffers
 * @param taskCpuMillis CPU time for one check of one case; a loaded machine slows wall time, not CPU time
 * @param submissionWallMillis wall-clock time for a whole submission, all checks together
 * @param outputBytes how much of what the student prints is kept (head and tail)
 * @param processes most processes and threads the worker may have (with cgroups only)
 * @param memoryMegabytes all the memory the worker's processes may use, native memory included (with
 *     cgroups only): the heap, metaspace and direct memory plus room for the JVM itself
 */
public record Limits(int heapMegabytes, int metaspaceMegabytes, int directMegabytes, long taskCpuMillis,
        long submissionWallMillis, int outputBytes, int processes, int memoryMegabytes) {

    public static final Limits DEFAULT = new Limits(256, 96, 32, 2_000, 120_000, 32 * 1024, 128, 768);

    /**
     * The wall-clock allowance of one task: its CPU time three times over, for a loaded machine, and
     * a second more. Only a task that does not use CPU time (code that blocks forever, a stopped
     * process) ever waits this long; one that computes is stopped at its CPU limit.
     */
    public long taskWallMillis() {
        return 3 * taskCpuMillis + 1_000;
    }

    public Limits withTimes(long taskCpuMillis, long submissionWallMillis) {
        return new Limits(heapMegabytes, metaspaceMegabytes, directMegabytes, taskCpuMillis, submissionWallMillis,
                outputBytes, processes, memoryMegabytes);
    }
}
