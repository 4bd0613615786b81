package org.topograd.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One student's folder: {@code .java} files at any depth, or a {@code .jar}.
 *
 * @param id the folder's name, which names the student in every report
 * @param dir the folder
 */
public record Submission(String id, Path dir) {
    /**
     * One folder given on its own ({@code check}, Gradescope, {@code explain}): made absolute and
     * normal, and named by its last part ({@code submission} for the root, which has none).
     */
    public static Submission ofFolder(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        return new Submission(dir.getFileName() == null ? "submission" : dir.getFileName().toString(), dir);
    }

    /** Every submission folder under {@code root}, sorted by id; hidden folders are skipped. */
    public static List<Submission> list(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith("."))
                    .sorted()
                    .map(d -> new Submission(d.getFileName().toString(), d))
                    .toList();
        }
    }

    /** The {@code .java} files, sorted, relative paths resolved against {@link #dir()}. */
    public List<Path> sources() throws IOException {
        return files(".java");
    }

    /** The {@code .jar} files, sorted. */
    public List<Path> jars() throws IOException {
        return files(".jar");
    }

    private List<Path> files(String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }
}
