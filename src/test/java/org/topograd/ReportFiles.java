package org.topograd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A reports folder's content, for tests that compare two runs' reports byte for byte. */
public final class ReportFiles {
    private ReportFiles() {}

    /** Every report file but the logs (the only ones that hold timings), by its path in the folder. */
    public static Map<String, String> withoutLogs(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = folder.relativize(file).toString();
                if (!name.startsWith("logs/")) {
                    files.put(name, Files.readString(file));
                }
            }
        }
        return files;
    }
}
