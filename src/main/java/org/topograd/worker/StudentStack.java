package org.topograd.worker;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a stack trace that is the student's, as a failure, a timeout or an exit reports it:
 * from the top down to topograd's own worker code, at most {@link #MAX_FRAMES} frames.
 */
final class StudentStack {
    static final int MAX_FRAMES = 8;

    private StudentStack() {}

    /**
     * Of an exception student code threw: down to where the worker (or the reflection it calls
     * constructors through) called it; past the cap, a line {@code ... N more}.
     */
    static List<String> thrown(StackTraceElement[] trace) {
        return frames(trace, true);
    }

    /**
     * Of a live thread's stack, as the watchdog or the exit reporter sees it: the JVM's own exit and
     * thread frames above the student's are left out; past the cap, a line {@code ...}.
     */
    static List<String> running(StackTraceElement[] trace) {
        return frames(trace, false);
    }

    private static List<String> frames(StackTraceElement[] trace, boolean thrown) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : trace) {
            String c = frame.getClassName();
            if (c.startsWith("org.topograd.worker.") || thrown && (c.startsWith("jdk.internal.reflect.")
                    || c.startsWith("java.lang.reflect."))) {
                break; // below this is topograd's own machinery
            }
            if (!thrown && (c.startsWith("java.lang.Shutdown") || c.startsWith("java.lang.Runtime")
                    || c.startsWith("java.lang.System") || c.startsWith("java.lang.Thread"))) {
                continue;
            }
            if (frames.size() == MAX_FRAMES) {
                frames.add(thrown ? "... " + (trace.length - MAX_FRAMES) + " more" : "...");
                break;
            }
            frames.add(frame.toString());
        }
        return frames;
    }
}
