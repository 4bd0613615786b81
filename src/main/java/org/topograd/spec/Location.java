package org.topograd.spec;

import java.nio.file.Path;

/**
 * A place in a spec file, 1-based, for messages in the compiler's {@code file:line:column} form.
 */
public record Location(Path file, int line, int column) {
    public static Location of(Path file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        String name = file == null ? "<spec>" : file.toString();
        return line <= 0 ? name : name + ":" + line + ":" + column;
    }
}
