package org.topograd.cli;

import java.io.PrintWriter;
import org.topograd.sandbox.Launcher;
import org.topograd.sandbox.SandboxLevel;

/** Choosing the sandbox for a command, and saying once when it is the weaker one. */
final class Sandboxes {
    private Sandboxes() {}

    static final String PLAIN_NOTICE = "topograd: bubblewrap (bwrap) is not available, so student code runs in a"
            + " plain child JVM with JVM limits and timeouts only: it can read and write your files and use the"
            + " network. Install it for full isolation: sudo apt-get install bubblewrap";

    static Launcher detect(PrintWriter err) {
        Launcher launcher = Launcher.detect();
        if (launcher.level() == SandboxLevel.PLAIN) {
            err.println(PLAIN_NOTICE);
        }
        return launcher;
    }
}
