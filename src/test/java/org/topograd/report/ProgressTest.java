package org.topograd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        Progress progress = new Progress(new PrintWriter(text), 3, true, clock::get);
        clock.set(500_000_000L);
        progress.done(result("ada"));
        clock.set(1_000_000_000L);
        progress.done(result("bob"));
        progress.done(result("cy"));
        String clear = "\r\u001b[K";
        assertEquals(clear + "ada                             0 / 0      ok\n"
                + "[1/3] 2.0 per second, about 0:01 left"
                + clear + "bob                             0 / 0      ok\n"
                + "[2/3] 2.0 per second, about 0:01 left"
                + clear + "cy                              0 / 0      ok\n", text.toString());
    }

    @Test
    void elsewhereOnlyPlainLines() {
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text), 2, false, System::nanoTime);
        progress.done(result("ada"));
        progress.done(result("bob"));
        assertEquals("ada                             0 / 0      ok\nbob                             0 / 0      ok\n",
                text.toString());
    }

    @Test
    void longWaitsShowHours() {
        assertEquals("0:59", Progress.duration(59));
        assertEquals("2:05", Progress.duration(125));
        assertEquals("1:00:01", Progress.duration(3601));
    }
}
