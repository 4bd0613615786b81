package org.topograd.submission;

/**
 * What preparing one submission's classes may cost. CPU time rather than wall-clock time, so that a
 * busy machine never turns a slow compile into a compile error; the class-file caps bound what
 * javac can be made to write (a few hundred kilobytes of source can make it emit gigabytes) and what
 * a jar can unpack to.
 *
 * @param cpuMillis CPU time the compiler may spend on one submission
 * @param classFiles most class files a submission may compile to (or hold in its jar)
 * @param classBytes most bytes of class files in all
 */
public record CompileLimits(long cpuMillis, int classFiles, long classBytes) {
    public static final CompileLimits DEFAULT = new CompileLimits(60_000, 2_000, 20L << 20);

    /**
     * Wall-clock time after which a compile is stopped however little CPU it used: only a compiler
     * that is stuck (not computing) ever waits this long, however busy the machine.
     */
    public long wallMillis() {
        return 5 * cpuMillis + 30_000;
    }
}
