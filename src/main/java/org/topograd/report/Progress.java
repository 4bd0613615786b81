package org.topograd.report;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.topograd.grading.Points;
import org.topograd.grading.SubmissionResult;

/**
 * Progress of a batch: one line per graded submission, and on a terminal a status line kept at the
 * bottom, redrawn after each, with how many are done, the rate and the time left. Not on a terminal
 * (a log file, CI), plain lines only.
 */
public final class Progress {
    private final PrintWriter out;
    private final int total;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long start;
    private int done;

    /** @param clock nanoseconds, as {@link System#nanoTime()} */
    public Progress(PrintWriter out, int total, boolean terminal, LongSupplier clock) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    public synchronized void done(SubmissionResult result) {
        done++;
        if (terminal) {
            out.print("\r\u001b[K");
        }
        out.println(line(result));
        if (terminal && done < total) {
            out.print(status());
        }
        out.flush();
    }

    /** {@code [12/200] 6.1 per second, about 0:31 left} */
    String status() {
        double seconds = (clock.getAsLong() - start) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String left = rate > 0 ? duration(Math.round((total - done) / rate)) : "?";
        return String.format(Locale.ROOT, "[%d/%d] %.1f per second, about %s left", done, total, rate, left);
    }

    static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** One submission's line: student, score, status. */
    public static String line(SubmissionResult r) {
        return String.format(Locale.ROOT, "%-24s %8s / %-6s %s", r.student(), Points.format(r.score()),
                Points.format(r.max()), r.status().reportName());
    }
}
