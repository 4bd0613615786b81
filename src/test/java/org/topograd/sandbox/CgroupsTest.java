package org.topograd.sandbox;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

class CgroupsTest {
    /**
     * Gradings that start together in one JVM (the tests grade a class and a few students alone at
     * once) each find the cgroups: none may take another's probe for a folder it cannot write, and
     * so grade without a process or memory limit.
     */
    @Test
    void gradingsThatStartTogetherAllFindTheCgroups() throws Exception {
        assumeTrue(Cgroups.detect().isPresent(), "no cgroups that topograd may create here (cgroup v2 with pids and"
                + " memory delegated, or v1's pids and memory hierarchies writable)");
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
