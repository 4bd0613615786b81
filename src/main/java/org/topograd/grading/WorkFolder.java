package org.topograd.grading;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.topograd.Folders;

/**
 * A grading run's private folder (compiled classes, workers' scratch space, the worker runtime),
 * under {@code $TOPOGRAD_WORK} or the system property {@code topograd.work}, else the system's
 * temporary folder. The run holds a lock on its {@code .lock} file for as long as it lives; the
 * operating system releases it when the process ends however it ends, so a later run can tell the
 * folder of a run that was killed (SIGKILL, a crash, the machine rebooted) from one still working,
 * and removes it.
 *
 * <p>The lock is a POSIX record lock, which the process holds, not the channel: closing any
 * channel this JVM has open on a lock file lets go of this JVM's lock on it, and another process
 * would then take the folder for abandoned and delete it under the run. So the folders of this
 * JVM's own runs (two grades at once in one JVM, as tests do) are known here and never probed.
 */
final class WorkFolder implements AutoCloseable {
    static final String PREFIX = "topograd-";
    /** A folder being made: renamed to {@link #PREFIX} only once its lock is held, so no run ever sees it unlocked. */
    private static final String NEW = ".topograd-new-";
    private static final String LOCK = ".lock";
    /** The folders of this JVM's runs that are still working: never probed, see above. */
    private static final Set<Path> OURS = new HashSet<>();

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private WorkFolder(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    Path dir() {
        return dir;
    }

    /** Where work folders go. */
    static Path root() {
        String configured = System.getProperty("topograd.work", System.getenv("TOPOGRAD_WORK"));
        return Path.of(configured != null && !configured.isBlank() ? configured : System.getProperty("java.io.tmpdir"));
    }

    /** A new work folder under {@link #root()}, after removing those of runs that are gone. */
    static WorkFolder create() throws IOException {
        return create(root());
    }

    /** A new work folder under {@code root}, after removing those of runs that are gone. */
    static synchronized WorkFolder create(Path root) throws IOException {
        Files.createDirectories(root);
        removeAbandoned(root);
        Path making = Files.createTempDirectory(root, NEW);
        FileChannel channel = FileChannel.open(making.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.lock();
            Path dir = Files.move(making,
                    root.resolve(PREFIX + making.getFileName().toString().substring(NEW.length())));
            OURS.add(dir.toAbsolutePath());
            return new WorkFolder(dir, channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Folders.deleteTree(making);
            throw e;
        }
    }

    /**
     * Removes the work folders under {@code root} whose run has ended without removing them: their
     * lock is free. Folders of other users and folders without a lock file (not topograd's) are left
     * alone.
     */
    static synchronized void removeAbandoned(Path root) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path folder : folders) {
                Path lockFile = folder.resolve(LOCK);
                if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                        || !Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)
                        || !ownedByUs(folder) || OURS.contains(folder.toAbsolutePath())) {
                    continue;
                }
                if (abandoned(lockFile)) {
                    Folders.deleteTree(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Clearing up after others is a courtesy: a folder that cannot be removed stays.
        }
    }

    private static boolean ownedByUs(Path folder) throws IOException {
        return Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
    }

    /** Whether no process holds the lock (taking it, briefly, to find out). */
    private static boolean abandoned(Path lockFile) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false; // another process is using it
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // this very JVM is using it (not one of OURS: its run has just ended)
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the lock has been let go of (by an earlier close). */
    private boolean released;

    /**
     * Removes the folder and lets go of its lock. A stopped run closes it twice, one close right
     * after the other or both at once: the stop's removal, once its processes are killed, and the
     * run's own as it winds up. The calls take turns, and a later one removes what was added
     * after an earlier one listed the folder (a grading thread finishing its step, a process not
     * yet dead), instead of failing on the lock already let go of.
     */
    @Override
    public synchronized void close() throws IOException {
        if (released) {
            Folders.deleteTree(dir);
            return;
        }
        try {
            Folders.deleteTree(dir);
        } finally {
            released = true;
            lock.release();
            channel.close();
            synchronized (WorkFolder.class) {
                OURS.remove(dir.toAbsolutePath());
            }
        }
    }
}
