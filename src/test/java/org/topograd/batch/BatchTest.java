package org.topograd.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.topograd.submission.Submission;

/** What a plan tells the instructor before grading, without picocli or a worker. */
class BatchTest {
    private static final Submission ADA = new Submission("ada", Path.of("submissions/ada"));

    @Test
    void aPlanSaysHowManyItSkips() {
        Batch.Plan plan = new Batch.Plan(List.of(ADA), Map.of("ada", "k"), 3, false);
        assertEquals(List.of("3 unchanged since their scorecards were written; skipped (grade --force regrades them)"),
                plan.notices());
    }

    @Test
    void aPlanInThePlainSandboxSaysWhyItSkipsNone() {
        Batch.Plan plan = new Batch.Plan(List.of(ADA), Map.of("ada", "k"), 0, true);
        assertEquals(List.of("plain sandbox: every submission is graded again, since student code could have written"
                + " the reports that skipping one would trust"), plan.notices());
        assertEquals(List.of(), new Batch.Plan(List.of(), Map.of(), 0, true).notices(), "nothing to grade: no notice");
        assertEquals(List.of(), new Batch.Plan(List.of(ADA), Map.of("ada", "k"), 0, false).notices());
    }
}
