package org.topograd.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * What a submission folder holds, read as hostile input: only regular files count, and nothing is
 * followed. A symbolic link (to another student's files, to a hidden spec, to {@code /proc}), a
 * FIFO, a device or a socket is left out with a note. Nothing here reads a file's content, and
 * every read elsewhere goes through {@link #open}, which checks the file again where it opens it.
 *
 * @param sources the {@code .java} files, sorted
 * @param jars the {@code .jar} files, sorted
 * @param others every other regular file, sorted (they change the grade key, nothing else)
 * @param notes one line for each entry left out, and for a walk cut short
 */
public record SubmissionFiles(List<Path> sources, List<Path> jars, List<Path> others, List<String> notes) {
    /** More entries than any real submission has: the walk stops there, with a note. */
    static final int MAX_ENTRIES = 10_000;

    public SubmissionFiles {
        sources = List.copyOf(sources);
        jars = List.copyOf(jars);
        others = List.copyOf(others);
        notes = List.copyOf(notes);
    }

    /** Every regular file, in path order. */
    public List<Path> regular() {
        List<Path> all = new ArrayList<>(sources);
        all.addAll(jars);
        all.addAll(others);
        all.sort(null);
        return all;
    }

    /**
     * Lists {@code dir} (the instructor's submission folder; if it is itself a link, the instructor
     * made it and it is followed once) without following anything inside it.
     */
    public static SubmissionFiles of(Path dir) throws IOException {
        Path root = dir.toRealPath();
        List<Path> sources = new ArrayList<>();
        List<Path> jars = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int[] entries = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return count() ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!count()) {
                    return FileVisitResult.TERMINATE;
                }
                String name = root.relativize(file).toString().replace('\\', '/');
                String kind = attrs.isSymbolicLink() ? "a symbolic link" : !attrs.isRegularFile()
                        ? "not a regular file (a FIFO, a device or a socket)" : null;
                if (kind != null) {
                    notes.add(name + " is " + kind + ", so it was left out: submit the file itself");
                } else if (name.endsWith(".java")) {
                    sources.add(file);
                } else if (name.endsWith(".jar")) {
                    jars.add(file);
                } else {
                    others.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                notes.add(root.relativize(file) + " cannot be read, so it was left out (" + e.getClass().getSimpleName()
                        + ")");
                return FileVisitResult.CONTINUE;
            }

            private boolean count() {
                if (++entries[0] > MAX_ENTRIES) {
                    notes.add("the submission has more than " + MAX_ENTRIES + " files and folders; only the first were"
                            + " looked at");
                    return false;
                }
                return true;
            }
        });
        sources.sort(null);
        jars.sort(null);
        others.sort(null);
        return new SubmissionFiles(sources, jars, others, notes);
    }

    /**
     * Opens a file of the listing for reading, only if it is still a regular file (it may have been
     * swapped for a link since it was listed), without following a link at the last moment.
     */
    public static InputStream open(Path file) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile()) {
            throw new IOException(file.getFileName() + " is no longer a regular file");
        }
        return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** The file's size as listed, without following a link. */
    public static long size(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
    }
}
