package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check --watch's loop: a check at once, another after each change to a source, none after stop. */
class CheckWatchTest {
    /** Generous: the test must pass on a machine whose every core is busy. */
    private static final long DEADLINE_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void checksAgainAfterEachChangeToASourceEvenInANewFolderAndStopsWhenAsked() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("Add.java"), "class Add {}\n");
        StringWriter out = new StringWriter();
        CheckWatch watch = new CheckWatch(dir, new PrintWriter(out), new PrintWriter(new StringWriter()), "topograd",
                false);
        BlockingQueue<Integer> runs = new LinkedBlockingQueue<>();
        AtomicInteger count = new AtomicInteger();
        AtomicInteger status = new AtomicInteger(-1);
        Thread loop = new Thread(() -> {
            try {
                status.set(watch.run(() -> {
                    runs.add(count.incrementAndGet());
                    return 1;
                }));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "watch");
        loop.start();
        assertEquals(1, runs.poll(DEADLINE_SECONDS, TimeUnit.SECONDS), "the first check runs at once");

        Path ops = Files.createDirectories(src.resolve("ops"));
        Files.writeString(ops.resolve("Mul.java"), "class Mul {}\n");
        assertEquals(2, runs.poll(DEADLINE_SECONDS, TimeUnit.SECONDS), "a new folder with a source");

        Files.writeString(ops.resolve("Mul.java"), "class Mul { int x; }\n");
        assertEquals(3, runs.poll(DEADLINE_SECONDS, TimeUnit.SECONDS), "a change in the new folder is seen");

        watch.stop();
        loop.join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
        assertTrue(!loop.isAlive(), "stopping ends the loop");
        assertEquals(1, status.get(), "the last check's status");
        assertTrue(out.toString().contains("Watching " + dir + " for changes to .java files"), out.toString());
    }

    @Test
    void onlySourcesCount() {
        assertTrue(source("Mul.java") && source("lib.jar"));
        assertTrue(!source("Mul.class") && !source(".Mul.java.swp") && !source("Mul.java~") && !source(".#Mul.java")
                && !source("notes.txt"));
    }

    private static boolean source(String name) {
        return CheckWatch.source(Path.of(name));
    }
}
