package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code check --watch}: checks, then waits for a source file in the submission to change (the
 * JDK's {@link WatchService}: inotify on Linux, no polling of the disk), and checks again, for a
 * tight edit-check loop. Ctrl-C stops it between checks or during one: a shutdown hook ends the
 * loop and waits for the check under way to close, so its worker, its compiler and its work folder
 * go too.
 */
final class CheckWatch {
    /** A burst of saves (an IDE writing several files, an editor's temporary file) counts as one change. */
    static final long QUIET_MILLIS = 150;
    /** How long Ctrl-C waits for a check under way to stop and clean up. */
    static final long STOP_MILLIS = 5_000;
    /** A tree this deep in folders is not a submission; the watch stops registering there. */
    static final int MAX_FOLDERS = 2_000;

    /** One check; its exit status. */
    @FunctionalInterface
    interface Check {
        int run() throws IOException;
    }

    private final Path dir;
    private final PrintWriter out;
    private final PrintWriter err;
    private final String program;
    private final boolean terminal;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;
    private WatchService watcher;

    /**
     * @param terminal whether the output is a terminal, where the screen is cleared before each check
     */
    CheckWatch(Path dir, PrintWriter out, PrintWriter err, String program, boolean terminal) {
        this.dir = dir;
        this.out = out;
        this.err = err;
        this.program = program;
        this.terminal = terminal;
    }

    /** Checks, and again after every change, until {@link #stop()} (or Ctrl-C); the last check's status. */
    int run(Check check) throws IOException {
        Thread hook = new Thread(this::stopAndWait, "topograd-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        int status = ExitCodes.OK;
        try (WatchService service = dir.getFileSystem().newWatchService()) {
            synchronized (this) {
                watcher = service;
            }
            register(dir);
            while (!stopping) {
                if (terminal) {
                    out.print("\u001b[H\u001b[2J"); // clear the screen: the latest check is the whole of it
                }
                status = check.run();
                out.println();
                out.println("Watching " + dir + " for changes to .java files (" + LocalTime.now().format(
                        DateTimeFormatter.ofPattern("HH:mm:ss")) + "); Ctrl-C stops.");
                out.flush();
                if (!awaitChange()) {
                    break;
                }
                out.println("Changed: checking again ...");
                out.flush();
            }
        } catch (ClosedWatchServiceException e) {
            // stopped
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running
            }
        }
        return status;
    }

    /** Ends the watch: the wait for a change returns at once; a check under way finishes first. */
    synchronized void stop() {
        stopping = true;
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                // closing is all that was wanted
            }
        }
    }

    /** Ctrl-C: stop, and give a check under way the time to close its worker and work folder. */
    private void stopAndWait() {
        stop();
        try {
            if (finished.await(STOP_MILLIS, TimeUnit.MILLISECONDS)) {
                out.println("Stopped watching " + dir + ".");
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for a change to a source file (or a folder) and then for quiet; false when stopped. Other
     * files (class files an IDE writes, an editor's backup) do not count.
     */
    boolean awaitChange() throws IOException {
        boolean changed = false;
        while (!stopping) {
            WatchKey key;
            try {
                key = changed ? watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS) : watcher.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ClosedWatchServiceException e) {
                return false;
            }
            if (key == null) {
                return true; // quiet again after a change
            }
            Path folder = folders.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    changed = true; // too many to tell: check again to be safe
                    continue;
                }
                Path path = folder == null ? null : folder.resolve((Path) event.context());
                if (path != null && event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)
                        && !hidden(path)) {
                    register(path);
                    changed = true;
                } else if (path != null && source(path)) {
                    changed = true;
                }
            }
            if (!key.reset()) {
                folders.remove(key); // the folder is gone
                changed = true;
            }
        }
        return false;
    }

    static boolean source(Path path) {
        String name = path.getFileName().toString();
        return !name.startsWith(".") && !name.endsWith("~") && (name.endsWith(".java") || name.endsWith(".jar"));
    }

    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    /** Watches a folder and every folder under it (but hidden ones: .git, .idea). */
    private void register(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) throws IOException {
                if (!folder.equals(root) && hidden(folder)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (folders.size() >= MAX_FOLDERS) {
                    err.println(program + " check --watch: more than " + MAX_FOLDERS + " folders in " + dir
                            + "; changes deeper than these are not seen");
                    return FileVisitResult.TERMINATE;
                }
                folders.put(folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE), folder);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // unreadable: nothing to watch there
            }
        });
    }
}
