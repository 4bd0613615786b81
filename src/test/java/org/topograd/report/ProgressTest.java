package org.topograd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.topograd.grading.SubmissionResult;
import org.topograd.sandbox.SandboxLevel;

class ProgressTest {
    private static SubmissionResult result(String student) {
        return new SubmissionResult(student, SubmissionResult.Status.OK, List.of(), List.of(), "",
                new SubmissionResult.Timings(0, 0, 0, 1), SandboxLevel.BWRAP);
    }

    @Test
    void onATerminalAStatusLineWithTheRateAndTimeLeftFollowsEachSubmission() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong(0);
        Progress progress = new Progress(new PrintWriter(text), 3, 3, true, clock::get);
        clock.set(500_000_000L);
        progress.done(result("ada"));
        clock.set(1_000_000_000L);
        progress.done(result("bob"));
        progress.done(result("cy"));
        String clear = "\r\u001b[K";
        assertEquals("ada       0 / 0       ok\n"
                + "[1/3] 2.0 per second, about 0:01 left"
                + clear + "bob       0 / 0       ok\n"
                + "[2/3] 2.0 per second, about 0:01 left"
                + clear + "cy        0 / 0       ok\n", text.toString());
        progress.finish();
        assertTrue(text.toString().endsWith("ok\n"), "no status line is left, nor anything to clear");
    }

    @Test
    void aStatusLineLeftByABatchThatStoppedIsCleared() {
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text), 3, 3, true, () -> 0L);
        progress.done(result("ada"));
        progress.finish();
        assertTrue(text.toString().endsWith("left\r\u001b[K"), text.toString());
    }

    @Test
    void columnsAreAsWideAsTheLongestId() {
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text), 2, "assign-instead-of-accumulate".length(), false,
                System::nanoTime);
        progress.done(result("assign-instead-of-accumulate"));
        progress.done(result("ada"));
        assertEquals("assign-instead-of-accumulate       0 / 0       ok\n"
                + "ada                                0 / 0       ok\n", text.toString());
    }

    @Test
    void elsewhereOnlyPlainLines() {
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text), 2, 3, false, System::nanoTime);
        progress.done(result("ada"));
        progress.done(result("bob"));
        progress.finish();
        assertEquals("ada       0 / 0       ok\nbob       0 / 0       ok\n", text.toString());
        assertFalse(text.toString().contains("\u001b"), "no escape code off a terminal");
    }

    @Test
    void longWaitsShowHours() {
        assertEquals("0:59", Progress.duration(59));
        assertEquals("2:05", Progress.duration(125));
        assertEquals("1:00:01", Progress.duration(3601));
    }
}
