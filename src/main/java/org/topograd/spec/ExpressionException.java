package org.topograd.spec;

/** A malformed expression, with the 0-based offset of the problem within the expression's text. */
public final class ExpressionException extends Exception {
    private final int offset;

    public ExpressionException(int offset, String message) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
