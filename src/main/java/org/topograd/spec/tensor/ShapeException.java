package org.topograd.spec.tensor;

/**
 * A shape rule that does not hold: the message gives the shapes involved and what to do, and the
 * spec reader adds the file, line and column.
 */
public final class ShapeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ShapeException(String message) {
        super(message);
    }
}
