package org.topograd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes the symbolic links a test planted (to {@code /proc}, to files outside its folder) before
 * JUnit deletes the test's temporary folder, which would otherwise warn about each one in the
 * build's output, where a real failure must be easy to find.
 */
public final class Links {
    private Links() {}

    public static void removeUnder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> links;
        try (Stream<Path> walk = Files.walk(root)) { // walk does not follow links
            links = walk.filter(Files::isSymbolicLink).toList();
        }
        for (Path link : links) {
            Files.deleteIfExists(link); // the link, never what it points to
        }
    }
}
