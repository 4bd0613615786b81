package org.topograd.cli;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Whether standard output is a terminal a person is watching, so that escape codes (colours, a
 * status line redrawn in place) are welcome. Never in a pipe, a file, CI or a {@code TERM=dumb}
 * terminal; colours also never with {@code NO_COLOR} set (no-color.org).
 */
final class Terminal {
    private Terminal() {}

    static boolean interactive() {
        Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        // From Java 22 on, System.console() is there even when output is redirected; isTerminal() tells.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 17 to 21: a console at all means a terminal on both ends
        }
    }

    static boolean color() {
        return interactive() && System.getenv("NO_COLOR") == null;
    }
}
