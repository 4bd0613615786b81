package org.topograd.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Reads spec files. Every problem in a file is reported with its line and column and what to do,
 * as many as can be found in one pass; one bad file never stops the others from being read.
 */
public final class SpecLoader {
    /** The file in a specs folder that configures the assignment rather than describing a graph. */
    public static final String ASSIGNMENT_FILE = "assignment.yaml";

    private SpecLoader() {}

    /** Every spec file in a folder (not recursive), sorted by name; {@code assignment.yaml} is not a spec. */
    public static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.equals(ASSIGNMENT_FILE);
                    })
                    .sorted()
                    .toList();
        }
    }

    /** The spec files named by the arguments: files as given, folders expanded with {@link #list}. */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                files.addAll(list(path));
            } else {
                files.add(path);
            }
        }
        return files;
    }

    /**
     * Reads a spec file: a valid spec, or every problem found, each at its line and column with what
     * to do. Total: whatever the file holds, however large or broken, this returns.
     */
    public static SpecResult load(Path file) {
        SourceText.Read read = SourceText.read(file);
        if (read instanceof SourceText.Read.Refused refused) {
            return new SpecResult.Invalid(file, refused.problems());
        }
        return parse(file, ((SourceText.Read.Text) read).text());
    }

    /** Parses spec text; {@code file} is used for messages and the spec's id. Total, as {@link #load} is. */
    public static SpecResult parse(Path file, String text) {
        try {
            return new SpecReader(file).read(text);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // A bug of topograd's, which the fuzz test hunts for: still this file's problem, never the run's end.
            return new SpecResult.Invalid(file, List.of(new Problem(new Location(file, 1, 1), "topograd could not read"
                    + " this spec (" + e.getClass().getSimpleName() + "): this is a bug in topograd; please report it"
                    + " with the file, and check the file with topograd validate meanwhile")));
        }
    }

    /** The spec's id: its file name without the extension. */
    public static String idOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Random points for a spec: each input drawn uniformly from [low, high), in input order. */
    static List<double[]> randomPoints(int inputs, int count, long seed, double low, double high) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double[] point = new double[inputs];
            for (int k = 0; k < inputs; k++) {
                point[k] = low + (high - low) * random.nextDouble();
            }
            points.add(point);
        }
        return points;
    }
}
