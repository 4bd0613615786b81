package org.topograd.report;

import org.topograd.grading.SubmissionResult;

/**
 * A student's log, for the instructor: how it went (timings, workers started), every note, and what
 * the code printed. Unlike the CSVs it holds timings and where timed-out code was stopped, so it
 * differs from run to run; those lines, and only those, start with {@link #TIMINGS} or
 * {@link #WHERE}, so that {@link #stable} can leave them out.
 */
final class Log {
    /** The line with this run's timings. */
    static final String TIMINGS = "timings: ";
    /** Under a check that timed out or crashed: where the code was when it was stopped. */
    static final String WHERE = "    where it was stopped: ";

    private Log() {}

    /** A log without the lines that differ from run to run: what the student's page shows. */
    static String stable(String log) {
        StringBuilder out = new StringBuilder();
        for (String line : log.split("\n", -1)) {
            if (!line.startsWith(TIMINGS) && !line.startsWith(WHERE)) {
                out.append(line).append('\n');
            }
        }
        return out.substring(0, Math.max(0, out.length() - 1));
    }

    static String render(SubmissionResult r) {
        StringBuilder log = new StringBuilder();
        log.append("student: ").append(r.student()).append('\n');
        log.append("status: ").append(r.status().reportName()).append('\n');
        log.append("sandbox: ").append(r.sandbox().reportName()).append('\n');
        SubmissionResult.Timings t = r.timings();
        log.append(TIMINGS).append("compile ").append(t.compileMillis()).append(" ms, worker start ")
                .append(t.startMillis())
                .append(" ms, checks ").append(t.runMillis()).append(" ms, workers started ").append(t.workers())
                .append('\n');
        long trouble = r.rows().stream().filter(row -> row.outcome().status().equals("timeout")
                || row.outcome().status().equals("crash")).count();
        if (trouble > 0) {
            log.append("checks that timed out or stopped the worker: ").append(trouble).append('\n');
        }
        log.append('\n');
        for (SubmissionResult.Note note : r.notes()) {
            log.append('[').append(note.topic()).append(note.error() ? " error" : "").append("] ")
                    .append(note.message()).append('\n');
        }
        r.rows().stream().filter(row -> r.status() == SubmissionResult.Status.OK)
                .filter(row -> row.outcome().status().equals("timeout")
                || row.outcome().status().equals("crash")).forEach(row -> log.append("[").append(row.outcome().status())
                .append("] ").append(row.spec()).append(' ').append(row.caseName()).append(' ')
                .append(row.check().reportName()).append(": ").append(row.outcome().message())
                .append(row.outcome().detail().isEmpty() ? "" : "\n" + WHERE + row.outcome().detail()).append('\n'));
        if (!r.trace().isEmpty()) {
            log.append("\n--- where topograd failed ---\n").append(r.trace());
        }
        log.append("\n--- output of the submission's code ---\n");
        log.append(r.output().isEmpty() ? "(nothing printed)\n" : r.output());
        if (!r.output().endsWith("\n") && !r.output().isEmpty()) {
            log.append('\n');
        }
        return log.toString();
    }
}
