package org.topograd.submission;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of preparing a submission's classes.
 *
 * @param classes the compiled classes (a folder) or the submitted jar; null unless ok
 * @param diagnostics every compiler message, errors and warnings
 * @param problem null, or why there are no classes (no sources, a compile error, a timeout)
 * @param millis how long it took
 * @param notes files of the submission that were left out, and why (links, FIFOs, ...)
 */
public record CompileResult(Status status, Path classes, List<Diagnostic> diagnostics, String problem, long millis,
        List<String> notes) {
    public enum Status {
        OK,
        NO_SOURCES,
        COMPILE_ERROR
    }

    public CompileResult {
        diagnostics = List.copyOf(diagnostics);
        notes = List.copyOf(notes);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
