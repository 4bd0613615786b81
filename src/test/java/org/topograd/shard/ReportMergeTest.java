package org.topograd.shard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.report.Fixtures;
import org.topograd.report.ReportFolder;
import org.topograd.spec.Spec;

/** Merging made-up shards; the merge of real grading runs is in the CLI's tests. */
class ReportMergeTest {
    @TempDir
    Path dir;

    private final Spec spec = Fixtures.square("sq", false);
    private final List<String> students = List.of("a", "b", "c", "d", "e");

    @BeforeEach
    void shards() throws Exception {
        ReportFolder single = new ReportFolder(dir.resolve("single"));
        for (String s : students) {
            single.write(result(s), "");
        }
        single.writeSummary(List.of("sq"), students);
        for (int k = 1; k <= 2; k++) {
            Shard shard = new Shard(k, 2);
            ReportFolder folder = new ReportFolder(dir.resolve("shard" + k));
            for (String s : shard.select(students)) {
                folder.write(result(s), "");
            }
            folder.writeSummary(List.of("sq"), students);
            new ShardManifest("test", shard, List.of("sq"), students, shard.select(students)).write(dir.resolve(
                    "shard" + k));
        }
    }

    private org.topograd.grading.SubmissionResult result(String student) {
        return Fixtures.result(student, List.of(spec), student.equals("c") ? Map.of("sq/forward", "wrong") : Map.of(),
                List.of());
    }

    @Test
    void theMergeIsTheSingleRun() throws Exception {
        ReportMerge.Merged merged = ReportMerge.merge(List.of(dir.resolve("shard2"), dir.resolve("shard1")),
                dir.resolve("merged"));
        assertEquals(students, merged.students());
        ReportFolder single = new ReportFolder(dir.resolve("single"));
        ReportFolder out = new ReportFolder(dir.resolve("merged"));
        assertArrayEquals(Files.readAllBytes(single.summary()), Files.readAllBytes(out.summary()));
        for (String s : students) {
            assertArrayEquals(Files.readAllBytes(single.scorecard(s)), Files.readAllBytes(out.scorecard(s)), s);
            assertArrayEquals(Files.readAllBytes(single.state(s)), Files.readAllBytes(out.state(s)), s);
        }
        assertFalse(Files.exists(dir.resolve("merged").resolve(ShardManifest.FILE)));
    }

    @Test
    void aMissingShardOrFileIsNamed() throws Exception {
        ReportMerge.MergeException e = assertThrows(ReportMerge.MergeException.class,
                () -> ReportMerge.merge(List.of(dir.resolve("shard1")), dir.resolve("merged")));
        assertEquals(List.of("shard 2/2 is missing: give the folder of every shard"), e.problems());
        Files.delete(new ReportFolder(dir.resolve("shard2")).scorecard("b"));
        e = assertThrows(ReportMerge.MergeException.class,
                () -> ReportMerge.merge(List.of(dir.resolve("shard1"), dir.resolve("shard2")), dir.resolve("merged")));
        assertTrue(e.problems().get(0).endsWith("b.csv is missing: shard 2/2 did not finish; grade it again"),
                e.problems().toString());
        assertFalse(Files.exists(dir.resolve("merged")), "nothing is written when anything is wrong");
    }

    @Test
    void shardsOfDifferentRunsDoNotMix() throws Exception {
        new ShardManifest("test", new Shard(2, 2), List.of("sq"), List.of("a", "b"), List.of("b"))
                .write(dir.resolve("shard2"));
        ReportMerge.MergeException e = assertThrows(ReportMerge.MergeException.class,
                () -> ReportMerge.merge(List.of(dir.resolve("shard1"), dir.resolve("shard2")), dir.resolve("merged")));
        assertTrue(e.problems().get(0).contains("graded a different class from"), e.problems().toString());
        e = assertThrows(ReportMerge.MergeException.class,
                () -> ReportMerge.merge(List.of(dir.resolve("shard1"), dir.resolve("single")), dir.resolve("m")));
        assertTrue(e.problems().get(0).contains("has no shard.json"), e.problems().toString());
        e = assertThrows(ReportMerge.MergeException.class,
                () -> ReportMerge.merge(List.of(dir.resolve("shard1")), dir.resolve("shard1")));
        assertTrue(e.problems().get(0).contains("is both a shard and the output"), e.problems().toString());
    }
}
