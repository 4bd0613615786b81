package org.topograd.sandbox;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Ends every child process topograd started when topograd itself is stopped (Ctrl-C, SIGTERM, a
 * crash that runs shutdown hooks), so that no worker outlives a batch. bubblewrap's
 * --die-with-parent and cgroups cover a harder kill; this covers the plain sandbox too.
 *
 * <p>The JVM runs shutdown hooks in no particular order, so this is the one hook, in three steps:
 * first {@link #stopping()} becomes true (a result that comes after it was cut short by the stop and
 * must not be recorded as final, and no new worker or compiler may start), then every registered
 * process is killed, then what must happen after the kill runs (a batch writes its summary and
 * removes its work folder).
 */
public final class Reaper {
    private static final Set<Runnable> LIVE = ConcurrentHashMap.newKeySet();
    private static final List<Runnable> AFTER = new CopyOnWriteArrayList<>();
    private static volatile boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Reaper::stop, "topograd-reaper"));
    }

    private Reaper() {}

    /** Whether topograd is being stopped: nothing new may start, nothing from now on is final. */
    public static boolean stopping() {
        return stopping;
    }

    /** Registers how to kill something; returns the handle to unregister it once it is gone. */
    public static Runnable register(Runnable kill) {
        LIVE.add(kill);
        return kill;
    }

    public static void unregister(Runnable kill) {
        LIVE.remove(kill);
    }

    /** Registers what to do once everything has been killed; returns the handle to unregister it. */
    public static Runnable afterKilling(Runnable step) {
        AFTER.add(step);
        return step;
    }

    public static void unregisterAfter(Runnable step) {
        AFTER.remove(step);
    }

    /** Kills a process and all its descendants, children first so none is orphaned on the way. */
    public static void killTree(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void stop() {
        stopping = true;
        LIVE.forEach(Reaper::quietly);
        AFTER.forEach(Reaper::quietly);
    }

    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | Error e) {
            // Stopping goes on: every other process must still be killed.
        }
    }
}
