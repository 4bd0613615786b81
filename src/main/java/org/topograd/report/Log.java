package org.topograd.report;

import org.topograd.grading.SubmissionResult;

/**
 * A student's log, for the instructor: how it went (timings, workers started), every note, and what
 * the code printed. Unlike the CSVs it holds timings, so it differs from run to run.
 */
final class Log {
    private Log() {}

    static String render(SubmissionResult r) {
        StringBuilder log = new StringBuilder();
        log.append("student: ").append(r.student()).append('\n');
        log.append("status: ").append(r.status().reportName()).append('\n');
        log.append("sandbox: ").append(r.sandbox().reportName()).append('\n');
        SubmissionResult.Timings t = r.timings();
        log.append("timings: compile ").append(t.compileMillis()).append(" ms, worker start ").append(t.startMillis())
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
                .append(row.outcome().detail().isEmpty() ? "" : " (" + row.outcome().detail() + ")").append('\n'));
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
