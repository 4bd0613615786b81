package org.topograd.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a student's code printed, summarised for {@code check}: how many lines, the first few and
 * the last few. A {@code println} in a node's {@code forward()} prints thousands of lines; shown
 * whole they would push the verdicts off the screen.
 */
final class PrintedOutput {
    /** Lines shown from each end. */
    static final int ENDS = 3;

    /**
     * The notes the worker and the parent put where they left output out
     * ({@code [... 20 bytes of output left out ...]}).
     */
    private static final Pattern LEFT_OUT = Pattern.compile(
            "\\[\\.\\.\\. (\\d+) (?:bytes of output|characters) left out \\.\\.\\.\\]");

    private PrintedOutput() {}

    /**
     * The summary's lines, or none when nothing was printed: a heading with the count, then the
     * first and the last {@link #ENDS} lines (all of them when there are few).
     *
     * @param json how to see all of it ({@code topograd check --json})
     */
    static List<String> summary(String output, String json) {
        if (output.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        long leftOut = 0;
        String[] all = output.split("\n", -1);
        int end = all.length;
        if (end > 0 && all[end - 1].isEmpty()) {
            end--; // the newline after the last line
        }
        for (int i = 0; i < end; i++) {
            Matcher m = LEFT_OUT.matcher(all[i]);
            if (m.matches()) {
                leftOut += Long.parseLong(m.group(1));
            } else {
                lines.add(all[i]);
            }
        }
        List<String> summary = new ArrayList<>();
        String count = String.format(Locale.ROOT, "%,d", lines.size()) + (lines.size() == 1 ? " line" : " lines");
        String more = leftOut > 0 ? " and " + size(leftOut) + " more that topograd left out" : "";
        if (lines.size() <= 2 * ENDS + 1) {
            summary.add("Your code printed " + count + more + ":");
            lines.forEach(l -> summary.add("  | " + l));
        } else {
            summary.add("Your code printed " + count + more + "; the first " + ENDS + " and the last " + ENDS
                    + " (" + json + " has all that was kept):");
            for (int i = 0; i < ENDS; i++) {
                summary.add("  | " + lines.get(i));
            }
            summary.add("  | ... " + String.format(Locale.ROOT, "%,d", lines.size() - 2 * ENDS) + " lines ...");
            for (int i = lines.size() - ENDS; i < lines.size(); i++) {
                summary.add("  | " + lines.get(i));
            }
        }
        return summary;
    }

    private static String size(long bytes) {
        return bytes < 10_000 ? String.format(Locale.ROOT, "%,d bytes", bytes)
                : String.format(Locale.ROOT, "%,d KB", bytes / 1024);
    }
}
