package org.topograd.sandbox;

/** A worker could not be started or did not answer at all. */
public final class WorkerException extends Exception {
    private final String details;

    public WorkerException(String message, String details) {
        super(message);
        this.details = details;
    }

    /** What the JVM printed, for the log. */
    public String details() {
        return details;
    }
}
