package org.topograd.report;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.topograd.grading.Points;
import org.topograd.grading.SubmissionResult;

/**
 * Progress of a batch: one line per graded submission, its columns as wide as the batch's longest
 * id, and on a terminal a status line kept at the bottom, redrawn after each, with how many are
 * done, the rate and the time left; {@link #finish()} clears it. Not on a terminal (a log file, CI),
 * plain lines only, without a single escape code.
 */
public final class Progress {
    private final PrintWriter out;
    private final int total;
    private final int width;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long start;
    private int done;
    private boolean statusShown;

    /**
     * @param width the longest student id in the batch, for the first column
     * @param clock nanoseconds, as {@link System#nanoTime()}
     */
    public Progress(PrintWriter out, int total, int width, boolean terminal, LongSupplier clock) {
        this.out = out;
        this.total = total;
        this.width = width;
        this.terminal = terminal;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    public synchronized void done(SubmissionResult result) {
        done++;
        clearStatus();
        out.println(line(result, width));
        if (terminal && done < total) {
            out.print(status());
            statusShown = true;
        }
        out.flush();
    }

    /** Clears the status line, if one is shown (grading stopped early): nothing is left on the screen. */
    public synchronized void finish() {
        clearStatus();
        out.flush();
    }

    private void clearStatus() {
        if (statusShown) {
            out.print("\r\u001b[K");
            statusShown = false;
        }
    }

    /** {@code [12/200] 6.1 per second, about 0:31 left} */
    String status() {
        double seconds = (clock.getAsLong() - start) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String left = rate > 0 ? duration(Math.round((total - done) / rate)) : "?";
        return String.format(Locale.ROOT, "[%d/%d] %.1f per second, about %s left", done, total, rate, left);
    }

    static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
                seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** One submission's line: student (padded to {@code width}), score, status. */
    public static String line(SubmissionResult r, int width) {
        return String.format(Locale.ROOT, "%-" + Math.max(1, width) + "s  %6s / %-6s  %s", r.student(),
                Points.format(r.score()), Points.format(r.max()), r.status().reportName());
    }
}
