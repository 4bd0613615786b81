package org.topograd.sandbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends every child process topograd started when topograd itself is stopped (Ctrl-C, a crash that
 * runs shutdown hooks), so that no worker outlives a batch. bubblewrap's --die-with-parent and
 * cgroups cover a harder kill; this covers the plain sandbox too.
 */
public final class Reaper {
    private static final Set<Runnable> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Runnable::run), "topograd-reaper"));
    }

    private Reaper() {}

    /** Registers how to kill something; returns the handle to unregister it once it is gone. */
    public static Runnable register(Runnable kill) {
        LIVE.add(kill);
        return kill;
    }

    public static void unregister(Runnable kill) {
        LIVE.remove(kill);
    }

    /** Kills a process and all its descendants, children first so none is orphaned on the way. */
    public static void killTree(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
