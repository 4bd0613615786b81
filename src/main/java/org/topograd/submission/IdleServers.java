package org.topograd.submission;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.topograd.sandbox.Reaper;

/**
 * Compile server processes that a closed {@link Compiler} left alive and idle, kept for the next
 * compiler in this JVM: javac stays warm from one grading to the next, where a cold server spends
 * over a second of CPU time before its first compile. A {@code grade} from the command line
 * compiles once and exits; a JVM that grades again and again (the test suite, a long-lived service)
 * is what gains.
 *
 * <p>A server holds nothing of a compile between requests (each names its own sources, class path
 * and output folder), so handing it to another compiler is what a compiler already does from one
 * submission to the next. At most {@link #MOST} are kept. Each stays registered with the
 * {@link Reaper}, so a stopping topograd kills it with everything else, and one that died while
 * idle is never handed out.
 */
final class IdleServers {
    static final int MOST = 2;

    /** A live server process between two compilers, with its channel and its registration with the Reaper. */
    record Idle(Process process, InputStream responses, OutputStream requests, Runnable reaping) {}

    private static final Deque<Idle> IDLE = new ArrayDeque<>();

    private IdleServers() {}

    /** A live idle server, or null when there is none. */
    static Idle take() {
        while (true) {
            Idle idle;
            synchronized (IDLE) {
                idle = IDLE.pollFirst();
            }
            if (idle == null) {
                return null;
            }
            if (idle.process().isAlive() && !Reaper.stopping()) {
                return idle;
            }
            stop(idle.process(), idle.reaping());
        }
    }

    /** Keeps {@code idle} for the next compiler, or stops it when enough are kept already. */
    static void offer(Idle idle) {
        boolean kept = false;
        synchronized (IDLE) {
            if (IDLE.size() < MOST && idle.process().isAlive() && !Reaper.stopping()) {
                IDLE.addFirst(idle); // the most recently used first: the warmest javac
                kept = true;
            }
        }
        if (!kept) {
            stop(idle.process(), idle.reaping());
        }
    }

    /** Stops every idle server. */
    static void stopAll() {
        for (Idle idle = take(); idle != null; idle = take()) {
            stop(idle.process(), idle.reaping());
        }
    }

    /** Kills a server process, waits for it (briefly) and forgets it. */
    static void stop(Process process, Runnable reaping) {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Reaper.unregister(reaping);
    }
}
