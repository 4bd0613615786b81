package org.topograd.cli;

import java.util.OptionalInt;

/**
 * The student kit's entry point, as small as an entry point can be: a {@code check} goes straight
 * to the JVM started for it ({@link FastStart}) without this JVM so much as loading picocli, which
 * {@link StudentMain} links to; anything else runs {@link StudentMain} here.
 */
public final class KitLauncher {
    private KitLauncher() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("check")) {
            OptionalInt status = FastStart.run(StudentMain.class, args);
            if (status.isPresent()) {
                System.exit(status.getAsInt());
            }
        }
        StudentMain.main(args);
    }
}
