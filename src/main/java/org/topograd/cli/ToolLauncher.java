package org.topograd.cli;

import java.util.OptionalInt;

/**
 * topograd's entry point ({@code java -jar topograd.jar}), as small as an entry point can be: a
 * {@code check} goes straight to the JVM started for it ({@link FastStart}) without this JVM so much
 * as loading picocli, which {@link Main} links to; every other command runs {@link Main} here.
 */
public final class ToolLauncher {
    private ToolLauncher() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("check")) {
            OptionalInt status = FastStart.run(Main.class, args);
            if (status.isPresent()) {
                System.exit(status.getAsInt());
            }
        }
        Main.main(args);
    }
}
