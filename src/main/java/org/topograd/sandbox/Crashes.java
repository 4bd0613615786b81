package org.topograd.sandbox;

/** Why a worker JVM ended without an answer, in words a student understands. */
final class Crashes {
    private Crashes() {}

    static String explain(Integer status, String stderr, Limits limits) {
        if (stderr.contains("OutOfMemoryError")) {
            if (stderr.toLowerCase(java.util.Locale.ROOT).contains("direct buffer memory")) {
                return "the code used more than " + limits.directMegabytes() + " MB of off-heap (direct) memory";
            }
            if (stderr.contains("Metaspace")) {
                return "the code loaded more classes than fit in " + limits.metaspaceMegabytes() + " MB";
            }
            if (stderr.contains("unable to create native thread") || stderr.contains("unable to create new native")) {
                return "the code started more threads than allowed";
            }
            return "the code ran out of memory (heap limit " + limits.heapMegabytes() + " MB)";
        }
        if (status == null) {
            return "the worker stopped answering";
        }
        if (status == 137 || status == 9) {
            return "the worker was killed (exit status " + status + "; a memory or process limit, or a signal)";
        }
        if (status == 134 || status == 139 || stderr.contains("A fatal error has been detected")) {
            return "the JVM crashed (exit status " + status + ")";
        }
        return "the worker ended without a result (exit status " + status
                + "): the code called Runtime.halt, or the process was stopped";
    }
}
