package org.topograd.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CgroupsTest {
    /**
     * Empty groups that runs which are gone left behind are removed: only those of a process that
     * no longer exists, and older than a minute. Tried in a folder of the test's own, inside the
     * cgroups topograd would use, so that no one else's group is touched.
     */
    @Test
    void groupsLeftBehindByARunThatIsGoneAreRemoved() throws Exception {
        Optional<Cgroups> cgroups = Cgroups.detect();
        assumeTrue(cgroups.isPresent(), NO_CGROUPS);
        Path parent = Files.createDirectory(cgroups.get().parents().get(0).resolve("topograd-test-sweep-"
                + ProcessHandle.current().pid()));
        try {
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            long dead = gone.pid();
            long alive = ProcessHandle.current().pid();
            FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 2 * Cgroups.LEFT_BEHIND_MILLIS);
            Path leftOld = aged(parent.resolve("topograd-" + dead + "-2"), old);
            Path leftProbe = aged(parent.resolve("topograd-probe-" + dead + "-1f2e-3"), old);
            Path leftYoung = Files.createDirectory(parent.resolve("topograd-" + dead + "-1f2e-4"));
            Path live = aged(parent.resolve("topograd-" + alive + "-1f2e-5"), old);
            Path foreign = aged(parent.resolve("someone-else-" + dead), old);
            Cgroups.sweep(parent, Cgroups.LEFT_BEHIND_MILLIS);
            assertFalse(Files.exists(leftOld));
            assertFalse(Files.exists(leftProbe));
            assertTrue(Files.exists(leftYoung), "a group made under a minute ago may be in use");
            assertTrue(Files.exists(live), "the group of a live process");
            assertTrue(Files.exists(foreign), "not topograd's");
        } finally {
            try (Stream<Path> left = Files.list(parent)) {
                for (Path group : left.filter(Files::isDirectory).toList()) {
                    Files.delete(group);
                }
            }
            Files.delete(parent);
        }
    }

    private static Path aged(Path group, FileTime time) throws Exception {
        Files.createDirectory(group);
        Files.setLastModifiedTime(group, time);
        return group;
    }

    private static final String NO_CGROUPS = "no cgroups that topograd may create here (cgroup v2 with pids and"
            + " memory delegated, or v1's pids and memory hierarchies writable)";

    /**
     * Gradings that start together in one JVM (the tests grade a class and a few students alone at
     * once) each find the cgroups: none may take another's probe for a folder it cannot write, and
     * so grade without a process or memory limit.
     */
    @Test
    void gradingsThatStartTogetherAllFindTheCgroups() throws Exception {
        assumeTrue(Cgroups.detect().isPresent(), NO_CGROUPS);
        int threads = 8;
        for (int round = 0; round < 10; round++) {
            CyclicBarrier together = new CyclicBarrier(threads);
            List<CompletableFuture<Optional<Cgroups>>> found = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                found.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return Cgroups.detect();
                }, runnable -> new Thread(runnable).start()));
            }
            for (CompletableFuture<Optional<Cgroups>> f : found) {
                assertTrue(f.get().isPresent(), "round " + round);
            }
        }
    }
}
