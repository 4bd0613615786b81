package org.topograd.submission;

/**
 * One compiler message, located in the student's own terms.
 *
 * @param kind {@code error} or {@code warning}
 * @param path the file relative to the submission folder ({@code ""} when javac names none)
 * @param line 1-based, or 0
 * @param column 1-based, or 0
 * @param message javac's message
 */
public record Diagnostic(String kind, String path, long line, long column, String message) {
    @Override
    public String toString() {
        String where = path.isEmpty() ? "" : line > 0 ? path + ":" + line + ":" + column + ": " : path + ": ";
        return where + kind + ": " + message;
    }

    public boolean isError() {
        return kind.equals("error");
    }
}
