package org.topograd.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers (and a crash, or Ctrl-C) only ever see the old content or the new:
 * the bytes go to a temporary file in the same folder, which is then renamed over the target.
 *
 * <p>The file gets the permissions any program's new file gets, {@code 0666} less the user's
 * umask (so {@code 0644} with the usual umask 022), and folders {@code 0777} less the umask: a
 * kit or a report copied to a shared course folder can be read there. (Not
 * {@code Files.createTempFile}, which makes a private {@code 0600} file whatever the umask, and the
 * rename would carry that mode over to the target.)
 */
public final class AtomicFiles {
    private static final int ATTEMPTS = 100;

    private AtomicFiles() {}

    public static void write(Path target, byte[] content) throws IOException {
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
            return; // unchanged: leave it, and its timestamp, alone
        }
        replace(target, out -> out.write(content));
    }

    /** What goes into a file: written to the stream given, which it must not close. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Replaces the target's content with what {@code content} writes, all or nothing: when it (or
     * the disk) fails part way, the target is what it was and no temporary file is left.
     */
    static void replace(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = createTemp(dir, target.getFileName().toString(), content);
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A new file beside the target holding {@code content}, created exclusively (never one that
     * already exists, such as another writer's) with the umask's permissions.
     */
    private static Path createTemp(Path dir, String name, Content content) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + ".tmp");
            OutputStream out;
            try {
                out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt < ATTEMPTS) {
                    continue;
                }
                throw e;
            }
            try (out) {
                content.writeTo(out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            return temp;
        }
    }
}
